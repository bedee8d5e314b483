using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's indexing methods (reference §1.5): index tensors are 1-based LongTensors and masks are ByteTensors.
// Every index is checked here, before libtorch sees it, so a bad one raises a .NET exception naming the range.
public sealed partial class Tensor
{
    /// <summary>Checks a 1-based LongTensor of indices against 1..<paramref name="size"/> and returns its 0-based libtorch copy.</summary>
    internal static TT ZeroBased(Tensor index, long size, string fn)
    {
        if (index.ScalarType != TS.ScalarType.Int64)
            throw new ArgumentException($"{fn}: expected the indices as a torch.LongTensor, got a {index.Type()}");
        if (index.NElement() > 0)
        {
            using var lo = index.Raw.min();
            using var hi = index.Raw.max();
            long min = lo.item<long>(), max = hi.item<long>();
            if (min < 1 || max > size)
                throw new IndexOutOfRangeException($"{fn}: index {(min < 1 ? min : max)} out of range (expected 1..{size})");
        }
        return index.Raw.Sub(1);
    }

    /// <summary>A 1-D LongTensor of 1-based indices along 0-based dimension <paramref name="d"/>, checked and made 0-based.</summary>
    TT IndexVector(Tensor index, int d, string fn)
    {
        if (index.Dim() > 1) throw new ArgumentException($"{fn}: expected a 1-dimensional index tensor, got size {index.SizeString()}");
        var i = ZeroBased(index, Sizes[d], fn);
        if (i.dim() == 1) return i;
        using (i) return i.reshape(-1);
    }

    /// <summary>The slices at <paramref name="index"/> (1-based LongTensor) along <paramref name="dim"/>, copied into a new tensor.
    /// Example: <c>x.Index(1, torch.LongTensor(new[] { 3.0, 1 }))</c>.</summary>
    public Tensor Index(int dim, Tensor index) => Result(IndexRaw(this, dim, index));
    /// <summary>Stores <paramref name="src"/>.Index(dim, index) into this tensor. Example: <c>r.Index(x, 1, idx)</c>.</summary>
    public Tensor Index(Tensor src, int dim, Tensor index) => Into(IndexRaw(src, dim, index));

    internal static TT IndexRaw(Tensor src, int dim, Tensor index)
    {
        int d = src.CheckDim(dim, "Index");
        using var i = src.IndexVector(index, d, "Index");
        return src.Raw.index_select(d, i);
    }

    /// <summary>Copies the slices of <paramref name="src"/> into the slices at <paramref name="index"/> along <paramref name="dim"/>, in place.
    /// Example: <c>x.IndexCopy(1, idx, rows)</c>.</summary>
    public Tensor IndexCopy(int dim, Tensor index, Tensor src) => IndexWrite(dim, index, src, add: false);

    /// <summary>Adds the slices of <paramref name="src"/> to the slices at <paramref name="index"/> along <paramref name="dim"/>, in place.
    /// Example: <c>x.IndexAdd(1, idx, rows)</c>.</summary>
    public Tensor IndexAdd(int dim, Tensor index, Tensor src) => IndexWrite(dim, index, src, add: true);

    Tensor IndexWrite(int dim, Tensor index, Tensor src, bool add)
    {
        string fn = add ? "IndexAdd" : "IndexCopy";
        int d = CheckDim(dim, fn);
        using var i = IndexVector(index, d, fn);
        var expected = (long[])Sizes.Clone();
        expected[d] = i.numel();
        if (!src.IsSize(expected))
            throw new ArgumentException($"{fn}: the source must have size {string.Join("x", expected)} ({i.numel()} slices of this tensor), got {src.SizeString()}");
        using var s = src.Raw.to_type(ScalarType, copy: SharesStorageWith(src)); // Torch7 allows a source overlapping the destination
        using var one = ScalarLease.Of(1, ScalarType);
        if (add) Raw.index_add_(d, i, s, one.Value);
        else Raw.index_copy_(d, i, s);
        return this;
    }

    /// <summary>Fills the slices at <paramref name="index"/> along <paramref name="dim"/> with <paramref name="value"/>, in place.
    /// Example: <c>x.IndexFill(2, idx, -1)</c>.</summary>
    public Tensor IndexFill(int dim, Tensor index, double value)
    {
        int d = CheckDim(dim, "IndexFill");
        using var i = IndexVector(index, d, "IndexFill");
        using var v = ScalarLease.Of(value, ScalarType);
        Raw.index_fill_(d, i, v.Value);
        return this;
    }

    /// <summary>Checks a gather/scatter index: same number of dimensions, sizes within <paramref name="bound"/> except along d, values in range.</summary>
    TT GatherIndex(Tensor index, int d, Tensor bound, string fn)
    {
        if (index.Dim() != Dim())
            throw new ArgumentException($"{fn}: the index must have {Dim()} dimensions like the tensor, got size {index.SizeString()}");
        for (int k = 0; k < Dim(); k++)
            if (k != d && index.Sizes[k] > bound.Sizes[k])
                throw new ArgumentException($"{fn}: index size {index.SizeString()} exceeds {bound.SizeString()} in dimension {k + 1}");
        return ZeroBased(index, Sizes[d], fn);
    }

    /// <summary>A new tensor of the elements of this tensor picked along <paramref name="dim"/> by <paramref name="index"/> (1-based, index's sizes).
    /// Example: <c>x.Gather(2, idx)</c>.</summary>
    public Tensor Gather(int dim, Tensor index) => Result(GatherRaw(this, dim, index));
    /// <summary>Stores <paramref name="src"/>.Gather(dim, index) into this tensor. Example: <c>r.Gather(x, 2, idx)</c>.</summary>
    public Tensor Gather(Tensor src, int dim, Tensor index) => Into(GatherRaw(src, dim, index));

    internal static TT GatherRaw(Tensor src, int dim, Tensor index)
    {
        int d = src.CheckDim(dim, "Gather");
        using var i = src.GatherIndex(index, d, src, "Gather");
        return src.Raw.gather(d, i);
    }

    /// <summary>Writes the elements of <paramref name="src"/> to the positions <paramref name="index"/> (1-based) names along <paramref name="dim"/>, in place.
    /// Example: <c>x.Scatter(2, idx, src)</c>.</summary>
    public Tensor Scatter(int dim, Tensor index, Tensor src)
    {
        int d = CheckDim(dim, "Scatter");
        if (src.Dim() != index.Dim() || src.Sizes.Zip(index.Sizes).Any(p => p.First < p.Second))
            throw new ArgumentException($"Scatter: the source ({src.SizeString()}) must be at least as large as the index ({index.SizeString()})");
        using var i = GatherIndex(index, d, this, "Scatter");
        using var s = src.Raw.to_type(ScalarType, copy: SharesStorageWith(src));
        Raw.scatter_(d, i, s);
        return this;
    }

    /// <summary>Writes <paramref name="value"/> to the positions <paramref name="index"/> (1-based) names along <paramref name="dim"/>, in place.
    /// Example: <c>x.Scatter(2, idx, 1.0)</c>.</summary>
    public Tensor Scatter(int dim, Tensor index, double value)
    {
        int d = CheckDim(dim, "Scatter");
        using var i = GatherIndex(index, d, this, "Scatter");
        using var v = ScalarLease.Of(value, ScalarType);
        using var s = TS.full(index.Sizes, v.Value, ScalarType, Raw.device);
        Raw.scatter_(d, i, s);
        return this;
    }

    /// <summary>A ByteTensor mask with this tensor's element count, as a libtorch bool tensor of this tensor's sizes.</summary>
    TT MaskOf(Tensor mask, string fn)
    {
        if (mask.ScalarType != TS.ScalarType.Byte)
            throw new ArgumentException($"{fn}: expected the mask as a torch.ByteTensor, got a {mask.Type()}");
        CheckSameElements(mask, fn);
        using var m = mask.Raw.reshape(Sizes.Length == 0 ? new long[] { 0 } : Sizes);
        return m.Ne(0);
    }

    /// <summary>A new 1-D tensor of the elements where <paramref name="mask"/> (a ByteTensor) is non-zero, in row-major order.
    /// Example: <c>x.MaskedSelect(torch.Gt(x, 0))</c>.</summary>
    public Tensor MaskedSelect(Tensor mask) => Result(MaskedSelectRaw(this, mask));
    /// <summary>Stores <paramref name="src"/>.MaskedSelect(mask) into this tensor. Example: <c>r.MaskedSelect(x, mask)</c>.</summary>
    public Tensor MaskedSelect(Tensor src, Tensor mask) => Into(MaskedSelectRaw(src, mask));

    internal static TT MaskedSelectRaw(Tensor src, Tensor mask)
    {
        using var m = src.MaskOf(mask, "MaskedSelect");
        return src.Raw.masked_select(m);
    }

    /// <summary>Copies the elements of <paramref name="src"/>, in order, to the positions where <paramref name="mask"/> is non-zero, in place.
    /// Example: <c>x.MaskedCopy(mask, values)</c>.</summary>
    public Tensor MaskedCopy(Tensor mask, Tensor src)
    {
        using var m = MaskOf(mask, "MaskedCopy");
        using var count = m.sum();
        long n = count.item<long>();
        if (src.NElement() < n)
            throw new ArgumentException($"MaskedCopy: the mask selects {n} elements but the source has only {src.NElement()}");
        using var flat = src.Raw.reshape(-1);
        using var s = flat.to_type(ScalarType, copy: SharesStorageWith(src));
        Raw.masked_scatter_(m, s);
        return this;
    }

    /// <summary>Sets the elements where <paramref name="mask"/> is non-zero to <paramref name="value"/>, in place.
    /// Example: <c>x.MaskedFill(torch.Lt(x, 0), 0)</c>.</summary>
    public Tensor MaskedFill(Tensor mask, double value)
    {
        using var m = MaskOf(mask, "MaskedFill");
        using var v = ScalarLease.Of(value, ScalarType);
        Raw.masked_fill_(m, v.Value);
        return this;
    }

    /// <summary>Lua's <c>t[mask]</c> with a ByteTensor mask: reads as <see cref="MaskedSelect(Tensor)"/>; assigning a number fills the selected
    /// elements (<see cref="MaskedFill"/>), assigning a tensor copies its elements there (<see cref="MaskedCopy"/>).
    /// Example: <c>a[torch.Gt(a, 1)] = -1;</c></summary>
    public Subscript this[Tensor mask]
    {
        get => new(MaskedSelect(mask));
        set
        {
            if (value.IsTensor) MaskedCopy(mask, value);
            else MaskedFill(mask, value);
        }
    }

    /// <summary>The 1-based positions of the non-zero elements, one row each: an N x Dim() LongTensor (empty when there are none).
    /// Example: <c>var where = x.Nonzero();</c></summary>
    public Tensor Nonzero()
    {
        if (NElement() == 0) return torch.Wrap(torch.Empty(TS.ScalarType.Int64, IsCuda, 0));
        using var nz = Raw.nonzero();
        if (nz.size(0) == 0) return torch.Wrap(torch.Empty(TS.ScalarType.Int64, IsCuda, 0));
        return torch.Wrap(nz.Add(1));
    }
}

public static partial class torch
{
    /// <summary>The slices of <paramref name="x"/> at <paramref name="index"/> along <paramref name="dim"/>, copied. Example: <c>torch.Index(x, 1, idx)</c>.</summary>
    public static Tensor Index(Tensor x, int dim, Tensor index) => x.Index(dim, index);
    /// <summary>Elements of <paramref name="x"/> picked by a 1-based index along <paramref name="dim"/>. Example: <c>torch.Gather(x, 2, idx)</c>.</summary>
    public static Tensor Gather(Tensor x, int dim, Tensor index) => x.Gather(dim, index);
    /// <summary>Writes <paramref name="src"/>'s elements into <paramref name="x"/> at the 1-based positions <paramref name="index"/> names along <paramref name="dim"/>; returns x.
    /// Example: <c>torch.Scatter(x, 2, idx, src)</c>.</summary>
    public static Tensor Scatter(Tensor x, int dim, Tensor index, Tensor src) => x.Scatter(dim, index, src);
    /// <summary>Writes <paramref name="value"/> into <paramref name="x"/> at the positions <paramref name="index"/> names along <paramref name="dim"/>; returns x.
    /// Example: <c>torch.Scatter(x, 2, idx, 1.0)</c>.</summary>
    public static Tensor Scatter(Tensor x, int dim, Tensor index, double value) => x.Scatter(dim, index, value);
    /// <summary>The elements of <paramref name="x"/> where <paramref name="mask"/> is non-zero. Example: <c>torch.MaskedSelect(x, mask)</c>.</summary>
    public static Tensor MaskedSelect(Tensor x, Tensor mask) => x.MaskedSelect(mask);
    /// <summary>The 1-based positions of the non-zero elements of <paramref name="x"/>. Example: <c>torch.Nonzero(x)</c>.</summary>
    public static Tensor Nonzero(Tensor x) => x.Nonzero();
}
