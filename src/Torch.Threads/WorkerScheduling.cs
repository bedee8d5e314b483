using System.Runtime.InteropServices;

namespace Torch.Threads;

/// <summary>How the pool's workers are scheduled on Linux: as batch threads (<c>SCHED_BATCH</c>), which the kernel never lets
/// preempt a running thread when they wake. A donkeys pipeline has more threads than cores (the trainer and its loaders); with the
/// default policy each loader, woken by a new job, took the core from the trainer between two steps, while finished batches
/// waited (the benchmark's trainer sat idle 5-17 % of the time with batches ready; 1-4 % as batch threads). Batch threads keep
/// their priority (their nice value) against every other thread and process; they only give up waking preemption, which is what
/// a worker loading data or training a Hogwild replica does not need. Elsewhere, or where the kernel refuses, nothing changes.</summary>
internal static class WorkerScheduling
{
    const int SchedBatch = 3;

    [DllImport("libc", EntryPoint = "sched_setscheduler")]
    static extern int SetScheduler(int pid, int policy, ref int priority);

    /// <summary>Makes the calling thread a batch thread (pid 0: the caller); a refusal leaves it as it was.</summary>
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux()) return;
        int priority = 0; // the only one SCHED_BATCH takes
        try { _ = SetScheduler(0, SchedBatch, ref priority); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { } // not glibc or musl: keep the default
    }
}
