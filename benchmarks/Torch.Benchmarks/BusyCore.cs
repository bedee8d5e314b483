using System.Diagnostics;

namespace Torch.Benchmarks;

/// <summary>Another process keeping one core busy (a shell loop that ends with this process) while the benchmarks run beside it: the second
/// condition, "beside other work". Disposing it ends the process.</summary>
sealed class BusyCore : IDisposable
{
    readonly Process spin;

    public BusyCore()
    {
        spin = Process.Start(new ProcessStartInfo("/bin/sh", new[] { "-c", "while kill -0 $PPID 2>/dev/null; do :; done" }) { UseShellExecute = false })
            ?? throw new InvalidOperationException("BusyCore: /bin/sh did not start");
        Thread.Sleep(200); // let it reach its loop before the first round
    }

    public void Dispose()
    {
        spin.Kill();
        spin.WaitForExit();
        spin.Dispose();
    }
}
