using TS = TorchSharp.torch;

namespace Torch;

public static partial class torch
{
    /// <summary>Sets the number of threads libtorch and Torch7's BLAS (OpenBLAS, where present) use inside one op (Lua's
    /// <c>torch.setnumthreads</c>). Process-wide: libtorch keeps part of the setting per thread (OpenMP's and MKL's counts),
    /// so the workers of <c>Threads</c> pools apply it when they start; a thread made otherwise has libtorch's default (every
    /// core) until it calls this itself.
    /// Example: <c>torch.SetNumThreads(1);</c></summary>
    public static void SetNumThreads(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"torch.SetNumThreads: expected at least 1 thread, got {n}");
        TS.set_num_threads(n);
        Native.Blas.SetThreads(n);
        requested = n;
    }

    static volatile int requested;

    /// <summary>Applies the count last given to <see cref="SetNumThreads"/> (if any) to the calling thread's libtorch settings:
    /// a pool's worker calls it as it starts, so that its ops do not each wake a team of every core (MKL's tanh in a Hogwild
    /// worker did: one worker kept both cores busy). Example: <c>torch.ApplyNumThreadsHere();</c></summary>
    internal static void ApplyNumThreadsHere()
    {
        if (requested > 0) TS.set_num_threads(requested);
    }

    /// <summary>The number of threads libtorch uses inside one op. Example: <c>int n = torch.GetNumThreads();</c></summary>
    public static int GetNumThreads() => TS.get_num_threads();

    /// <summary>The number of processor cores (Lua's <c>torch.getnumcores</c>). Example: <c>torch.GetNumCores()</c>.</summary>
    public static int GetNumCores() => Environment.ProcessorCount;
}
