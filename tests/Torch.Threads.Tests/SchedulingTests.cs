using System.Runtime.InteropServices;
using Torch.Threads;

namespace Torch.Threads.Tests;

/// <summary>The pool's workers run as Linux batch threads (src/Torch.Threads/WorkerScheduling.cs), so that a loader woken by a new
/// job does not take the core from the trainer; the calling thread keeps its own policy.</summary>
public class SchedulingTests
{
    [DllImport("libc", EntryPoint = "sched_getscheduler")]
    static extern int GetScheduler(int pid);

    [SkippableFact]
    public void Workers_are_batch_threads_and_the_main_thread_is_not_changed()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "scheduling policies are Linux's");
        int main = GetScheduler(0);
        var policies = new List<int>();
        using (var pool = new Threads(2))
        {
            for (int i = 0; i < 4; i++) pool.AddJob(() => GetScheduler(0), p => policies.Add(p));
            pool.Synchronize();
        }
        policies.Should().Equal(3, 3, 3, 3); // SCHED_BATCH
        GetScheduler(0).Should().Be(main);
        main.Should().NotBe(3);
    }
}
