using System.Runtime.InteropServices;
using Torch.Threads;

namespace Torch.Threads.Tests;

/// <summary>A pool's workers run their ops with the count <c>torch.SetNumThreads</c> gave. libtorch keeps MKL's count per
/// thread and sets it on a thread only when that thread first asks libtorch for its count; MKL's tanh, reached first, then
/// woke a team of every core from each Hogwild worker (one worker kept both cores of this machine busy).</summary>
public class NumThreadsTests
{
    /// <summary>MKL's count on the calling thread, read from libtorch's own MKL; null where that build has none.</summary>
    static unsafe int? MklThreads()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libtorch_cpu.so");
        if (!File.Exists(path) || !NativeLibrary.TryLoad(path, out var lib) || !NativeLibrary.TryGetExport(lib, "mkl_get_max_threads", out var f))
            return null;
        return ((delegate* unmanaged<int>)f)();
    }

    [SkippableFact]
    public void A_workers_MKL_count_is_the_one_SetNumThreads_gave()
    {
        Skip.If(Environment.ProcessorCount < 2, "one core: every count is 1");
        Skip.If(MklThreads() is null, "this libtorch build has no MKL of its own");
        int was = torch.GetNumThreads();
        try
        {
            torch.SetNumThreads(1);
            int? plain = null, worker = null;
            var t = new Thread(() => plain = MklThreads());
            t.Start();
            t.Join();
            plain.Should().Be(Environment.ProcessorCount, "a thread libtorch has not set up has MKL's default: the reason the pool sets it");
            using (var pool = new Threads(1))
            {
                pool.AddJob(() => MklThreads(), n => worker = (int?)n);
                pool.Synchronize();
            }
            worker.Should().Be(1);
        }
        finally { torch.SetNumThreads(was); }
    }
}
