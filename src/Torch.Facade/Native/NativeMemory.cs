namespace Torch.Native;

/// <summary>
/// Accounts for native (libtorch) memory held by live tensor wrappers, which the .NET GC cannot see, and runs a
/// collection when it has grown by <see cref="Step"/> since the last one, so Lua-style code that never disposes keeps
/// flat memory. One interlocked add per tensor; <c>GC.AddMemoryPressure</c> was measured slower per call here.
/// </summary>
internal static class NativeMemory
{
    const long Step = 256L << 20;
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
            GC.Collect();
            GC.WaitForPendingFinalizers(); // the finalizers free the native tensors
            Volatile.Write(ref limit, Interlocked.Read(ref outstanding) + Step);
        }
    }
}
