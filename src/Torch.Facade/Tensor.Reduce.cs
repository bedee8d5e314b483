using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's reductions (TensorMath group I). Over the whole tensor they return a number (accumulated in double
// for Float/Double and in long for integer types, as Torch7's accreal); over a dimension they keep it with size 1.
// x.F(dim) returns a new tensor; r.F(x, dim) stores into r; torch.F(x[, dim]) is the same as x.F([dim]).
public sealed partial class Tensor
{
    /// <summary>The dimension-wise reductions that keep the dimension (cumulative ones keep every size).</summary>
    internal enum Reduction { Sum, Prod, Mean, Cumsum, Cumprod }

    TS.ScalarType Accumulator => TensorType.IsFloating(ScalarType) ? TS.ScalarType.Float64 : TS.ScalarType.Int64;

    internal static TT ReduceRaw(Reduction r, Tensor src, int dim)
    {
        string fn = r.ToString();
        if (r == Reduction.Mean) src.Need(Kind.Floating, fn);
        int d = src.CheckDim(dim, fn);
        var acc = src.Accumulator;
        return r switch
        {
            Reduction.Sum => src.Raw.sum(d, true, acc),
            Reduction.Prod => src.Raw.prod(d, true, acc),
            Reduction.Mean => MeanTH(src, d),
            Reduction.Cumsum => src.Raw.cumsum(d, acc),
            _ => src.Raw.cumprod(d, acc),
        };
    }

    /// <summary>TH's mean over a dimension: the sum (accumulated in double) stored in the tensor's type, then divided in that type.</summary>
    static TT MeanTH(Tensor src, int d)
    {
        using var sum = src.Raw.sum(d, true, TS.ScalarType.Float64);
        using var stored = sum.to_type(src.ScalarType);
        return stored.Div(src.Sizes[d]);
    }

    /// <summary>Below this many elements Torch7 adds one element after another (TH's sum, OpenBLAS's dot), where libtorch's kernels
    /// add in vector lanes and round otherwise; above it, each takes its own block order, which no libtorch reduction reproduces.</summary>
    internal const long InOrderBelow = 16;

    /// <summary>The sum of <paramref name="v"/>'s elements added left to right in <paramref name="acc"/> (the last entry of its
    /// cumulative sum): Torch7's order for short tensors.</summary>
    internal static double InOrder(TT v, TS.ScalarType acc)
    {
        if (v.numel() == 0) return 0;
        using var flat = v.reshape(-1);
        using var c = flat.cumsum(0, acc);
        return Number(c.select(0, flat.numel() - 1));
    }

    /// <summary>The sum of all elements (Lua's <c>x:sum()</c>; a short floating tensor adds in Torch7's order). Example: <c>double s = x.Sum();</c></summary>
    public double Sum() => TensorType.IsFloating(ScalarType) && NElement() < InOrderBelow ? InOrder(Raw, Accumulator) : Number(Raw.sum(Accumulator));
    /// <summary>The sums over dimension <paramref name="dim"/>, kept with size 1; a new tensor. Example: <c>x.Sum(2)</c>.</summary>
    public Tensor Sum(int dim) => Result(ReduceRaw(Reduction.Sum, this, dim));
    /// <summary>Stores the sums of <paramref name="src"/> over <paramref name="dim"/> into this tensor. Example: <c>r.Sum(x, 1)</c>.</summary>
    public Tensor Sum(Tensor src, int dim) => Into(ReduceRaw(Reduction.Sum, src, dim));

    /// <summary>The product of all elements. Example: <c>double p = x.Prod();</c></summary>
    public double Prod() => Number(Raw.prod(Accumulator));
    /// <summary>The products over dimension <paramref name="dim"/>, kept with size 1; a new tensor. Example: <c>x.Prod(1)</c>.</summary>
    public Tensor Prod(int dim) => Result(ReduceRaw(Reduction.Prod, this, dim));
    /// <summary>Stores the products of <paramref name="src"/> over <paramref name="dim"/> into this tensor. Example: <c>r.Prod(x, 1)</c>.</summary>
    public Tensor Prod(Tensor src, int dim) => Into(ReduceRaw(Reduction.Prod, src, dim));

    /// <summary>The mean of all elements (Float/Double only). Example: <c>double m = x.Mean();</c></summary>
    public double Mean() => Need(Kind.Floating, "Mean").NeedElements("Mean").Sum() / NElement();
    /// <summary>The means over dimension <paramref name="dim"/>, kept with size 1; a new tensor. Example: <c>x.Mean(1)</c>.</summary>
    public Tensor Mean(int dim) => Result(ReduceRaw(Reduction.Mean, this, dim));
    /// <summary>Stores the means of <paramref name="src"/> over <paramref name="dim"/> into this tensor. Example: <c>r.Mean(x, 1)</c>.</summary>
    public Tensor Mean(Tensor src, int dim) => Into(ReduceRaw(Reduction.Mean, src, dim));

    /// <summary>The cumulative sums along <paramref name="dim"/> (default 1, as Torch7), a new tensor. Example: <c>x.Cumsum(2)</c>.</summary>
    public Tensor Cumsum(int dim = 1) => Result(ReduceRaw(Reduction.Cumsum, this, dim));
    /// <summary>Stores the cumulative sums of <paramref name="src"/> along <paramref name="dim"/> into this tensor. Example: <c>r.Cumsum(x, 1)</c>.</summary>
    public Tensor Cumsum(Tensor src, int dim = 1) => Into(ReduceRaw(Reduction.Cumsum, src, dim));
    /// <summary>The cumulative products along <paramref name="dim"/> (default 1), a new tensor. Example: <c>x.Cumprod(2)</c>.</summary>
    public Tensor Cumprod(int dim = 1) => Result(ReduceRaw(Reduction.Cumprod, this, dim));
    /// <summary>Stores the cumulative products of <paramref name="src"/> along <paramref name="dim"/> into this tensor. Example: <c>r.Cumprod(x, 1)</c>.</summary>
    public Tensor Cumprod(Tensor src, int dim = 1) => Into(ReduceRaw(Reduction.Cumprod, src, dim));

    // ---------------------------------------------------------------- min / max

    /// <summary>The largest element. Example: <c>double m = x.Max();</c></summary>
    public double Max() => Number(NeedElements("Max").Raw.max());
    /// <summary>The smallest element. Example: <c>double m = x.Min();</c></summary>
    public double Min() => Number(NeedElements("Min").Raw.min());

    /// <summary>The largest elements over <paramref name="dim"/> (kept with size 1) and their 1-based positions as a LongTensor.
    /// Example: <c>var (vals, idx) = x.Max(2);</c></summary>
    public (Tensor Values, Tensor Indices) Max(int dim) => Pair(this, MinMaxRaw(true, this, dim));
    /// <summary>The smallest elements over <paramref name="dim"/> (kept with size 1) and their 1-based positions as a LongTensor.
    /// Example: <c>var (vals, idx) = x.Min(2);</c></summary>
    public (Tensor Values, Tensor Indices) Min(int dim) => Pair(this, MinMaxRaw(false, this, dim));

    internal static (TT, TT) MinMaxRaw(bool max, Tensor src, int dim)
    {
        string fn = max ? "Max" : "Min";
        int d = src.CheckDim(dim, fn);
        if (src.Sizes[d] == 0) throw new ArgumentException($"{fn}: dimension {dim} is empty");
        return max ? src.Raw.max(d, true) : src.Raw.min(d, true);
    }

    /// <summary>Values (in <paramref name="like"/>'s type) and 0-based libtorch indices as Torch7's pair (values, 1-based LongTensor).</summary>
    internal static (Tensor, Tensor) Pair(Tensor like, (TT Values, TT Indices) r) => (like.Result(r.Values), OneBased(r.Indices));

    /// <summary>Stores values and 1-based indices into given tensors (Lua's <c>torch.max(resval, resind, x, dim)</c>).</summary>
    internal static (Tensor, Tensor) PairInto(Tensor values, Tensor indices, (TT Values, TT Indices) r)
    {
        if (indices.ScalarType != TS.ScalarType.Int64)
        {
            r.Values.Dispose();
            r.Indices.Dispose();
            throw new ArgumentException($"the index result must be a torch.LongTensor, got a {indices.Type()}");
        }
        values.Into(r.Values);
        using (r.Indices) indices.Into(r.Indices.Add(1));
        return (values, indices);
    }

    // ---------------------------------------------------------------- var / std

    /// <summary>TH's var/std over a dimension, with its one-pass formula: s = Σz, s2 = Σz² (z² in the tensor's precision, sums in double),
    /// then s2/n - (s/n)² (biased) or s2/(n-1) - n/(n-1)·(s/n)², clamped at 0; std is its square root.</summary>
    internal static TT VarRaw(bool std, Tensor src, int dim, bool biased)
    {
        string fn = std ? "Std" : "Var";
        src.Need(Kind.Floating, fn);
        int d = src.CheckDim(dim, fn);
        long n = src.Sizes[d];
        using var squares = src.Raw.mul(src.Raw);
        using var sum = src.Raw.sum(d, true, TS.ScalarType.Float64);
        using var sum2 = squares.sum(d, true, TS.ScalarType.Float64);
        using var mean = sum.Div(n);
        using var meanSquares = sum2.Div(biased ? n : n - 1);
        double factor = biased ? 1 : src.ScalarType == TS.ScalarType.Float32 ? (float)n / (float)(n - 1) : n / (double)(n - 1);
        using var scaled = mean.Mul(factor);
        using var correction = scaled.mul(mean);
        var v = meanSquares.sub(correction).clamp_min_(0);
        if (!std) return v;
        using (v) return v.sqrt();
    }

    /// <summary>TH's varall/stdall: two passes, Σ(z - mean)² / (n - 1), or / n when biased.</summary>
    double VarAll(bool std, bool biased)
    {
        string fn = std ? "Std" : "Var";
        Need(Kind.Floating, fn).NeedElements(fn);
        var x = AsDouble();
        try
        {
            using var centred = x.Sub(Sum() / NElement());
            using var squares = centred.mul(centred);
            double v = Number(squares.sum()) / Math.Max(0, NElement() - (biased ? 0 : 1));
            return std ? Math.Sqrt(v) : v;
        }
        finally { Drop(x, this); }
    }

    /// <summary>The variance of all elements, normalised by n-1 (or n when <paramref name="biased"/>). Example: <c>x.Var()</c>.</summary>
    public double Var(bool biased = false) => VarAll(false, biased);
    /// <summary>The variances over <paramref name="dim"/> (kept), by n-1 unless <paramref name="biased"/>; a new tensor. Example: <c>x.Var(1)</c>.</summary>
    public Tensor Var(int dim, bool biased = false) => Result(VarRaw(false, this, dim, biased));
    /// <summary>Stores the variances of <paramref name="src"/> over <paramref name="dim"/> into this tensor. Example: <c>r.Var(x, 1)</c>.</summary>
    public Tensor Var(Tensor src, int dim, bool biased = false) => Into(VarRaw(false, src, dim, biased));
    /// <summary>The standard deviation of all elements, normalised by n-1 (or n when <paramref name="biased"/>). Example: <c>x.Std()</c>.</summary>
    public double Std(bool biased = false) => VarAll(true, biased);
    /// <summary>The standard deviations over <paramref name="dim"/> (kept), by n-1 unless <paramref name="biased"/>; a new tensor. Example: <c>x.Std(1)</c>.</summary>
    public Tensor Std(int dim, bool biased = false) => Result(VarRaw(true, this, dim, biased));
    /// <summary>Stores the standard deviations of <paramref name="src"/> over <paramref name="dim"/> into this tensor. Example: <c>r.Std(x, 1)</c>.</summary>
    public Tensor Std(Tensor src, int dim, bool biased = false) => Into(VarRaw(true, src, dim, biased));

    // ---------------------------------------------------------------- norms

    /// <summary>The p-norm of all elements seen as a vector (p = 0 counts the non-zeros). Example: <c>x.Norm()</c>, <c>x.Norm(1)</c>.</summary>
    public double Norm(double p = 2)
    {
        Need(Kind.Floating, "Norm");
        if (NElement() == 0) return p >= 0 ? 0 : throw new ArgumentException($"Norm: the {p}-norm of an empty tensor is undefined");
        if (ScalarType == TS.ScalarType.Float32 && p is not (0 or 1 or 2))
        {
            using var flat = Raw.contiguous().view(-1);
            return FloatPowSum(flat.data<float>(), p, floatSum: false);
        }
        var x = AsDouble();
        try { return Number(TS.linalg.vector_norm(x, p)); }
        finally { Drop(x, this); }
    }

    /// <summary>The p-norms over dimension <paramref name="dim"/>, kept with size 1; a new tensor. Example: <c>x.Norm(2, 1)</c>.</summary>
    public Tensor Norm(double p, int dim) => Result(NormRaw(this, p, dim));
    /// <summary>Stores the p-norms of <paramref name="src"/> over <paramref name="dim"/> into this tensor. Example: <c>r.Norm(x, 2, 1)</c>.</summary>
    public Tensor Norm(Tensor src, double p, int dim) => Into(NormRaw(src, p, dim));

    internal static TT NormRaw(Tensor src, double p, int dim)
    {
        src.Need(Kind.Floating, "Norm");
        int d = src.CheckDim(dim, "Norm");
        if (p < 0 && src.Sizes[d] == 0) throw new ArgumentException($"Norm: the {p}-norm over an empty dimension is undefined");
        var x = src.AsDouble();
        try { return TS.linalg.vector_norm(x, p, new long[] { d }, true); }
        finally { Drop(x, src); }
    }

    /// <summary>Scales each slice <c>Select(dim, i)</c> whose p-norm exceeds <paramref name="maxnorm"/> down to that norm, in place.
    /// Example: <c>w.Renorm(2, 1, 5)</c>.</summary>
    public Tensor Renorm(double p, int dim, double maxnorm) => Into(RenormRaw(this, p, dim, maxnorm));
    /// <summary>Stores <paramref name="src"/> renormalised (see <see cref="Renorm(double, int, double)"/>) into this tensor. Example: <c>r.Renorm(x, 2, 1, 5)</c>.</summary>
    public Tensor Renorm(Tensor src, double p, int dim, double maxnorm) => Into(RenormRaw(src, p, dim, maxnorm));

    internal static TT RenormRaw(Tensor src, double p, int dim, double maxnorm)
    {
        src.Need(Kind.Floating, "Renorm");
        int d = src.CheckDim(dim, "Renorm");
        if (src.Dim() < 2) throw new ArgumentException($"Renorm: need at least 2 dimensions, got {src.Dim()}");
        if (!(p > 0)) throw new ArgumentOutOfRangeException(nameof(p), $"Renorm: non-positive norm {p} not supported (expected p > 0)"); // NaN too, as TH
        if (maxnorm < 0) throw new ArgumentOutOfRangeException(nameof(maxnorm), $"Renorm: maxnorm {maxnorm} (expected 0 or more)");
        var x = src.AsDouble();
        try
        {
            var others = Enumerable.Range(0, src.Dim()).Where(i => i != d).Select(i => (long)i).ToArray();
            // TH's own sum of |x|^p raised to 1/p, not a norm routine: with p = inf every norm is pow(sum, 0) = 1, and a large
            // p overflows to an infinite norm, as in Torch7
            using var abs = x.abs();
            using var powers = abs.Pow(p);
            using var sums = powers.sum(others, true);
            using var norms = sums.Pow(1 / p);
            using var over = norms.Gt(maxnorm);
            using var denominator = norms.Add(1e-7);
            using var max = TS.tensor(maxnorm, TS.ScalarType.Float64);
            using var shrink = max.div(denominator); // maxnorm / (norm + 1e-7), as TH
            using var one = TS.ones_like(norms);
            using var factor = TS.where(over, shrink, one);
            return x.mul(factor);
        }
        finally { Drop(x, src); }
    }

    /// <summary>TH's float loops: powf(fabsf(v), p) summed in element order (in a float for dist, in a double for norm), then powf(sum, 1/p),
    /// so a FloatTensor's norm and dist are the floats Torch7 returns.</summary>
    static double FloatPowSum(IEnumerable<float> values, double p, bool floatSum)
    {
        float fp = (float)p;
        double dsum = 0;
        float fsum = 0;
        foreach (var v in values)
        {
            float term = MathF.Pow(MathF.Abs(v), fp);
            if (floatSum) fsum += term; else dsum += term;
        }
        return MathF.Pow(floatSum ? fsum : (float)dsum, (float)(1.0 / p));
    }

    /// <summary>The p-norm of this - <paramref name="other"/> (same number of elements). Example: <c>double d = x.Dist(y);</c></summary>
    public double Dist(Tensor other, double p = 2)
    {
        Need(Kind.Floating, "Dist");
        var o = Operand(other, "Dist");
        if (NElement() == 0) { Drop(o, other); return p >= 0 ? 0 : throw new ArgumentException($"Dist: the {p}-norm of empty tensors is undefined"); }
        try
        {
            using var diff = Raw.sub(o);
            if (ScalarType == TS.ScalarType.Float32)
            {
                using var flat = diff.contiguous().view(-1);
                return FloatPowSum(flat.data<float>(), p, floatSum: true);
            }
            using var dd = diff.to_type(TS.ScalarType.Float64);
            return Number(TS.linalg.vector_norm(dd, p));
        }
        finally { Drop(o, other); }
    }

    /// <summary>The sum of the diagonal of a 2-D tensor. Example: <c>double t = m.Trace();</c></summary>
    public double Trace()
    {
        using var diagonal = NeedDim(2, "Trace").Raw.diagonal();
        return Number(diagonal.sum(Accumulator));
    }

    /// <summary>The cross products of 3-vectors along <paramref name="dim"/> (0: the first dimension of size 3), a new tensor.
    /// Example: <c>var c = a.Cross(b);</c></summary>
    public Tensor Cross(Tensor other, int dim = 0) => Result(CrossRaw(this, other, dim));
    /// <summary>Stores the cross products of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>r.Cross(a, b, 1)</c>.</summary>
    public Tensor Cross(Tensor a, Tensor b, int dim) => Into(CrossRaw(a, b, dim));

    internal static TT CrossRaw(Tensor a, Tensor b, int dim)
    {
        if (!a.IsSameSizeAs(b)) throw new ArgumentException($"Cross: inconsistent tensor sizes {a.SizeString()} and {b.SizeString()}");
        int d;
        if (dim == 0)
        {
            d = Array.IndexOf(a.Sizes, 3L);
            if (d < 0) throw new ArgumentException($"Cross: no dimension of size 3 in a tensor of size {a.SizeString()}");
        }
        else
        {
            d = a.CheckDim(dim, "Cross");
            if (a.Sizes[d] != 3) throw new ArgumentException($"Cross: dimension {dim} has size {a.Sizes[d]} (expected 3)");
        }
        var o = a.Operand(b, "Cross");
        try { return TS.linalg.cross(a.Raw, o, d); }
        finally { Drop(o, b); }
    }
}

public sealed partial class Tensor
{
    /// <summary>Stores gain times the squared Euclidean distances between the rows of <paramref name="m1"/> and those of <paramref name="m2"/>
    /// (Torch7's undocumented <c>match</c>; tensors are seen as size(1) rows of equal length). Example: <c>r.Match(a, b, 1)</c>.</summary>
    public Tensor Match(Tensor m1, Tensor m2, double gain = 1) => Into(MatchRaw(m1, m2, gain));

    internal static TT MatchRaw(Tensor m1, Tensor m2, double gain)
    {
        if (m1.Dim() == 0 || m2.Dim() == 0) throw new ArgumentException("Match: expected non-empty tensors");
        long n1 = m1.Sizes[0], n2 = m2.Sizes[0];
        long d1 = m1.NElement() / n1, d2 = m2.NElement() / n2;
        if (d1 != d2) throw new ArgumentException($"Match: rows of {d1} and {d2} elements cannot be compared ({m1.SizeString()} and {m2.SizeString()})");
        var a = m1.AsDouble(); var b = m2.AsDouble();
        try
        {
            using var ra = a.reshape(n1, 1, d1);
            using var rb = b.reshape(1, n2, d1);
            using var diff = ra.sub(rb);
            using var sq = diff.mul(diff);
            using var sum = sq.sum(2);
            return sum.Mul(gain);
        }
        finally { Drop(a, m1); Drop(b, m2); }
    }
}

public static partial class torch
{
    /// <summary>gain times the squared distances between the rows of two matrices, a new tensor of m1's type. Example: <c>torch.Match(a, b)</c>.</summary>
    public static Tensor Match(Tensor m1, Tensor m2, double gain = 1) => m1.Result(Torch.Tensor.MatchRaw(m1, m2, gain));

    /// <summary>The sum of all elements. Example: <c>double s = torch.Sum(x);</c></summary>
    public static double Sum(Tensor x) => x.Sum();
    /// <summary>The sums over <paramref name="dim"/>, kept. Example: <c>torch.Sum(x, 2)</c>.</summary>
    public static Tensor Sum(Tensor x, int dim) => x.Sum(dim);
    /// <summary>The product of all elements. Example: <c>torch.Prod(x)</c>.</summary>
    public static double Prod(Tensor x) => x.Prod();
    /// <summary>The products over <paramref name="dim"/>, kept. Example: <c>torch.Prod(x, 1)</c>.</summary>
    public static Tensor Prod(Tensor x, int dim) => x.Prod(dim);
    /// <summary>The mean of all elements. Example: <c>torch.Mean(x)</c>.</summary>
    public static double Mean(Tensor x) => x.Mean();
    /// <summary>The means over <paramref name="dim"/>, kept. Example: <c>torch.Mean(x, 1)</c>.</summary>
    public static Tensor Mean(Tensor x, int dim) => x.Mean(dim);
    /// <summary>Cumulative sums along <paramref name="dim"/> (default 1). Example: <c>torch.Cumsum(x)</c>.</summary>
    public static Tensor Cumsum(Tensor x, int dim = 1) => x.Cumsum(dim);
    /// <summary>Cumulative products along <paramref name="dim"/> (default 1). Example: <c>torch.Cumprod(x, 2)</c>.</summary>
    public static Tensor Cumprod(Tensor x, int dim = 1) => x.Cumprod(dim);
    /// <summary>The largest element. Example: <c>torch.Max(x)</c>.</summary>
    public static double Max(Tensor x) => x.Max();
    /// <summary>The largest elements over <paramref name="dim"/> and their 1-based indices. Example: <c>var (vals, idx) = torch.Max(a, 2);</c></summary>
    public static (Tensor Values, Tensor Indices) Max(Tensor x, int dim) => x.Max(dim);
    /// <summary>Stores the largest elements and their 1-based indices into <paramref name="values"/> and <paramref name="indices"/> (a LongTensor).
    /// Example: <c>torch.Max(v, i, x, 1)</c>.</summary>
    public static (Tensor Values, Tensor Indices) Max(Tensor values, Tensor indices, Tensor x, int dim) =>
        Torch.Tensor.PairInto(values, indices, Torch.Tensor.MinMaxRaw(true, x, dim));
    /// <summary>The smallest element. Example: <c>torch.Min(x)</c>.</summary>
    public static double Min(Tensor x) => x.Min();
    /// <summary>The smallest elements over <paramref name="dim"/> and their 1-based indices. Example: <c>var (vals, idx) = torch.Min(a, 2);</c></summary>
    public static (Tensor Values, Tensor Indices) Min(Tensor x, int dim) => x.Min(dim);
    /// <summary>Stores the smallest elements and their 1-based indices into <paramref name="values"/> and <paramref name="indices"/>.
    /// Example: <c>torch.Min(v, i, x, 1)</c>.</summary>
    public static (Tensor Values, Tensor Indices) Min(Tensor values, Tensor indices, Tensor x, int dim) =>
        Torch.Tensor.PairInto(values, indices, Torch.Tensor.MinMaxRaw(false, x, dim));
    /// <summary>The variance of all elements (n-1 unless <paramref name="biased"/>). Example: <c>torch.Var(x)</c>.</summary>
    public static double Var(Tensor x, bool biased = false) => x.Var(biased);
    /// <summary>The variances over <paramref name="dim"/>, kept. Example: <c>torch.Var(x, 1)</c>.</summary>
    public static Tensor Var(Tensor x, int dim, bool biased = false) => x.Var(dim, biased);
    /// <summary>The standard deviation of all elements. Example: <c>torch.Std(x)</c>.</summary>
    public static double Std(Tensor x, bool biased = false) => x.Std(biased);
    /// <summary>The standard deviations over <paramref name="dim"/>, kept. Example: <c>torch.Std(x, 1, true)</c>.</summary>
    public static Tensor Std(Tensor x, int dim, bool biased = false) => x.Std(dim, biased);
    /// <summary>The p-norm of all elements. Example: <c>torch.Norm(x)</c>.</summary>
    public static double Norm(Tensor x, double p = 2) => x.Norm(p);
    /// <summary>The p-norms over <paramref name="dim"/>, kept. Example: <c>torch.Norm(x, 2, 1)</c>.</summary>
    public static Tensor Norm(Tensor x, double p, int dim) => x.Norm(p, dim);
    /// <summary><paramref name="x"/> with every slice along <paramref name="dim"/> renormalised to p-norm at most <paramref name="maxnorm"/>, a new tensor.
    /// Example: <c>torch.Renorm(x, 2, 1, 5)</c>.</summary>
    public static Tensor Renorm(Tensor x, double p, int dim, double maxnorm) => x.Result(Torch.Tensor.RenormRaw(x, p, dim, maxnorm));
    /// <summary>The p-norm of x - y. Example: <c>torch.Dist(x, y)</c>.</summary>
    public static double Dist(Tensor x, Tensor y, double p = 2) => x.Dist(y, p);
    /// <summary>The trace of a matrix. Example: <c>torch.Trace(m)</c>.</summary>
    public static double Trace(Tensor x) => x.Trace();
    /// <summary>The number of elements. Example: <c>torch.Numel(x)</c>.</summary>
    public static long Numel(Tensor x) => x.NElement();
    /// <summary>Cross products along <paramref name="dim"/> (0: the first dimension of size 3). Example: <c>torch.Cross(a, b)</c>.</summary>
    public static Tensor Cross(Tensor a, Tensor b, int dim = 0) => a.Cross(b, dim);
}
