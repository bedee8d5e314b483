using TS = TorchSharp.torch;

namespace Torch;

// Seeds and generators. Each thread has its own default generator, as each Torch7 thread (a Lua state of its own) has
// its own torch._gen; a thread that never seeds starts from the operating system's randomness, as Torch7 does.
public static partial class torch
{
    [ThreadStatic] static Torch.Generator? threadGenerator;

    /// <summary>The calling thread's default generator (Lua's <c>torch._gen</c>), used by every random function given none.
    /// Example: <c>var st = torch.DefaultGenerator.GetRNGState();</c></summary>
    public static Torch.Generator DefaultGenerator => threadGenerator ??= new Torch.Generator();

    /// <summary>When true, tensor fills given no generator draw from libtorch's generator instead of Torch7's stream: faster on
    /// large tensors, but not Torch7's numbers (and not captured by <see cref="GetRNGState()"/>). Process-wide; false by default.
    /// Example: <c>torch.LibtorchRandom = true;</c></summary>
    public static bool LibtorchRandom { get; set; }

    static Torch.Generator Gen(Torch.Generator? gen) => gen ?? DefaultGenerator;

    /// <summary>A new generator seeded from the operating system's randomness (Lua's <c>torch.Generator()</c>).
    /// Example: <c>var gen = torch.Generator(); torch.ManualSeed(gen, 123);</c></summary>
    public static Torch.Generator Generator() => new();

    /// <summary>Seeds this thread's default generator (and libtorch's, for <see cref="LibtorchRandom"/> and CUDA).
    /// Example: <c>torch.ManualSeed(1);</c></summary>
    public static void ManualSeed(long seed)
    {
        DefaultGenerator.ManualSeed(seed);
        TS.random.manual_seed(seed);
        if (cutorch.IsAvailable()) TS.cuda.manual_seed_all(seed);
    }

    /// <summary>Seeds <paramref name="gen"/> (Lua's <c>torch.manualSeed(gen, seed)</c>). Example: <c>torch.ManualSeed(gen, 123);</c></summary>
    public static void ManualSeed(Torch.Generator gen, long seed) => gen.ManualSeed(seed);

    /// <summary>Seeds the default generator from the operating system's randomness and returns the seed (Lua's <c>torch.seed()</c>).
    /// Example: <c>long s = torch.Seed();</c></summary>
    public static long Seed()
    {
        long seed = DefaultGenerator.Seed();
        TS.random.manual_seed(seed);
        return seed;
    }

    /// <summary>Reseeds <paramref name="gen"/> from the operating system's randomness and returns the seed. Example: <c>torch.Seed(gen)</c>.</summary>
    public static long Seed(Torch.Generator gen) => gen.Seed();

    /// <summary>The seed the default generator started from. Example: <c>torch.InitialSeed()</c>.</summary>
    public static long InitialSeed() => DefaultGenerator.InitialSeed();

    /// <summary>The seed <paramref name="gen"/> started from. Example: <c>torch.InitialSeed(gen)</c>.</summary>
    public static long InitialSeed(Torch.Generator gen) => gen.InitialSeed();

    /// <summary>The default generator's full state as a ByteTensor (TH's layout), to restore later with <see cref="SetRNGState(Tensor)"/>.
    /// Example: <c>var st = torch.GetRNGState(); ...; torch.SetRNGState(st);</c></summary>
    public static Tensor GetRNGState() => DefaultGenerator.GetRNGState();

    /// <summary><paramref name="gen"/>'s full state as a ByteTensor. Example: <c>var st = torch.GetRNGState(gen);</c></summary>
    public static Tensor GetRNGState(Torch.Generator gen) => gen.GetRNGState();

    /// <summary>Restores the default generator from a state returned by <see cref="GetRNGState()"/>. Example: <c>torch.SetRNGState(st);</c></summary>
    public static void SetRNGState(Tensor state) => DefaultGenerator.SetRNGState(state);

    /// <summary>Restores <paramref name="gen"/> from a saved state. Example: <c>torch.SetRNGState(gen, st);</c></summary>
    public static void SetRNGState(Torch.Generator gen, Tensor state) => gen.SetRNGState(state);
}
