namespace Torch.Native;

/// <summary>
/// Accounts for native (libtorch) memory held by live tensor wrappers, which the .NET GC cannot see, and runs a
/// collection when it has grown by <see cref="Step"/> (or by half the live amount, when that is more) since the last one,
/// so Lua-style code that never disposes keeps flat memory. One interlocked add per tensor; <c>GC.AddMemoryPressure</c>
/// was measured slower per call here.
/// </summary>
internal static class NativeMemory
{
    const long Step = 64L << 20;
    static long outstanding;
    static long limit = Step;
    static readonly object Gate = new();

    /// <summary>Bytes charged and not yet released (for tests and diagnostics).</summary>
    public static long Outstanding => Interlocked.Read(ref outstanding);

    public static void Charge(long bytes)
    {
        if (Interlocked.Add(ref outstanding, bytes) > Volatile.Read(ref limit)) Collect();
    }

    public static void Release(long bytes) => Interlocked.Add(ref outstanding, -bytes);

    static void Collect()
    {
        lock (Gate)
        {
            if (Interlocked.Read(ref outstanding) <= Volatile.Read(ref limit)) return;
            // temporaries die young: a cheap young-generation collection usually frees them; a full one only when it did not
            long before = Interlocked.Read(ref outstanding);
            GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers(); // the finalizers free the native tensors
            if (Interlocked.Read(ref outstanding) > before - Step / 2)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            long live = Interlocked.Read(ref outstanding);
            Volatile.Write(ref limit, live + Math.Max(Step, live / 2));
        }
    }
}
