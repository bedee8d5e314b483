using System.Runtime.InteropServices;
using Torch.Native;
using ScalarType = TorchSharp.torch.ScalarType;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// The ways between this library's tensors, TorchSharp's tensors and .NET arrays and spans, in both directions.
public static partial class torch
{
    /// <summary>
    /// A library tensor sharing memory with a TorchSharp tensor (as Lua's <c>torch.Tensor(t)</c> shares t's storage): writes
    /// through either are seen by the other. It does not record autograd history (TorchSharp's <c>detach()</c>).
    /// The TorchSharp tensor stays the caller's to dispose; the memory lives while either uses it.
    /// Example: <c>Tensor t = torch.Tensor(TorchSharp.torch.ones(2, 3));</c>
    /// </summary>
    /// <exception cref="ArgumentException">the element type has no Torch7 counterpart (Bool, BFloat16, complex).</exception>
    public static Tensor Tensor(TT tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!TensorType.IsTorch7(tensor.dtype))
            throw new ArgumentException($"torch.Tensor: a TorchSharp tensor of element type {tensor.dtype} has no Torch7 type " +
                "(expected Float64, Float32, Int64, Int32, Int16, Int8, Byte or Float16; convert it with to_type first)", nameof(tensor));
        return new Tensor(tensor.detach());
    }

    /// <summary>A DoubleTensor holding a copy of <paramref name="values"/>, with sizes <paramref name="size"/> (default: one dimension).
    /// Example: <c>torch.DoubleTensor(span, 2, 3)</c>.</summary>
    public static Tensor DoubleTensor(ReadOnlySpan<double> values, params long[] size) => FromSpan(values, size);
    /// <summary>A FloatTensor holding a copy of <paramref name="values"/>. Example: <c>torch.FloatTensor(pixels.AsSpan(), 28, 28)</c>.</summary>
    public static Tensor FloatTensor(ReadOnlySpan<float> values, params long[] size) => FromSpan(values, size);
    /// <summary>A LongTensor holding a copy of <paramref name="values"/>, exactly (a <c>long[]</c> alone binds to sizes: pass
    /// <c>ids.AsSpan()</c>). Example: <c>torch.LongTensor(ids.AsSpan())</c>.</summary>
    public static Tensor LongTensor(ReadOnlySpan<long> values, params long[] size) => FromSpan(values, size);
    /// <summary>An IntTensor holding a copy of <paramref name="values"/>. Example: <c>torch.IntTensor(labels.AsSpan())</c>.</summary>
    public static Tensor IntTensor(ReadOnlySpan<int> values, params long[] size) => FromSpan(values, size);
    /// <summary>A ShortTensor holding a copy of <paramref name="values"/>. Example: <c>torch.ShortTensor(samples.AsSpan())</c>.</summary>
    public static Tensor ShortTensor(ReadOnlySpan<short> values, params long[] size) => FromSpan(values, size);
    /// <summary>A CharTensor holding a copy of <paramref name="values"/>. Example: <c>torch.CharTensor(deltas.AsSpan())</c>.</summary>
    public static Tensor CharTensor(ReadOnlySpan<sbyte> values, params long[] size) => FromSpan(values, size);
    /// <summary>A ByteTensor holding a copy of <paramref name="values"/>. Example: <c>torch.ByteTensor(file.AsSpan(16), 60000, 28, 28)</c>.</summary>
    public static Tensor ByteTensor(ReadOnlySpan<byte> values, params long[] size) => FromSpan(values, size);

    static Tensor FromSpan<T>(ReadOnlySpan<T> values, long[] size) where T : unmanaged
    {
        if (size.Length == 0) size = new long[] { values.Length };
        var r = Make(TensorType.Of<T>(), false, size);
        if (r.NElement() != values.Length)
            throw new ArgumentException($"torch.{TensorType.Short(TensorType.Of<T>())}Tensor: {values.Length} values for sizes " +
                $"{string.Join("x", size)} ({r.NElement()} elements)");
        values.CopyTo(r.DataSpan<T>());
        return r;
    }

    /// <summary>Builds a tensor from a rectangular (<c>byte[60000, 784]</c>) or jagged (<c>double[][]</c>) .NET array, or an
    /// <c>object[]</c> of numbers, as Lua's <c>torch.Tensor({{1, 2}, {3, 4}})</c>. Arrays of a Torch7 element type are copied as
    /// memory, without boxing, and converted by libtorch, so 64-bit integers stay exact.</summary>
    internal static Tensor FromArray(Array values, ScalarType type, bool cuda)
    {
        var sizes = new List<long>();
        var pieces = new List<Array>();
        Collect(values, sizes, pieces, 0);
        var r = Make(type, false, sizes.ToArray());
        long n = r.NElement(), given = pieces.Sum(p => (long)p.Length);
        if (given != n)
            throw new ArgumentException($"torch.Tensor: the table is not rectangular ({given} numbers for sizes {string.Join("x", sizes)})");
        if (n > 0)
        {
            var packed = Packed(pieces, n, r.Raw);
            if (!ReferenceEquals(packed, r.Raw))
            {
                using var flat = r.Raw.view(-1);
                flat.copy_(packed);
                packed.Dispose();
            }
        }
        return cuda ? r.Type(TensorType.Name(type, true)) : r;
    }

    /// <summary>Gathers the sizes of a (possibly jagged) array and its rows of numbers, in row-major order.</summary>
    static void Collect(Array a, List<long> sizes, List<Array> pieces, int depth)
    {
        if (a.Rank > 1)
        {
            if (depth > 0) throw new ArgumentException("torch.Tensor: a multi-dimensional array inside a table (use one rectangular array or nested tables)");
            for (int d = 0; d < a.Rank; d++) sizes.Add(a.GetLength(d));
            pieces.Add(a);
            return;
        }
        if (sizes.Count == depth) sizes.Add(a.Length);
        else if (sizes[depth] != a.Length)
            throw new ArgumentException($"torch.Tensor: inconsistent table sizes at depth {depth + 1}: {sizes[depth]} and {a.Length}");
        var element = a.GetType().GetElementType()!;
        if (element != typeof(object) && !element.IsArray)
        {
            if (sizes.Count > depth + 1) throw new ArgumentException($"torch.Tensor: a number where a table was expected at depth {depth + 1}");
            pieces.Add(a);
            return;
        }
        List<double>? numbers = null;
        foreach (var v in a)
        {
            switch (v)
            {
                case null: throw new ArgumentException("torch.Tensor: null inside the table");
                case Array inner: Collect(inner, sizes, pieces, depth + 1); break;
                default:
                    if (sizes.Count > depth + 1) throw new ArgumentException($"torch.Tensor: a number where a table was expected at depth {depth + 1}");
                    (numbers ??= new()).Add(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
        if (numbers is not null) pieces.Add(numbers.ToArray());
    }

    /// <summary>The rows as one CPU tensor: their memory copied as it is when they share a Torch7 element type (straight into
    /// <paramref name="target"/>, fresh and contiguous, when it is that type: one pass over the memory), else as doubles.</summary>
    static TT Packed(List<Array> pieces, long n, TT target)
    {
        var element = pieces[0].GetType().GetElementType()!;
        if (!pieces.All(p => p.GetType().GetElementType() == element) || !TensorType.TryOf(element, out var type))
        {
            pieces = pieces.Select(p => (Array)p.Cast<object>().Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
            type = ScalarType.Float64;
        }
        var packed = type == target.dtype ? target : Empty(type, false, n);
        var dst = Torch.Tensor.Bytes(packed);
        int width = (int)packed.element_size();
        long at = 0;
        foreach (var p in pieces)
        {
            var bytes = MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(p), checked(p.Length * width));
            bytes.CopyTo(dst[(int)at..]);
            at += bytes.Length;
        }
        return packed;
    }
}

public sealed partial class Tensor
{
    /// <summary>
    /// The elements as a new <typeparamref name="T"/>[] in row-major order: converted by libtorch when <typeparamref name="T"/> is not
    /// the element type, exact when it is (a LongTensor read as <c>long</c> keeps every 64-bit value).
    /// <typeparamref name="T"/> is one of double, float, long, int, short, sbyte, byte, Half.
    /// Example: <c>float[] f = t.ToArray&lt;float&gt;(); long[] ids = idx.ToArray&lt;long&gt;();</c>
    /// </summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        var r = new T[ArrayLength()];
        CopyTo<T>(r);
        return r;
    }

    /// <summary>The number of elements, checked to fit in one .NET array (a view with stride 0 can have 2^40 of them).</summary>
    long ArrayLength()
    {
        long n = NElement();
        if (n > Array.MaxLength) throw new InvalidOperationException($"ToArray: {n} elements do not fit in one .NET array");
        return n;
    }

    /// <summary>
    /// Copies the elements in row-major order into <paramref name="destination"/> (at least <see cref="NElement"/> long), converting
    /// them to <typeparamref name="T"/> as <see cref="ToArray{T}"/> does; works for views and CUDA tensors.
    /// Example: <c>Span&lt;float&gt; buffer = stackalloc float[6]; m.CopyTo(buffer);</c>
    /// </summary>
    public void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        long n = NElement();
        if (destination.Length < n)
            throw new ArgumentException($"CopyTo: the destination holds {destination.Length} elements but the tensor has {n}", nameof(destination));
        if (n == 0) return;
        using var converted = handle.to(TensorType.Of<T>(), TS.CPU);
        using var contiguous = converted.contiguous();
        MemoryMarshal.Cast<byte, T>(Bytes(contiguous)).CopyTo(destination);
    }

    /// <summary>The elements of this contiguous CPU tensor, in place (<typeparamref name="T"/> is its element type).</summary>
    internal Span<T> DataSpan<T>() where T : unmanaged => MemoryMarshal.Cast<byte, T>(Bytes(handle));

    /// <summary>The memory of a contiguous CPU tensor, in place.</summary>
    internal static unsafe Span<byte> Bytes(TT t)
    {
        long width = t.element_size();
        IntPtr p = THS.THSStorage_data_ptr(t.Handle) + (nint)(t.storage_offset() * width);
        return new Span<byte>((void*)p, checked((int)(t.numel() * width)));
    }
}
