using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's random sampling (TensorMath group M) on libtorch's generator: torch.ManualSeed makes every draw
// reproducible, but the streams differ from Torch7's MT19937 (reference §1.9), so values are not Torch7's.
public sealed partial class Tensor
{
    /// <summary>Fills with samples of U(<paramref name="a"/>, <paramref name="b"/>). Example: <c>torch.Tensor(4, 6).Uniform()</c>.</summary>
    public Tensor Uniform(double a = 0, double b = 1)
    {
        RequireFloating("Uniform");
        Raw.uniform_(0, 1); // Torch7: u * (b - a) + a, which also allows a > b
        using var width = ScalarLease.Of(b - a, ScalarType);
        using var start = ScalarLease.Of(a, ScalarType);
        Raw.mul_(width.Value).add_(start.Value);
        return this;
    }

    /// <summary>Fills with samples of N(<paramref name="mean"/>, <paramref name="std"/>²). Example: <c>x.Normal(0, 0.1)</c>.</summary>
    public Tensor Normal(double mean = 0, double std = 1)
    {
        RequireFloating("Normal");
        if (!(std >= 0)) throw new ArgumentOutOfRangeException(nameof(std), $"Normal: std {std} (expected 0 or more)");
        Raw.normal_(mean, std);
        return this;
    }

    internal void RequireFloating(string fn) => Need(Kind.Floating, fn);

    /// <summary>Whether some element of <paramref name="t"/> is NaN or outside [<paramref name="lo"/>, <paramref name="hi"/>].</summary>
    static bool Outside(TT t, double lo, double hi)
    {
        using var below = t.lt(lo);
        using var above = t.gt(hi);
        using var nan = t.isnan();
        below.logical_or_(above).logical_or_(nan);
        using var any = below.any();
        return any.item<bool>();
    }

    /// <summary>Fills with random integers in [0, 2^mantissa] for floating types (the type's range for integer types). Example: <c>x.Random()</c>.</summary>
    public Tensor Random()
    {
        var (_, hi) = TypeRange();
        Raw.random_(0, Math.Min(hi + 1, 9.2233720368547748e18));
        return this;
    }

    /// <summary>Fills with random integers uniform in [1, <paramref name="b"/>]. Example: <c>x.Random(6)</c>.</summary>
    public Tensor Random(long b)
    {
        if (b <= 0) throw new ArgumentOutOfRangeException(nameof(b), $"Random: upper bound {b} must be strictly positive");
        return Random(1, b);
    }

    /// <summary>Fills with random integers uniform in [<paramref name="a"/>, <paramref name="b"/>]. Example: <c>x.Random(-3, 3)</c>.</summary>
    public Tensor Random(long a, long b)
    {
        if (b < a) throw new ArgumentOutOfRangeException(nameof(b), $"Random: upper bound {b} must be at least the lower bound {a}");
        var (lo, hi) = TypeRange();
        if (a < lo || b > hi)
            throw new ArgumentOutOfRangeException(nameof(b), $"Random: [{a}, {b}] does not fit a {Type()} (expected within {lo}..{hi})");
        Raw.random_(a, (double)b + 1);
        return this;
    }

    (double Lo, double Hi) TypeRange() => ScalarType switch
    {
        TS.ScalarType.Byte => (0, 255),
        TS.ScalarType.Int8 => (-128, 127),
        TS.ScalarType.Int16 => (short.MinValue, short.MaxValue),
        TS.ScalarType.Int32 => (int.MinValue, int.MaxValue),
        TS.ScalarType.Float32 => (-(1L << 24), 1L << 24),
        TS.ScalarType.Float16 => (-2048, 2048),
        TS.ScalarType.Float64 => (-(1L << 53), 1L << 53),
        _ => (-9.2233720368547758e18, 9.2233720368547748e18),
    };

    /// <summary>Fills with samples of the Cauchy distribution. Example: <c>x.Cauchy(0, 1)</c>.</summary>
    public Tensor Cauchy(double median = 0, double sigma = 1)
    {
        RequireFloating("Cauchy");
        if (!(sigma > 0)) throw new ArgumentOutOfRangeException(nameof(sigma), $"Cauchy: sigma {sigma} (expected > 0)");
        Raw.cauchy_(median, sigma);
        return this;
    }

    /// <summary>Fills with samples whose logarithm is N(<paramref name="mean"/>, <paramref name="std"/>²) (Torch7's defaults 1, 2).
    /// Example: <c>x.LogNormal()</c>.</summary>
    public Tensor LogNormal(double mean = 1, double std = 2)
    {
        RequireFloating("LogNormal");
        if (!(std > 0)) throw new ArgumentOutOfRangeException(nameof(std), $"LogNormal: std {std} (expected > 0)");
        Raw.log_normal_(mean, std);
        return this;
    }

    /// <summary>Fills with samples of the exponential distribution of rate <paramref name="lambda"/>. Example: <c>x.Exponential(2)</c>.</summary>
    public Tensor Exponential(double lambda = 1)
    {
        RequireFloating("Exponential");
        if (!(lambda > 0)) throw new ArgumentOutOfRangeException(nameof(lambda), $"Exponential: lambda {lambda} (expected > 0)");
        Raw.exponential_(lambda);
        return this;
    }

    /// <summary>Fills with samples of the geometric distribution (trials until the first success, so 1, 2, ...). Example: <c>x.Geometric(0.5)</c>.</summary>
    public Tensor Geometric(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), $"Geometric: p = {p} (expected 0 < p < 1)");
        Raw.geometric_(p);
        return this;
    }

    /// <summary>Fills with 1 with probability <paramref name="p"/>, else 0. Example: <c>mask.Bernoulli(0.3)</c>.</summary>
    public Tensor Bernoulli(double p = 0.5)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), $"Bernoulli: p = {p} (expected 0 <= p <= 1)");
        Raw.bernoulli_(p);
        return this;
    }

    /// <summary>Fills element i with 1 with probability <paramref name="p"/>[i] (same number of elements, values in [0, 1]). Example: <c>x.Bernoulli(probs)</c>.</summary>
    public Tensor Bernoulli(Tensor p)
    {
        var o = Operand(p, "Bernoulli");
        using var q = o.to_type(TS.ScalarType.Float64);
        Drop(o, p);
        if (Outside(q, 0, 1)) throw new ArgumentOutOfRangeException(nameof(p), "Bernoulli: probabilities must lie in [0, 1]");
        using var draw = q.bernoulli();
        Raw.copy_(draw);
        return this;
    }

    /// <summary>Draws <paramref name="n"/> 1-based category indices per row of this probability vector or matrix (a LongTensor).
    /// Example: <c>var idx = probs.Multinomial(10, true);</c></summary>
    public Tensor Multinomial(long n, bool replacement = false)
    {
        Need(Kind.Floating, "Multinomial");
        if (Dim() != 1 && Dim() != 2) throw new ArgumentException($"Multinomial: expected a 1-D or 2-D probability tensor, got {Dim()} dimensions");
        long k = Sizes[^1];
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"Multinomial: {n} samples (expected 1 or more)");
        if (!replacement && n > k) throw new ArgumentOutOfRangeException(nameof(n), $"Multinomial: cannot draw {n} samples without replacement from {k} categories");
        using var sums = Raw.sum(Dim() - 1);
        using var empty = sums.le(0);
        using var anyEmpty = empty.any();
        if (Outside(Raw, 0, double.PositiveInfinity) || Outside(sums, 0, double.PositiveInfinity) || anyEmpty.item<bool>())
            throw new ArgumentException("Multinomial: probabilities must be non-negative with a non-zero sum in every row");
        return OneBased(Raw.multinomial(n, replacement));
    }
}

public static partial class torch
{
    static double Draw(Func<Tensor, Tensor> fill)
    {
        using var t = DoubleTensor(1);
        fill(t);
        return t.Raw.item<double>();
    }

    /// <summary>A random integer in [0, 2^32) (Lua's <c>torch.random()</c>). Example: <c>long r = torch.Random();</c></summary>
    public static long Random() => (long)Draw(t => t.Random(0, uint.MaxValue));
    /// <summary>A random integer in [1, b]. Example: <c>torch.Random(6)</c>.</summary>
    public static long Random(long b) => (long)Draw(t => t.Random(b));
    /// <summary>A random integer in [a, b]. Example: <c>torch.Random(-3, 3)</c>.</summary>
    public static long Random(long a, long b) => (long)Draw(t => t.Random(a, b));
    /// <summary>A sample of U(a, b). Example: <c>torch.Uniform(0, 10)</c>.</summary>
    public static double Uniform(double a = 0, double b = 1) => Draw(t => t.Uniform(a, b));
    /// <summary>A sample of N(mean, std²). Example: <c>torch.Normal(0, 1)</c>.</summary>
    public static double Normal(double mean = 0, double std = 1) => Draw(t => t.Normal(mean, std));
    /// <summary>A sample of the Cauchy distribution. Example: <c>torch.Cauchy()</c>.</summary>
    public static double Cauchy(double median = 0, double sigma = 1) => Draw(t => t.Cauchy(median, sigma));
    /// <summary>A log-normal sample. Example: <c>torch.LogNormal(1, 2)</c>.</summary>
    public static double LogNormal(double mean = 1, double std = 2) => Draw(t => t.LogNormal(mean, std));
    /// <summary>An exponential sample. Example: <c>torch.Exponential(1)</c>.</summary>
    public static double Exponential(double lambda = 1) => Draw(t => t.Exponential(lambda));
    /// <summary>A geometric sample (1, 2, ...). Example: <c>torch.Geometric(0.5)</c>.</summary>
    public static double Geometric(double p) => Draw(t => t.Geometric(p));
    /// <summary>1 with probability p, else 0 (Lua returns a boolean-like number). Example: <c>torch.Bernoulli(0.5)</c>.</summary>
    public static double Bernoulli(double p = 0.5) => Draw(t => t.Bernoulli(p));
    /// <summary>The alias tables of Walker's method for sampling a 1-D distribution many times (Lua's <c>torch.multinomialAliasSetup</c>):
    /// a table { J (LongTensor of 1-based aliases), q (acceptance probabilities, of probs' type) }.
    /// Example: <c>var state = torch.MultinomialAliasSetup(probs);</c></summary>
    public static Table MultinomialAliasSetup(Tensor probs)
    {
        probs.Need(Torch.Tensor.Kind.Floating, "torch.MultinomialAliasSetup").NeedDim(1, "torch.MultinomialAliasSetup", "the probabilities");
        var p = probs.ToArray();
        double total = p.Sum();
        if (p.Any(v => !(v >= 0)) || !(total > 0) || double.IsInfinity(total))
            throw new ArgumentException("torch.MultinomialAliasSetup: probabilities must be non-negative with a finite, non-zero sum");
        int n = p.Length;
        var q = p.Select(v => v * n / total).ToArray();
        var alias = new double[n];
        var small = new Stack<int>(Enumerable.Range(0, n).Where(i => q[i] < 1));
        var large = new Stack<int>(Enumerable.Range(0, n).Where(i => q[i] >= 1));
        for (int i = 0; i < n; i++) alias[i] = i + 1;
        while (small.Count > 0 && large.Count > 0)
        {
            int s = small.Pop(), l = large.Pop();
            alias[s] = l + 1;
            q[l] -= 1 - q[s];
            (q[l] < 1 ? small : large).Push(l);
        }
        foreach (var i in small.Concat(large)) q[i] = 1;
        return new Table(LongTensor(alias), probs.New().Set(DoubleTensor(q).Type(probs.Type())));
    }

    /// <summary>Fills the 1-D LongTensor <paramref name="output"/> with 1-based samples drawn with the tables of <see cref="MultinomialAliasSetup"/>
    /// (always with replacement) and returns it. Example: <c>torch.MultinomialAlias(torch.LongTensor(10), state)</c>.</summary>
    public static Tensor MultinomialAlias(Tensor output, Table state)
    {
        const string fn = "torch.MultinomialAlias";
        if (output.Type() != "torch.LongTensor" || output.Dim() > 1)
            throw new ArgumentException($"{fn}: expected a 1-D torch.LongTensor output, got a {output.Type()} of size {output.SizeString()}");
        if (state.Length != 2 || !state[1].IsTensor || !state[2].IsTensor || state[1].AsTensor.NElement() != state[2].AsTensor.NElement() || state[1].AsTensor.NElement() == 0)
            throw new ArgumentException($"{fn}: expected the table {{J, q}} from torch.MultinomialAliasSetup");
        var j = state[1].AsTensor.ToArray(); var q = state[2].AsTensor.ToArray();
        long n = output.NElement();
        if (n == 0) return output;
        using var pick = DoubleTensor(n).Random(1, j.Length);
        using var coin = DoubleTensor(n).Uniform();
        var picks = pick.ToArray(); var coins = coin.ToArray();
        var samples = new double[n];
        for (long i = 0; i < n; i++)
        {
            int k = (int)picks[i] - 1;
            samples[i] = coins[i] < q[k] ? k + 1 : j[k];
        }
        using var src = DoubleTensor(samples);
        return output.Copy(src);
    }

    /// <summary>n 1-based category indices drawn from each row of <paramref name="p"/>. Example: <c>torch.Multinomial(p, 5)</c>.</summary>
    public static Tensor Multinomial(Tensor p, long n, bool replacement = false) => p.Multinomial(n, replacement);
}
