namespace Torch.Native;

/// <summary>
/// Accounts for native (libtorch) memory that the .NET GC cannot see, so Lua-style code that never disposes keeps flat memory.
/// Two kinds: a large storage (<see cref="Large"/> bytes or more) holds a <see cref="Charge"/> until its wrapper is disposed
/// or collected, and a collection runs when the charged total has grown by <see cref="Step"/> (or by half the live amount,
/// when that is more) since the last one; tensor headers and small storages, which die young in such code, only count as
/// allocation volume: every <see cref="Step"/> bytes of it on a thread runs a young-generation collection and waits while its
/// finalizers free the native tensors on the finalizer thread. Small tensors so carry no finalizer of their own (half the
/// finalization work of an undisposed temporary) and need no interlocked update.
/// </summary>
internal static class NativeMemory
{
    const long Step = 64L << 20;

    /// <summary>Storages from this size on are charged until released; smaller ones count as allocation volume only.</summary>
    public const long Large = 64L << 10;

    static long outstanding;
    static long limit = Step;
    static readonly object Gate = new();
    [ThreadStatic] static long churn;

    /// <summary>Bytes charged and not yet released (for tests and diagnostics).</summary>
    public static long Outstanding => Interlocked.Read(ref outstanding);

    /// <summary>Counts short-lived native bytes (a tensor header, a small storage) allocated on this thread.</summary>
    public static void Allocated(long bytes)
    {
        if ((churn += bytes) < Step) return;
        churn = 0;
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        // the dead temporaries' finalizers free them now, not while this thread allocates the next ones: freeing beside the
        // allocating thread made both contend for the native allocator (an allocating torch.Add, 4 floats: 1.37 of raw
        // TorchSharp on an idle machine, 0.69 beside a busy core, where the two threads took turns)
        GC.WaitForPendingFinalizers();
    }

    /// <summary>The charge of one large storage, released by <see cref="Dispose"/> or, when its wrapper was dropped, by the GC.</summary>
    internal sealed class Charge : IDisposable
    {
        long bytes;

        public Charge(long bytes)
        {
            this.bytes = bytes;
            if (Interlocked.Add(ref outstanding, bytes) > Volatile.Read(ref limit)) Collect();
        }

        public void Dispose()
        {
            Release();
            GC.SuppressFinalize(this);
        }

        ~Charge() => Release();

        void Release() => Interlocked.Add(ref outstanding, -Interlocked.Exchange(ref bytes, 0));
    }

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
