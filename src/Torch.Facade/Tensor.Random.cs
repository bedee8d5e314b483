using System.Numerics;
using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's random sampling (TensorMath group M). Fills draw from a Generator (TH's MT19937 and formulas, element by
// element in row-major order, whatever the strides), so the same seed gives Torch7's numbers. With no generator given
// they use the thread's default one, or libtorch's generator when torch.LibtorchRandom is set (and on CUDA tensors,
// as cutorch has its own generator).
public sealed partial class Tensor
{
    /// <summary>Fills with samples of U(<paramref name="a"/>, <paramref name="b"/>). Example: <c>torch.Tensor(4, 6).Uniform()</c>.</summary>
    public Tensor Uniform(double a = 0, double b = 1) => Uniform(null, a, b);

    /// <summary>Fills with samples of U(a, b) drawn from <paramref name="gen"/> (the default generator when null).
    /// Example: <c>x.Uniform(gen, -0.08, 0.08)</c>.</summary>
    public Tensor Uniform(Generator? gen, double a = 0, double b = 1)
    {
        RequireFloating("Uniform");
        return Draw("Uniform", gen, new Samplers.Uniform(Real(a), Real(b)), raw =>
        {
            raw.uniform_(0, 1); // Torch7: u * (b - a) + a, which also allows a > b
            using var width = ScalarLease.Of(b - a, ScalarType);
            using var start = ScalarLease.Of(a, ScalarType);
            raw.mul_(width.Value).add_(start.Value);
        });
    }

    /// <summary>Fills with samples of N(<paramref name="mean"/>, <paramref name="std"/>²). Example: <c>x.Normal(0, 0.1)</c>.</summary>
    public Tensor Normal(double mean = 0, double std = 1) => Normal(null, mean, std);

    /// <summary>Fills with samples of N(mean, std²) drawn from <paramref name="gen"/>. Example: <c>x.Normal(gen, 0, 0.1)</c>.</summary>
    public Tensor Normal(Generator? gen, double mean = 0, double std = 1)
    {
        RequireFloating("Normal");
        PositiveStd("Normal", std);
        return Draw("Normal", gen, new Samplers.Normal(Real(mean), Real(std)), raw => raw.normal_(mean, std));
    }

    /// <summary>Fills with samples of the Cauchy distribution. Example: <c>x.Cauchy(0, 1)</c>.</summary>
    public Tensor Cauchy(double median = 0, double sigma = 1) => Cauchy(null, median, sigma);

    /// <summary>Fills with Cauchy samples drawn from <paramref name="gen"/>. Example: <c>x.Cauchy(gen, 0, 1)</c>.</summary>
    public Tensor Cauchy(Generator? gen, double median = 0, double sigma = 1)
    {
        RequireFloating("Cauchy");
        if (!(sigma > 0)) throw new ArgumentOutOfRangeException(nameof(sigma), $"Cauchy: sigma {sigma} (expected > 0)");
        return Draw("Cauchy", gen, new Samplers.Cauchy(Real(median), Real(sigma)), raw => raw.cauchy_(median, sigma));
    }

    /// <summary>Fills with samples whose logarithm is N(<paramref name="mean"/>, <paramref name="std"/>²) (Torch7's defaults 1, 2).
    /// Example: <c>x.LogNormal()</c>.</summary>
    public Tensor LogNormal(double mean = 1, double std = 2) => LogNormal(null, mean, std);

    /// <summary>Fills with log-normal samples drawn from <paramref name="gen"/>. Example: <c>x.LogNormal(gen, 1, 2)</c>.</summary>
    public Tensor LogNormal(Generator? gen, double mean = 1, double std = 2)
    {
        RequireFloating("LogNormal");
        PositiveStd("LogNormal", std);
        return Draw("LogNormal", gen, new Samplers.LogNormal(Real(mean), Real(std)), raw => raw.log_normal_(mean, std));
    }

    /// <summary>Fills with samples of the exponential distribution of rate <paramref name="lambda"/>. Example: <c>x.Exponential(2)</c>.</summary>
    public Tensor Exponential(double lambda = 1) => Exponential(null, lambda);

    /// <summary>Fills with exponential samples drawn from <paramref name="gen"/>. Example: <c>x.Exponential(gen, 2)</c>.</summary>
    public Tensor Exponential(Generator? gen, double lambda = 1)
    {
        RequireFloating("Exponential");
        if (!(lambda > 0)) throw new ArgumentOutOfRangeException(nameof(lambda), $"Exponential: lambda {lambda} (expected > 0)");
        return Draw("Exponential", gen, new Samplers.Exponential(Real(lambda)), raw => raw.exponential_(lambda));
    }

    /// <summary>Fills with samples of the geometric distribution (trials until the first success, so 1, 2, ...). Example: <c>x.Geometric(0.5)</c>.</summary>
    public Tensor Geometric(double p) => Geometric(null, p);

    /// <summary>Fills with geometric samples drawn from <paramref name="gen"/>. Example: <c>x.Geometric(gen, 0.5)</c>.</summary>
    public Tensor Geometric(Generator? gen, double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), $"Geometric: p = {p} (expected 0 < p < 1)");
        return Draw("Geometric", gen, new Samplers.Geometric(p), raw => raw.geometric_(p));
    }

    /// <summary>Fills with 1 with probability <paramref name="p"/>, else 0. Example: <c>mask.Bernoulli(0.3)</c>.</summary>
    public Tensor Bernoulli(double p = 0.5) => Bernoulli(null, p);

    /// <summary>Fills with Bernoulli(p) samples drawn from <paramref name="gen"/>. Example: <c>mask.Bernoulli(gen, 0.3)</c>.</summary>
    public Tensor Bernoulli(Generator? gen, double p = 0.5)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), $"Bernoulli: p = {p} (expected 0 <= p <= 1)");
        return Draw("Bernoulli", gen, new Samplers.Bernoulli(p), raw => raw.bernoulli_(p));
    }

    /// <summary>Fills element i with 1 with probability <paramref name="p"/>[i] (same number of elements, values in [0, 1]). Example: <c>x.Bernoulli(probs)</c>.</summary>
    public Tensor Bernoulli(Tensor p) => Bernoulli(null, p);

    /// <summary>Fills element i with 1 with probability p[i], drawn from <paramref name="gen"/>. Example: <c>x.Bernoulli(gen, probs)</c>.</summary>
    public Tensor Bernoulli(Generator? gen, Tensor p)
    {
        p.Need(Kind.Floating, "Bernoulli");
        CheckSameElements(p, "Bernoulli");
        var probs = p.ToArray();
        if (probs.Any(v => !(v >= 0 && v <= 1))) throw new ArgumentOutOfRangeException(nameof(p), "Bernoulli: probabilities must lie in [0, 1]");
        return Draw("Bernoulli", gen, new Samplers.BernoulliEach(probs), raw =>
        {
            using var q = torch.DoubleTensor(probs);
            using var draw = q.Raw.bernoulli();
            using var shaped = draw.reshape(raw.shape);
            raw.copy_(shaped);
        });
    }

    /// <summary>Fills with random integers: TH's 32-bit word modulo the type's range (2^24 + 1 for Float, 2^53 + 1 for Double).
    /// Example: <c>x.Random()</c>.</summary>
    public Tensor Random() => Random((Generator?)null);

    /// <summary>Fills with random integers drawn from <paramref name="gen"/>. Example: <c>x.Random(gen)</c>.</summary>
    public Tensor Random(Generator? gen)
    {
        ulong modulus = ScalarType switch
        {
            TS.ScalarType.Byte => 256,
            TS.ScalarType.Int8 => 128,
            TS.ScalarType.Int16 => 32768,
            TS.ScalarType.Int32 => 1UL << 31,
            TS.ScalarType.Float32 => (1UL << 24) + 1,
            TS.ScalarType.Float64 => (1UL << 53) + 1,
            _ => 1UL << 63,
        };
        var (_, hi) = TypeRange();
        return Draw("Random", gen, new Samplers.Words(modulus, 0), raw => raw.random_(0, Math.Min(hi + 1, 9.2233720368547748e18)));
    }

    /// <summary>Fills with random integers uniform in [1, <paramref name="b"/>]. Example: <c>x.Random(6)</c>.</summary>
    public Tensor Random(long b) => Random(null, b);

    /// <summary>Fills with random integers in [1, b] drawn from <paramref name="gen"/>. Example: <c>x.Random(gen, 6)</c>.</summary>
    public Tensor Random(Generator? gen, long b)
    {
        if (b <= 0) throw new ArgumentOutOfRangeException(nameof(b), $"Random: upper bound {b} must be strictly positive");
        return Draw("Random", gen, new Samplers.Words((ulong)b, 1), raw => raw.random_(1, (double)b + 1));
    }

    /// <summary>Fills with random integers uniform in [<paramref name="a"/>, <paramref name="b"/>]. Example: <c>x.Random(-3, 3)</c>.</summary>
    public Tensor Random(long a, long b) => Random(null, a, b);

    /// <summary>Fills with random integers in [a, b] drawn from <paramref name="gen"/> (TH's unsigned arithmetic).
    /// Example: <c>x.Random(gen, 1, 10)</c>.</summary>
    public Tensor Random(Generator? gen, long a, long b)
    {
        if (b < a) throw new ArgumentOutOfRangeException(nameof(b), $"Random: upper bound {b} must be at least the lower bound {a}");
        return Draw("Random", gen, new Samplers.Words(unchecked((ulong)(b + 1 - a)), unchecked((ulong)a)), raw =>
        {
            var (lo, hi) = TypeRange();
            if (a < lo || b > hi)
                throw new ArgumentOutOfRangeException(nameof(b), $"Random: [{a}, {b}] does not fit a {Type()} (expected within {lo}..{hi})");
            raw.random_(a, (double)b + 1);
        });
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

    internal void RequireFloating(string fn) => Need(Kind.Floating, fn);

    /// <summary>TH's check of a normal's standard deviation; true (so it can guard an expression) or throws.</summary>
    internal static bool PositiveStd(string fn, double std) =>
        std > 0 ? true : throw new ArgumentOutOfRangeException(nameof(std), $"{fn}: standard deviation {std} (expected > 0)");

    /// <summary>A Lua number as the tensor's real: TH's tensor fills take their parameters as <c>real</c>, so a FloatTensor
    /// rounds them to float before drawing.</summary>
    double Real(double v) => ScalarType == TS.ScalarType.Float32 ? (float)v : v;

    /// <summary>Whether TH's element types cover this tensor (CPU, not half).</summary>
    bool OnHost => !IsCuda && ScalarType is TS.ScalarType.Float64 or TS.ScalarType.Float32 or TS.ScalarType.Int64
        or TS.ScalarType.Int32 or TS.ScalarType.Int16 or TS.ScalarType.Int8 or TS.ScalarType.Byte;

    /// <summary>Fills every element with <paramref name="sampler"/>'s draws from <paramref name="gen"/>, in row-major order; with no
    /// generator, libtorch's own fill runs instead when <see cref="torch.LibtorchRandom"/> is set or the tensor is on CUDA, and a
    /// half tensor is drawn as a float copy. Those two write through libtorch, which refuses an expanded view: <paramref name="fn"/> names the refusal.</summary>
    Tensor Draw<S>(string fn, Generator? gen, S sampler, Action<TT> libtorch) where S : struct, ISampler
    {
        if (gen is null && (torch.LibtorchRandom || IsCuda)) { Writable(fn); libtorch(Raw); return this; }
        gen ??= torch.DefaultGenerator;
        if (!OnHost)
        {
            Writable(fn);
            using var host = torch.Wrap(Raw.to(ScalarType == TS.ScalarType.Float64 ? TS.ScalarType.Float64 : TS.ScalarType.Float32, TS.CPU));
            host.Draw(fn, gen, sampler, libtorch);
            Raw.copy_(host.Raw);
            return this;
        }
        switch (ScalarType)
        {
            case TS.ScalarType.Float64: Walk<double, S>(gen, ref sampler); break;
            case TS.ScalarType.Float32: Walk<float, S>(gen, ref sampler); break;
            case TS.ScalarType.Int64: Walk<long, S>(gen, ref sampler); break;
            case TS.ScalarType.Int32: Walk<int, S>(gen, ref sampler); break;
            case TS.ScalarType.Int16: Walk<short, S>(gen, ref sampler); break;
            case TS.ScalarType.Int8: Walk<sbyte, S>(gen, ref sampler); break;
            default: Walk<byte, S>(gen, ref sampler); break;
        }
        return this;
    }

    /// <summary>Writes one draw per element straight into CPU memory in row-major order (TH_TENSOR_APPLY's order), following
    /// the strides of a non-contiguous view.</summary>
    unsafe void Walk<T, S>(Generator gen, ref S sampler) where T : unmanaged, INumberBase<T> where S : struct, ISampler
    {
        long n = NElement();
        if (n == 0) return;
        T* p = (T*)Data;
        if (IsContiguous())
        {
            for (long i = 0; i < n; i++) p[i] = sampler.Next<T>(gen);
            return;
        }
        var size = Sizes; var stride = Strides;
        int last = size.Length - 1;
        long inner = size[last], step = stride[last];
        var index = new long[last];
        long offset = 0;
        while (true)
        {
            T* q = p + offset;
            for (long i = 0; i < inner; i++) q[i * step] = sampler.Next<T>(gen);
            int d = last - 1;
            for (; d >= 0; d--)
            {
                offset += stride[d];
                if (++index[d] < size[d]) break;
                offset -= stride[d] * size[d];
                index[d] = 0;
            }
            if (d < 0) return;
        }
    }

    /// <summary>Draws <paramref name="n"/> 1-based category indices per row of this probability vector or matrix (a LongTensor).
    /// Example: <c>var idx = probs.Multinomial(10, true);</c></summary>
    public Tensor Multinomial(long n, bool replacement = false) => Multinomial(null, n, replacement);

    /// <summary>Multinomial samples drawn from <paramref name="gen"/>, by TH's method (a binary search of the cumulative
    /// distribution for each uniform draw; without replacement, the drawn category's mass is removed and the rest renormalised).
    /// Example: <c>var idx = probs.Multinomial(gen, 10, true);</c></summary>
    public Tensor Multinomial(Generator? gen, long n, bool replacement = false)
    {
        Need(Kind.Floating, "Multinomial");
        if (Dim() != 1 && Dim() != 2) throw new ArgumentException($"Multinomial: expected a 1-D or 2-D probability tensor, got {Dim()} dimensions");
        long k = Sizes[^1];
        if (n < 1 || n > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(n), $"Multinomial: {n} samples (expected 1 to {int.MaxValue})");
        if (!replacement && n > k) throw new ArgumentOutOfRangeException(nameof(n), $"Multinomial: cannot draw {n} samples without replacement from {k} categories");
        var p = ToArray();
        if (p.Any(v => !(v >= 0) || double.IsInfinity(v)))
            throw new ArgumentException("Multinomial: probabilities must be finite and non-negative");
        if (gen is null && (torch.LibtorchRandom || IsCuda)) return OneBased(Raw.multinomial(n, replacement));
        gen ??= torch.DefaultGenerator;
        long rows = p.Length / k;
        var samples = new long[rows * n];
        for (long r = 0; r < rows; r++) MultinomialRow(gen, p.AsSpan((int)(r * k), (int)k), samples.AsSpan((int)(r * n), (int)n), replacement);
        var result = torch.LongTensor(samples.Select(v => (double)v).ToArray());
        return Dim() == 1 ? result : result.View(rows, n);
    }

    /// <summary>TH's sampling of one row (1-based results).</summary>
    static void MultinomialRow(Generator gen, ReadOnlySpan<double> prob, Span<long> output, bool replacement)
    {
        int k = prob.Length;
        var cum = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) cum[j] = sum += prob[j];
        if (!(sum > 0)) throw new ArgumentException("Multinomial: invalid distribution (sum of probabilities <= 0)");
        for (int j = 0; j < k; j++) cum[j] /= sum;
        for (int s = 0; s < output.Length; s++)
        {
            double u = gen.Uniform(0, 1);
            cum[k - 1] = 1;
            int left = 0, right = k;
            while (right - left > 0)
            {
                int mid = left + (right - left) / 2;
                if (cum[mid] < u) left = mid + 1; else right = mid;
            }
            output[s] = left + 1;
            if (replacement) continue;
            double diff = cum[left] - (left != 0 ? cum[left - 1] : 0);
            double rest = 1.0 - diff;
            for (int j = 0; j < k; j++) cum[j] = (j >= left ? cum[j] - diff : cum[j]) / rest;
        }
    }
}

public static partial class torch
{
    /// <summary>A random integer in [0, 2^32): TH's next 32-bit word (Lua's <c>torch.random()</c>). Example: <c>long r = torch.Random();</c></summary>
    public static long Random(Torch.Generator? gen = null) => Gen(gen).Next();
    /// <summary>A random integer in [1, b]. Example: <c>torch.Random(6)</c>.</summary>
    public static long Random(long b) => Random(null, b);
    /// <summary>A random integer in [1, b] from <paramref name="gen"/>. Example: <c>torch.Random(gen, 6)</c>.</summary>
    public static long Random(Torch.Generator? gen, long b)
    {
        if (b <= 0) throw new ArgumentOutOfRangeException(nameof(b), $"torch.Random: upper bound {b} must be strictly positive");
        return (long)(Gen(gen).Next() % (ulong)b + 1);
    }
    /// <summary>A random integer in [a, b]. Example: <c>torch.Random(-3, 3)</c>.</summary>
    public static long Random(long a, long b) => Random(null, a, b);
    /// <summary>A random integer in [a, b] from <paramref name="gen"/>. Example: <c>torch.Random(gen, -3, 3)</c>.</summary>
    public static long Random(Torch.Generator? gen, long a, long b)
    {
        if (b < a) throw new ArgumentOutOfRangeException(nameof(b), $"torch.Random: upper bound {b} must be at least the lower bound {a}");
        return unchecked((long)(Gen(gen).Next() % (ulong)(b + 1 - a) + (ulong)a));
    }
    /// <summary>A sample of U(a, b). Example: <c>torch.Uniform(0, 10)</c>.</summary>
    public static double Uniform(double a = 0, double b = 1) => Uniform(null, a, b);
    /// <summary>A sample of U(a, b) from <paramref name="gen"/>. Example: <c>torch.Uniform(gen, 0, 10)</c>.</summary>
    public static double Uniform(Torch.Generator? gen, double a = 0, double b = 1) => Gen(gen).Uniform(a, b);
    /// <summary>A sample of N(mean, std²). Example: <c>torch.Normal(0, 1)</c>.</summary>
    public static double Normal(double mean = 0, double std = 1) => Normal(null, mean, std);
    /// <summary>A sample of N(mean, std²) from <paramref name="gen"/>. Example: <c>torch.Normal(gen, 0, 1)</c>.</summary>
    public static double Normal(Torch.Generator? gen, double mean = 0, double std = 1) =>
        Torch.Tensor.PositiveStd("torch.Normal", std) ? Gen(gen).Normal(mean, std) : 0;
    /// <summary>A sample of the Cauchy distribution. Example: <c>torch.Cauchy()</c>.</summary>
    public static double Cauchy(double median = 0, double sigma = 1) => Cauchy(null, median, sigma);
    /// <summary>A Cauchy sample from <paramref name="gen"/>. Example: <c>torch.Cauchy(gen, 0, 1)</c>.</summary>
    public static double Cauchy(Torch.Generator? gen, double median = 0, double sigma = 1) => Gen(gen).Cauchy(median, sigma);
    /// <summary>A log-normal sample. Example: <c>torch.LogNormal(1, 2)</c>.</summary>
    public static double LogNormal(double mean = 1, double std = 2) => LogNormal(null, mean, std);
    /// <summary>A log-normal sample from <paramref name="gen"/>. Example: <c>torch.LogNormal(gen, 1, 2)</c>.</summary>
    public static double LogNormal(Torch.Generator? gen, double mean = 1, double std = 2) =>
        Torch.Tensor.PositiveStd("torch.LogNormal", std) ? Gen(gen).LogNormal(mean, std) : 0;
    /// <summary>An exponential sample. Example: <c>torch.Exponential(1)</c>.</summary>
    public static double Exponential(double lambda = 1) => Exponential(null, lambda);
    /// <summary>An exponential sample from <paramref name="gen"/>. Example: <c>torch.Exponential(gen, 1)</c>.</summary>
    public static double Exponential(Torch.Generator? gen, double lambda = 1) => Gen(gen).Exponential(lambda);
    /// <summary>A geometric sample (1, 2, ...). Example: <c>torch.Geometric(0.5)</c>.</summary>
    public static double Geometric(double p) => Geometric(null, p);
    /// <summary>A geometric sample from <paramref name="gen"/>. Example: <c>torch.Geometric(gen, 0.5)</c>.</summary>
    public static double Geometric(Torch.Generator? gen, double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), $"torch.Geometric: p = {p} (expected 0 < p < 1)");
        return Gen(gen).Geometric(p);
    }
    /// <summary>1 with probability p, else 0 (Lua returns a boolean-like number). Example: <c>torch.Bernoulli(0.5)</c>.</summary>
    public static double Bernoulli(double p = 0.5) => Bernoulli(null, p);
    /// <summary>1 with probability p, else 0, from <paramref name="gen"/>. Example: <c>torch.Bernoulli(gen, 0.5)</c>.</summary>
    public static double Bernoulli(Torch.Generator? gen, double p = 0.5)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), $"torch.Bernoulli: p = {p} (expected 0 <= p <= 1)");
        return Gen(gen).Bernoulli(p);
    }
    /// <summary>The alias tables of Walker's method for sampling a 1-D distribution many times (Lua's <c>torch.multinomialAliasSetup</c>):
    /// a table { J (LongTensor of 1-based aliases), q (acceptance probabilities, of probs' type) }, built as TH builds them: the
    /// probabilities are taken as summing to 1 (q = n p), the small and large lists are worked from their ends, q is divided by its
    /// maximum when that exceeds 1, and an entry whose alias is the first category (or none) gets q = 1, as in Torch7.
    /// Example: <c>var state = torch.MultinomialAliasSetup(probs);</c></summary>
    public static Table MultinomialAliasSetup(Tensor probs)
    {
        const string fn = "torch.MultinomialAliasSetup";
        probs.Need(Torch.Tensor.Kind.Floating, fn).NeedDim(1, fn, "the probabilities");
        var p = probs.ToArray();
        if (p.Any(v => !double.IsFinite(v))) throw new ArgumentException($"{fn}: probabilities must be finite");
        int n = p.Length;
        var r = probs.Type() == "torch.FloatTensor" ? (Func<double, double>)(v => (float)v) : v => v; // TH's real
        var q = p.Select(v => r(n * v)).ToArray();
        var alias = new long[n]; // 0-based, 0 where none was set
        var smaller = new long[n];
        var larger = new long[n];
        int small = 0, large = 0;
        for (int i = 0; i < n; i++)
            if (q[i] < 1.0) smaller[small++] = i;
            else larger[large++] = i;
        while (small > 0 && large > 0)
        {
            long l = larger[large - 1], s = smaller[small - 1];
            alias[s] = l;
            q[l] = r(q[l] - (1.0 - q[s]));
            if (q[l] < 1.0) { smaller[small - 1] = l; large--; }
            else { larger[large - 1] = l; small--; }
        }
        double qMax = q.Max();
        if (!(q.Min() > 0)) throw new ArgumentException($"{fn}: q_min is less than 0 (every probability must be positive)");
        for (int i = 0; i < n; i++)
        {
            if (qMax > 1) q[i] = r(q[i] / qMax);
            if (alias[i] <= 0) q[i] = 1.0;
        }
        return new Table(LongTensor((ReadOnlySpan<long>)alias.Select(a => a + 1).ToArray()), probs.New().Set(DoubleTensor(q).Type(probs.Type())));
    }

    /// <summary>Fills the 1-D LongTensor <paramref name="output"/> with samples drawn with the tables of <see cref="MultinomialAliasSetup"/>
    /// (always with replacement) and returns it, as Torch7 draws them: per sample a column k = (long)uniform(0, K) and a
    /// bernoulli(q[k]) from Torch7's stream; k + 1 when accepted, else J[k] - 1 (Torch7's own off-by-one on the alias branch,
    /// kept so that programs retrace Torch7). Example: <c>torch.MultinomialAlias(torch.LongTensor(10), state)</c>.</summary>
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
        var g = Gen(null);
        var samples = new long[n];
        for (long i = 0; i < n; i++)
        {
            long k = (long)g.Uniform(0, j.Length);
            bool accept = g.Bernoulli(q[k]) != 0;
            samples[i] = accept ? k + 1 : (long)j[k] - 1;
        }
        using var drawn = LongTensor((ReadOnlySpan<long>)samples);
        return output.Copy(drawn);
    }

    /// <summary>n 1-based category indices drawn from each row of <paramref name="p"/>. Example: <c>torch.Multinomial(p, 5)</c>.</summary>
    public static Tensor Multinomial(Tensor p, long n, bool replacement = false) => p.Multinomial(n, replacement);
}
