using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Torch;

/// <summary>Lua's <c>torch.Generator</c>: one random stream, TH's MT19937 and its transformations, so the same seed and
/// calls give Torch7's numbers on CPU (including the cached second value of Box–Muller's normals). Every random
/// function takes one as an optional first argument; without it they use the calling thread's default generator.</summary>
/// <remarks>Example: <c>var gen = torch.Generator(); torch.ManualSeed(gen, 123); x.Uniform(gen, -0.08, 0.08);</c></remarks>
public sealed class Generator
{
    const int N = 624, M = 397;
    const uint MatrixA = 0x9908b0df, UpperMask = 0x80000000, LowerMask = 0x7fffffff;
    /// <summary>Bytes of TH's <c>THGenerator</c> struct on a 64-bit Linux: the layout of <see cref="GetRNGState"/>'s ByteTensor.</summary>
    internal const int StateBytes = 5048;

    readonly uint[] state = new uint[N];
    ulong initialSeed;
    int left = 1;
    bool seeded;
    int next;
    double normalX, normalY, normalRho;
    bool normalIsValid;

    /// <summary>A generator seeded from the operating system's randomness, as Torch7's <c>torch.Generator()</c> (from /dev/urandom).
    /// Example: <c>var gen = new Generator();</c></summary>
    public Generator() => Seed();

    /// <summary>Reseeds from the operating system's randomness and returns the seed (Lua's <c>torch.seed(gen)</c>). Example: <c>long s = gen.Seed();</c></summary>
    public long Seed()
    {
        long s = BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
        ManualSeed(s);
        return s;
    }

    /// <summary>Restarts the stream from <paramref name="seed"/>, clearing the cached normal (TH's <c>THRandom_manualSeed</c>).
    /// Example: <c>gen.ManualSeed(1);</c></summary>
    public void ManualSeed(long seed)
    {
        initialSeed = (ulong)seed;
        state[0] = (uint)seed;
        for (uint j = 1; j < N; j++) state[j] = 1812433253u * (state[j - 1] ^ (state[j - 1] >> 30)) + j;
        left = 1;
        next = 0;
        seeded = true;
        normalX = normalY = normalRho = 0;
        normalIsValid = false;
    }

    /// <summary>The seed this stream started from (Lua's <c>torch.initialSeed(gen)</c>). Example: <c>long s = gen.InitialSeed();</c></summary>
    public long InitialSeed() => (long)initialSeed;

    static uint Twist(uint u, uint v) => (((u & UpperMask) | (v & LowerMask)) >> 1) ^ ((v & 1) != 0 ? MatrixA : 0u);

    void NextState()
    {
        var s = state;
        left = N;
        next = 0;
        int p = 0;
        for (; p < N - M; p++) s[p] = s[p + M] ^ Twist(s[p], s[p + 1]);
        for (; p < N - 1; p++) s[p] = s[p + M - N] ^ Twist(s[p], s[p + 1]);
        s[p] = s[p + M - N] ^ Twist(s[p], s[0]);
    }

    /// <summary>The next tempered 32-bit word (TH's <c>THRandom_random</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal uint Next()
    {
        if (--left == 0) NextState();
        uint y = state[next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    /// <summary>U[0, 1) with 32 random bits, as TH's <c>__uniform__</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Unit() => Next() * (1.0 / 4294967296.0);

    /// <summary>A sample of U(a, b) (TH's <c>THRandom_uniform</c>: u * (b - a) + a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Uniform(double a, double b) => Unit() * (b - a) + a;

    /// <summary>A sample of N(mean, stdv²) by Box–Muller, the second value of each pair cached as TH caches it.</summary>
    internal double Normal(double mean, double stdv)
    {
        if (!normalIsValid)
        {
            normalX = Unit();
            normalY = Unit();
            normalRho = Math.Sqrt(-2.0 * Math.Log(1.0 - normalY));
            normalIsValid = true;
            return normalRho * Math.Cos(2.0 * Math.PI * normalX) * stdv + mean;
        }
        normalIsValid = false;
        return normalRho * Math.Sin(2.0 * Math.PI * normalX) * stdv + mean;
    }

    /// <summary>An exponential sample of rate <paramref name="lambda"/> (TH's formula, -1/λ·log(1 - u)).</summary>
    internal double Exponential(double lambda) => -1.0 / lambda * Math.Log(1 - Unit());

    /// <summary>A Cauchy sample (TH's median + sigma·tan(π(u - ½))).</summary>
    internal double Cauchy(double median, double sigma) => median + sigma * Math.Tan(Math.PI * (Unit() - 0.5));

    /// <summary>exp of a normal sample (TH's <c>THRandom_logNormal</c>).</summary>
    internal double LogNormal(double mean, double stdv) => Math.Exp(Normal(mean, stdv));

    /// <summary>A geometric sample 1, 2, ... (TH's (int)(log(1 - u) / log p) + 1).</summary>
    internal int Geometric(double p) => (int)(Math.Log(1 - Unit()) / Math.Log(p)) + 1;

    /// <summary>1 with probability p (TH's u &lt;= p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Bernoulli(double p) => Unit() <= p ? 1 : 0;

    /// <summary>The whole state as a ByteTensor laid out as TH's <c>THGenerator</c> on 64-bit Linux, so states move between
    /// Torch7 and this library. Example: <c>var st = gen.GetRNGState(); ...; gen.SetRNGState(st);</c></summary>
    public Tensor GetRNGState()
    {
        var b = new byte[StateBytes];
        var s = b.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(s, initialSeed);
        BinaryPrimitives.WriteInt32LittleEndian(s[8..], left);
        BinaryPrimitives.WriteInt32LittleEndian(s[12..], seeded ? 1 : 0);
        BinaryPrimitives.WriteUInt64LittleEndian(s[16..], (ulong)next);
        for (int j = 0; j < N; j++) BinaryPrimitives.WriteUInt64LittleEndian(s[(24 + 8 * j)..], state[j]);
        BinaryPrimitives.WriteDoubleLittleEndian(s[5016..], normalX);
        BinaryPrimitives.WriteDoubleLittleEndian(s[5024..], normalY);
        BinaryPrimitives.WriteDoubleLittleEndian(s[5032..], normalRho);
        BinaryPrimitives.WriteInt32LittleEndian(s[5040..], normalIsValid ? 1 : 0);
        return torch.ByteTensor(b);
    }

    /// <summary>Restores a state from <see cref="GetRNGState"/> (or Torch7's <c>torch.getRNGState()</c>); refuses one that TH
    /// would call invalid. Example: <c>gen.SetRNGState(st);</c></summary>
    public void SetRNGState(Tensor stateBytes)
    {
        const string fn = "torch.SetRNGState";
        if (stateBytes.Type() != "torch.ByteTensor" || stateBytes.NElement() != StateBytes)
            throw new ArgumentException($"{fn}: expected the {StateBytes}-byte ByteTensor of GetRNGState, got a {stateBytes.Type()} of {stateBytes.NElement()} elements");
        var b = stateBytes.ToArray().Select(v => (byte)v).ToArray();
        var s = b.AsSpan();
        int l = BinaryPrimitives.ReadInt32LittleEndian(s[8..]);
        int isSeeded = BinaryPrimitives.ReadInt32LittleEndian(s[12..]);
        ulong nx = BinaryPrimitives.ReadUInt64LittleEndian(s[16..]);
        // TH asks for seeded == 1, 0 < left <= 624, next <= 624; the words still to be read must also lie in the state
        if (isSeeded != 1 || l <= 0 || l > N || nx > N || (long)nx + l - 1 > N)
            throw new ArgumentException($"{fn}: invalid RNG state (seeded {isSeeded}, left {l}, next {nx}; expected 1, 1..{N}, 0..{N}, left + next <= {N + 1})");
        var words = new uint[N];
        for (int j = 0; j < N; j++)
        {
            ulong w = BinaryPrimitives.ReadUInt64LittleEndian(s[(24 + 8 * j)..]);
            if (w > uint.MaxValue) throw new ArgumentException($"{fn}: invalid RNG state (word {j + 1} is {w}, wider than 32 bits)");
            words[j] = (uint)w;
        }
        words.CopyTo(state, 0);
        initialSeed = BinaryPrimitives.ReadUInt64LittleEndian(s);
        left = l;
        seeded = true;
        next = (int)nx;
        normalX = BinaryPrimitives.ReadDoubleLittleEndian(s[5016..]);
        normalY = BinaryPrimitives.ReadDoubleLittleEndian(s[5024..]);
        normalRho = BinaryPrimitives.ReadDoubleLittleEndian(s[5032..]);
        normalIsValid = BinaryPrimitives.ReadInt32LittleEndian(s[5040..]) != 0;
    }
}
