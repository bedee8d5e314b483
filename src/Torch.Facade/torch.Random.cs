using TS = TorchSharp.torch;

namespace Torch;

public static partial class torch
{
    static long initialSeed = 67280421310721; // libtorch's default seed

    /// <summary>Seeds the random generator (CPU, and CUDA when present). Example: <c>torch.ManualSeed(1);</c></summary>
    public static void ManualSeed(long seed)
    {
        initialSeed = seed;
        TS.random.manual_seed(seed);
        if (cutorch.IsAvailable()) TS.cuda.manual_seed_all(seed);
    }

    /// <summary>Seeds the generator from the clock and returns the seed (Lua's <c>torch.seed()</c>). Example: <c>long s = torch.Seed();</c></summary>
    public static long Seed()
    {
        long seed = DateTime.UtcNow.Ticks & 0x7fffffffffff;
        ManualSeed(seed);
        return seed;
    }

    /// <summary>The seed last given to <see cref="ManualSeed"/> or <see cref="Seed"/>. Example: <c>torch.InitialSeed()</c>.</summary>
    public static long InitialSeed() => initialSeed;

    /// <summary>The generator's full state as a ByteTensor, to restore later with <see cref="SetRNGState"/>.
    /// Example: <c>var st = torch.GetRNGState(); ...; torch.SetRNGState(st);</c></summary>
    public static Tensor GetRNGState() => Wrap(TS.random.get_rng_state());

    /// <summary>Restores a state returned by <see cref="GetRNGState"/>. Example: <c>torch.SetRNGState(st);</c></summary>
    public static void SetRNGState(Tensor state)
    {
        if (state.Type() != "torch.ByteTensor")
            throw new ArgumentException($"torch.SetRNGState: expected the ByteTensor from GetRNGState, got a {state.Type()}");
        TS.random.set_rng_state(state.Raw);
    }
}
