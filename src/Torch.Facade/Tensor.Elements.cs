using System.Runtime.InteropServices;
using Torch.Native;
using TorchSharp;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

public sealed partial class Tensor
{
    /// <summary>The element (all dimensions indexed, 1-based) or a view (fewer indices), as Lua's <c>a[i]</c> / <c>a[{i, j}]</c>.
    /// Example: <c>double v = a[2, 3]; Tensor row = a[2];</c></summary>
    public Subscript this[long i]
    {
        get => Get(stackalloc long[] { i });
        set => Put(stackalloc long[] { i }, value);
    }

    /// <summary>Element or view at (i, j). Example: <c>a[2, 3] = 7;</c></summary>
    public Subscript this[long i, long j]
    {
        get => Get(stackalloc long[] { i, j });
        set => Put(stackalloc long[] { i, j }, value);
    }

    /// <summary>Element or view at (i, j, k). Example: <c>double v = x[1, 2, 3];</c></summary>
    public Subscript this[long i, long j, long k]
    {
        get => Get(stackalloc long[] { i, j, k });
        set => Put(stackalloc long[] { i, j, k }, value);
    }

    /// <summary>Element or view at any number of 1-based indices. Example: <c>double v = x[1, 2, 3, 4, 5];</c></summary>
    public Subscript this[params long[] index]
    {
        get => Get(index);
        set => Put(index, value);
    }

    Subscript Get(ReadOnlySpan<long> index)
    {
        if (index.Length > Dim())
            throw new IndexOutOfRangeException($"Tensor index: {index.Length} indices for a {Dim()}-dimensional tensor");
        if (index.Length == Dim()) return new Subscript(ReadElement(Offset(index)));
        return new Subscript(SelectAll(index));
    }

    void Put(ReadOnlySpan<long> index, Subscript value)
    {
        if (index.Length > Dim())
            throw new IndexOutOfRangeException($"Tensor index: {index.Length} indices for a {Dim()}-dimensional tensor");
        if (index.Length == Dim() && !value.IsTensor)
        {
            WriteElement(Offset(index), value);
            return;
        }
        using var view = index.Length == Dim() ? SelectAll(index[..^1]).Narrow(1, index[^1] < 0 ? index[^1] + Sizes[^1] + 1 : index[^1], 1) : SelectAll(index);
        if (value.IsTensor) view.Copy(value);
        else view.Fill(value);
    }

    Tensor SelectAll(ReadOnlySpan<long> index)
    {
        var r = handle.alias();
        for (int d = 0; d < index.Length; d++)
        {
            long i = CheckIndex(d, index[d], "Tensor index");
            var next = r.select(0, i);
            r.Dispose();
            r = next;
        }
        return new Tensor(r);
    }

    /// <summary>The absolute 0-based storage position of a fully indexed element.</summary>
    long Offset(ReadOnlySpan<long> index)
    {
        long off = handle.storage_offset();
        var st = Strides;
        for (int d = 0; d < index.Length; d++) off += CheckIndex(d, index[d], "Tensor index") * st[d];
        return off;
    }

    /// <summary>The one gate to single elements: the position must lie in the storage (a tensor with no elements has none).</summary>
    long Reach(long storageIndex, string fn)
    {
        if (NElement() == 0) throw new IndexOutOfRangeException($"{fn}: the tensor has no elements ({Type()} with no dimension)");
        long n = StorageSize;
        if (storageIndex < 0 || storageIndex >= n)
            throw new IndexOutOfRangeException($"{fn}: element {storageIndex + 1} of a storage of {n} elements");
        return storageIndex;
    }

    double ReadElement(long storageIndex)
    {
        Reach(storageIndex, "Tensor index");
        if (!IsCuda) return Elements.Read(THS.THSStorage_data_ptr(handle.Handle), ScalarType, storageIndex);
        using var e = handle.as_strided(Array.Empty<long>(), Array.Empty<long>(), storageIndex);
        using var c = e.cpu();
        return c.to_type(TS.ScalarType.Float64).item<double>();
    }

    void WriteElement(long storageIndex, double v)
    {
        Reach(storageIndex, "Tensor index");
        if (!IsCuda)
        {
            Elements.Write(THS.THSStorage_data_ptr(handle.Handle), ScalarType, storageIndex, v);
            return;
        }
        using var e = handle.as_strided(Array.Empty<long>(), Array.Empty<long>(), storageIndex);
        using var s = ScalarLease.Of(v, ScalarType);
        e.fill_(s.Value);
    }

    /// <summary>The storage positions (0-based) of all elements, in row-major order of the tensor's indices.</summary>
    internal IEnumerable<long> Offsets()
    {
        long n = NElement();
        if (n == 0) yield break;
        var sz = Sizes; var st = Strides;
        Int128 last = handle.storage_offset();
        for (int d = 0; d < sz.Length; d++) last += (Int128)(sz[d] - 1) * st[d];
        if (handle.storage_offset() < 0 || st.Any(x => x < 0) || last >= StorageSize)
            throw new IndexOutOfRangeException($"Tensor elements: the view ({SizeString()}, strides {string.Join("x", st)}, offset {StorageOffset()}) reaches beyond its storage of {StorageSize} elements");
        int dims = sz.Length;
        var counter = new long[dims];
        long off = handle.storage_offset();
        for (long k = 0; k < n; k++)
        {
            yield return off;
            for (int d = dims - 1; d >= 0; d--)
            {
                if (++counter[d] < sz[d]) { off += st[d]; break; }
                off -= (sz[d] - 1) * st[d];
                counter[d] = 0;
            }
        }
    }

    /// <summary>The elements as doubles in row-major order (a copy). Example: <c>double[] v = x.ToArray();</c></summary>
    public double[] ToArray()
    {
        if (IsCuda)
        {
            using var c = handle.to_type(TS.ScalarType.Float64).cpu().contiguous();
            return c.data<double>().ToArray();
        }
        var r = new double[ArrayLength()];
        var type = ScalarType;
        if (type == TS.ScalarType.Float64 && r.Length > 0 && handle.is_contiguous() && handle.storage_offset() + r.Length <= StorageSize)
        {
            MemoryMarshal.Cast<byte, double>(Bytes(handle)).CopyTo(r); // one block copy: the common case (criterions read their inputs)
            return r;
        }
        IntPtr p = THS.THSStorage_data_ptr(handle.Handle);
        int i = 0;
        foreach (var off in Offsets()) r[i++] = Elements.Read(p, type, off);
        return r;
    }

    /// <summary>Replaces every element x by <c>f(x)</c>, in row-major order (Lua's <c>apply</c>).
    /// Example: <c>int i = 0; x.Apply(_ => ++i);</c></summary>
    public Tensor Apply(Func<double, double> f)
    {
        RequireCpu("Apply");
        IntPtr p = THS.THSStorage_data_ptr(handle.Handle);
        var type = ScalarType;
        foreach (var off in Offsets()) Elements.Write(p, type, off, f(Elements.Read(p, type, off)));
        return this;
    }

    /// <summary>Replaces every element x by <c>f(x, y)</c> with y the matching element of <paramref name="other"/> (Lua's <c>map</c>).
    /// Example: <c>x.Map(y, (a, b) => a * b)</c>.</summary>
    public Tensor Map(Tensor other, Func<double, double, double> f)
    {
        RequireCpu("Map");
        other.RequireCpu("Map");
        if (other.NElement() != NElement()) throw new ArgumentException($"Map: {NElement()} elements against {other.NElement()}");
        IntPtr p = THS.THSStorage_data_ptr(handle.Handle), q = THS.THSStorage_data_ptr(other.handle.Handle);
        var type = ScalarType; var otype = other.ScalarType;
        using var e = other.Offsets().GetEnumerator();
        foreach (var off in Offsets())
        {
            e.MoveNext();
            Elements.Write(p, type, off, f(Elements.Read(p, type, off), Elements.Read(q, otype, e.Current)));
        }
        return this;
    }

    /// <summary>Replaces every element x by <c>f(x, y, z)</c> with y, z from <paramref name="t1"/>, <paramref name="t2"/> (Lua's <c>map2</c>).
    /// Example: <c>x.Map2(y, z, (a, b, c) => a + b * c)</c>.</summary>
    public Tensor Map2(Tensor t1, Tensor t2, Func<double, double, double, double> f)
    {
        RequireCpu("Map2");
        if (t1.NElement() != NElement() || t2.NElement() != NElement())
            throw new ArgumentException($"Map2: {NElement()} elements against {t1.NElement()} and {t2.NElement()}");
        IntPtr p = THS.THSStorage_data_ptr(handle.Handle), q1 = THS.THSStorage_data_ptr(t1.handle.Handle), q2 = THS.THSStorage_data_ptr(t2.handle.Handle);
        var type = ScalarType;
        using var e1 = t1.Offsets().GetEnumerator();
        using var e2 = t2.Offsets().GetEnumerator();
        foreach (var off in Offsets())
        {
            e1.MoveNext(); e2.MoveNext();
            Elements.Write(p, type, off, f(Elements.Read(p, type, off), Elements.Read(q1, t1.ScalarType, e1.Current), Elements.Read(q2, t2.ScalarType, e2.Current)));
        }
        return this;
    }

    internal void RequireCpu(string fn)
    {
        if (IsCuda) throw new InvalidOperationException($"{fn}: runs on CPU tensors only; this is a {Type()} (use Float() or Double() first)");
    }

    /// <summary>Exactly what Torch7's <c>tostring(x)</c> prints, footer and trailing newline included.
    /// Example: <c>Console.Write(torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } }));</c></summary>
    public override string ToString() => TensorPrinter.Tensor(ToArray(), Sizes, Type());

    /// <summary>A Lua-like nested table of the values (Lua's <c>totable</c>): double[] for 1-D, object[] of those above.
    /// Example: <c>var rows = (object[])m.ToTable();</c></summary>
    public object ToTable()
    {
        if (Dim() <= 1) return ToArray();
        var r = new object[Sizes[0]];
        for (long i = 0; i < r.Length; i++) r[i] = Select(1, i + 1).ToTable();
        return r;
    }
}
