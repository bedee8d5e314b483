using TS = TorchSharp.torch;

namespace Torch;

public static partial class torch
{
    /// <summary>Sets the number of threads libtorch and Torch7's BLAS (OpenBLAS, where present) use inside one op (Lua's
    /// <c>torch.setnumthreads</c>; process-wide).
    /// Example: <c>torch.SetNumThreads(1);</c></summary>
    public static void SetNumThreads(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"torch.SetNumThreads: expected at least 1 thread, got {n}");
        TS.set_num_threads(n);
        Native.Blas.SetThreads(n);
    }

    /// <summary>The number of threads libtorch uses inside one op. Example: <c>int n = torch.GetNumThreads();</c></summary>
    public static int GetNumThreads() => TS.get_num_threads();

    /// <summary>The number of processor cores (Lua's <c>torch.getnumcores</c>). Example: <c>torch.GetNumCores()</c>.</summary>
    public static int GetNumCores() => Environment.ProcessorCount;
}
