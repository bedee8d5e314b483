using System.Numerics;

namespace Torch;

/// <summary>One element of a random fill: TH's per-element formula, converted to the tensor's type as C converts it.
/// Structs, so the fill loop is compiled once per (type, sampler) with the formula inlined.</summary>
internal interface ISampler
{
    /// <summary>The next element, drawn from <paramref name="g"/>.</summary>
    T Next<T>(Generator g) where T : unmanaged, INumberBase<T>;
}

internal static class Samplers
{
    internal readonly struct Uniform(double a, double b) : ISampler
    {
        public T Next<T>(Generator g) where T : unmanaged, INumberBase<T> => T.CreateTruncating(g.Uniform(a, b));
    }

    internal readonly struct Normal(double mean, double stdv) : ISampler
    {
        public T Next<T>(Generator g) where T : unmanaged, INumberBase<T> => T.CreateTruncating(g.Normal(mean, stdv));
    }

    internal readonly struct LogNormal(double mean, double stdv) : ISampler
    {
        public T Next<T>(Generator g) where T : unmanaged, INumberBase<T> => T.CreateTruncating(g.LogNormal(mean, stdv));
    }

    internal readonly struct Exponential(double lambda) : ISampler
    {
        public T Next<T>(Generator g) where T : unmanaged, INumberBase<T> => T.CreateTruncating(g.Exponential(lambda));
    }

    internal readonly struct Cauchy(double median, double sigma) : ISampler
    {
        public T Next<T>(Generator g) where T : unmanaged, INumberBase<T> => T.CreateTruncating(g.Cauchy(median, sigma));
    }

    internal readonly struct Geometric(double p) : ISampler
    {
        public T Next<T>(Generator g) where T : unmanaged, INumberBase<T> => T.CreateTruncating(g.Geometric(p));
    }

    internal readonly struct Bernoulli(double p) : ISampler
    {
        public T Next<T>(Generator g) where T : unmanaged, INumberBase<T> => T.CreateTruncating(g.Bernoulli(p));
    }

    /// <summary>Bernoulli with one probability per element, taken in the fill's (row-major) order.</summary>
    internal struct BernoulliEach(double[] p) : ISampler
    {
        int i;
        public T Next<T>(Generator g) where T : unmanaged, INumberBase<T> => T.CreateTruncating(g.Bernoulli(p[i++]));
    }

    /// <summary>TH's word modulo a bound, plus an offset, in C's unsigned long arithmetic (so TH's wrap-around for
    /// negative lower bounds is kept: a DoubleTensor's <c>random(-3, 3)</c> can give 2^64 - k, as in Torch7).</summary>
    internal readonly struct Words(ulong modulus, ulong offset) : ISampler
    {
        public T Next<T>(Generator g) where T : unmanaged, INumberBase<T> => T.CreateTruncating(unchecked(g.Next() % modulus + offset));
    }
}
