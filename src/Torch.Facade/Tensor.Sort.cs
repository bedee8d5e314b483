using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's sorting and selection (TensorMath group J): values plus 1-based LongTensor indices.
// The dimension defaults to the last one (-1); kthvalue/median/mode keep it with size 1, as Torch7 does.
// Each has x.F(...) / torch.F(x, ...) returning (values, indices) and torch.F(values, indices, x, ...) filling given tensors.
public sealed partial class Tensor
{
    internal (TT, TT) SortRaw(int dim, bool descending) => Raw.sort(CheckDim(dim, "Sort"), descending, stable: true);

    internal (TT, TT) TopkRaw(int k, int dim, bool largest)
    {
        int d = CheckDim(dim, "Topk");
        if (k < 1 || k > Sizes[d])
            throw new ArgumentOutOfRangeException(nameof(k), $"Topk: k = {k} out of range for a slice of {Sizes[d]} elements (expected 1..{Sizes[d]})");
        return Raw.topk(k, d, largest, true);
    }

    internal (TT, TT) KthRaw(long k, int dim, string fn = "Kthvalue")
    {
        int d = CheckDim(dim, fn);
        if (k < 1 || k > Sizes[d])
            throw new ArgumentOutOfRangeException(nameof(k), $"{fn}: k = {k} out of range for a slice of {Sizes[d]} elements (expected 1..{Sizes[d]})");
        return Raw.kthvalue(k, d, true);
    }

    internal (TT, TT) MedianRaw(int dim) => KthRaw((Sizes[CheckDim(dim, "Median")] + 1) / 2, dim, "Median");

    /// <summary>TH's mode: per slice, the smallest of the most frequent values and the last position where it occurs (0-based).</summary>
    internal (TT, TT) ModeRaw(int dim)
    {
        int d = CheckDim(dim, "Mode");
        long n = Sizes[d];
        if (n == 0) throw new ArgumentException($"Mode: dimension {dim} is empty");
        using var moved = Raw.movedim(new long[] { d }, new long[] { -1 });
        using var flat = moved.reshape(-1, n);
        using var rows = flat.to_type(TS.ScalarType.Float64);
        var values = rows.data<double>().ToArray();
        long count = values.Length / n;
        var modes = new double[count];
        var where = new long[count];
        var order = new long[n];
        for (long r = 0; r < count; r++)
        {
            var row = new ArraySegment<double>(values, (int)(r * n), (int)n);
            for (int i = 0; i < n; i++) order[i] = i;
            Array.Sort(order, (a, b) =>
            {
                int c = row[(int)a].CompareTo(row[(int)b]);
                return c != 0 ? c : a.CompareTo(b);
            });
            long best = 0, run = 0;
            for (int i = 0; i < n; i++)
            {
                run++;
                if (i == n - 1 || row[(int)order[i]] != row[(int)order[i + 1]])
                {
                    if (run > best) { best = run; modes[r] = row[(int)order[i]]; where[r] = order[i]; }
                    run = 0;
                }
            }
        }
        var shape = moved.shape[..^1].Append(1L).ToArray();
        using var v = TS.tensor(modes, shape, TS.ScalarType.Float64);
        using var i1 = TS.tensor(where, shape, TS.ScalarType.Int64);
        using var vBack = v.movedim(new long[] { -1 }, new long[] { d });
        using var iBack = i1.movedim(new long[] { -1 }, new long[] { d });
        return (vBack.contiguous(), iBack.contiguous());
    }

    /// <summary>The elements sorted along <paramref name="dim"/> (default the last), ascending unless <paramref name="descending"/>,
    /// with their 1-based original positions. Example: <c>var (y, i) = x.Sort();</c></summary>
    public (Tensor Values, Tensor Indices) Sort(int dim = -1, bool descending = false) => Pair(this, SortRaw(dim, descending));

    /// <summary>The <paramref name="k"/> smallest elements along <paramref name="dim"/> (the largest when <paramref name="largest"/>),
    /// sorted, with 1-based indices (Torch7's <c>topk(k, dim, dir, sort)</c>; results always come sorted).
    /// Example: <c>var (v, i) = x.Topk(3);</c></summary>
    public (Tensor Values, Tensor Indices) Topk(int k = 1, int dim = -1, bool largest = false, bool sorted = true) => Pair(this, TopkRaw(k, dim, largest));

    /// <summary>The <paramref name="k"/>-th smallest element along <paramref name="dim"/> (kept with size 1) and its 1-based index.
    /// Example: <c>var (v, i) = x.Kthvalue(2);</c></summary>
    public (Tensor Values, Tensor Indices) Kthvalue(long k, int dim = -1) => Pair(this, KthRaw(k, dim));

    /// <summary>The medians along <paramref name="dim"/> (default the last; the lower one for an even count; kept with size 1) and their
    /// 1-based indices. As in Torch7 there is no whole-tensor form: <c>x.Median()</c> works over the last dimension.
    /// Example: <c>var (m, i) = x.Median(2);</c></summary>
    public (Tensor Values, Tensor Indices) Median(int dim = -1) => Pair(this, MedianRaw(dim));

    /// <summary>The most frequent element along <paramref name="dim"/> (default the last; kept with size 1) and its 1-based index.
    /// As Torch7: the smallest of equally frequent values, and the last position where it occurs.
    /// Example: <c>var (m, i) = x.Mode();</c></summary>
    public (Tensor Values, Tensor Indices) Mode(int dim = -1) => Pair(this, ModeRaw(dim));
}

public static partial class torch
{
    /// <summary>Sorts along <paramref name="dim"/> (default the last). Example: <c>var (y, i) = torch.Sort(x, 1, true);</c></summary>
    public static (Tensor Values, Tensor Indices) Sort(Tensor x, int dim = -1, bool descending = false) => x.Sort(dim, descending);
    /// <summary>Sorts into given tensors (indices: a LongTensor). Example: <c>torch.Sort(y, i, x)</c>.</summary>
    public static (Tensor Values, Tensor Indices) Sort(Tensor values, Tensor indices, Tensor x, int dim = -1, bool descending = false) =>
        Torch.Tensor.PairInto(values, indices, x.SortRaw(dim, descending));
    /// <summary>The k smallest (or largest) elements. Example: <c>var (v, i) = torch.Topk(x, 3, 1, true);</c></summary>
    public static (Tensor Values, Tensor Indices) Topk(Tensor x, int k = 1, int dim = -1, bool largest = false, bool sorted = true) => x.Topk(k, dim, largest, sorted);
    /// <summary>The k smallest (or largest) elements into given tensors. Example: <c>torch.Topk(v, i, x, 3)</c>.</summary>
    public static (Tensor Values, Tensor Indices) Topk(Tensor values, Tensor indices, Tensor x, int k = 1, int dim = -1, bool largest = false, bool sorted = true) =>
        Torch.Tensor.PairInto(values, indices, x.TopkRaw(k, dim, largest));
    /// <summary>The k-th smallest elements. Example: <c>var (v, i) = torch.Kthvalue(x, 2);</c></summary>
    public static (Tensor Values, Tensor Indices) Kthvalue(Tensor x, long k, int dim = -1) => x.Kthvalue(k, dim);
    /// <summary>The k-th smallest elements into given tensors. Example: <c>torch.Kthvalue(v, i, x, 2)</c>.</summary>
    public static (Tensor Values, Tensor Indices) Kthvalue(Tensor values, Tensor indices, Tensor x, long k, int dim = -1) =>
        Torch.Tensor.PairInto(values, indices, x.KthRaw(k, dim));
    /// <summary>The medians along <paramref name="dim"/> (default the last). Example: <c>var (m, i) = torch.Median(x, 1);</c></summary>
    public static (Tensor Values, Tensor Indices) Median(Tensor x, int dim = -1) => x.Median(dim);
    /// <summary>The medians into given tensors. Example: <c>torch.Median(m, i, x)</c>.</summary>
    public static (Tensor Values, Tensor Indices) Median(Tensor values, Tensor indices, Tensor x, int dim = -1) =>
        Torch.Tensor.PairInto(values, indices, x.MedianRaw(dim));
    /// <summary>The most frequent elements along <paramref name="dim"/>. Example: <c>var (m, i) = torch.Mode(x);</c></summary>
    public static (Tensor Values, Tensor Indices) Mode(Tensor x, int dim = -1) => x.Mode(dim);
    /// <summary>The most frequent elements into given tensors. Example: <c>torch.Mode(m, i, x)</c>.</summary>
    public static (Tensor Values, Tensor Indices) Mode(Tensor values, Tensor indices, Tensor x, int dim = -1) =>
        Torch.Tensor.PairInto(values, indices, x.ModeRaw(dim));
}
