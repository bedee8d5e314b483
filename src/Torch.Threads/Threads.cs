using System.Collections.Concurrent;

namespace Torch.Threads;

/// <summary>
/// Lua's <c>threads.Threads</c>: a pool of worker threads that run jobs while the main thread runs their end callbacks.
/// </summary>
/// <remarks>
/// Example:
/// <c>using var donkeys = new Threads(4, id => Console.WriteLine(id)); donkeys.AddJob(() => LoadBatch(), b => Train(b)); donkeys.Synchronize();</c>
/// Workers share the process's memory (tensors are passed by reference, as with Lua's <c>threads.sharedserialize</c>).
/// The job queue holds as many jobs as there are workers; <see cref="AddJob{T}(Func{T}, Action{T})"/> runs pending end
/// callbacks while it waits for room, as Lua's <c>addjob</c> does. End callbacks always run on the thread that calls
/// <see cref="AddJob{T}(Func{T}, Action{T})"/>, <see cref="DoJob"/> or <see cref="Synchronize"/>.
/// </remarks>
public sealed class Threads : IDisposable
{
    [ThreadStatic] static int threadId;
    [ThreadStatic] static Threads? workerOf; // the pool whose worker runs the calling code

    readonly Thread[] workers;
    readonly BlockingCollection<Job> shared;
    readonly BlockingCollection<Job>[] own;
    readonly BlockingCollection<Action> done = new();
    readonly List<(string Message, Exception Original)> errors = new();
    int pending; // jobs added whose end callback has not run yet
    bool specific, terminated;

    /// <summary>The 1-based id of the worker running the calling code, 0 on any other thread (Lua's <c>__threadid</c>).
    /// Example: <c>int id = Threads.ThreadId;</c></summary>
    public static int ThreadId => threadId;

    /// <summary>Starts <paramref name="n"/> workers; each runs every <paramref name="init"/> function once, in order,
    /// with its 1-based id, before taking jobs. Errors in init are raised here, naming the thread.
    /// Example: <c>var pool = new Threads(2, id => torch.ManualSeed(id));</c></summary>
    public Threads(int n, params Action<int>[] init)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"Threads: expected at least 1 thread, got {n}");
        shared = new BlockingCollection<Job>(n);
        own = Enumerable.Range(0, n).Select(_ => new BlockingCollection<Job>(1)).ToArray();
        workers = new Thread[n];
        var ready = new CountdownEvent(n);
        var initErrors = new ConcurrentBag<(string Message, Exception Original)>();
        for (int i = 0; i < n; i++)
        {
            int id = i + 1;
            workers[i] = new Thread(() => Work(id, init, ready, initErrors)) { IsBackground = true, Name = $"torch-thread-{id}" };
            workers[i].Start();
        }
        ready.Wait();
        if (!initErrors.IsEmpty)
        {
            Terminate();
            var all = initErrors.OrderBy(e => e.Message).ToList();
            throw new ThreadsException(string.Join("\n", all.Select(e => e.Message)),
                all.Count == 1 ? all[0].Original : new AggregateException(all.Select(e => e.Original)));
        }
    }

    /// <summary>Number of worker threads. Example: <c>pool.NThread</c>.</summary>
    public int NThread => workers.Length;

    sealed record Job(Func<object?> Run, Action<object?> End);

    void Work(int id, Action<int>[] init, CountdownEvent ready, ConcurrentBag<(string, Exception)> initErrors)
    {
        threadId = id;
        workerOf = this;
        torch.ApplyNumThreadsHere();
        WorkerScheduling.Apply();
        try
        {
            foreach (var f in init) f(id);
        }
        catch (Exception e)
        {
            initErrors.Add(($"[thread {id} init] {e.Message}", e));
        }
        finally { ready.Signal(); }
        var queues = new[] { shared, own[id - 1] };
        while (true)
        {
            Job job;
            try { BlockingCollection<Job>.TakeFromAny(queues, out job!); }
            catch (Exception e) when (e is ArgumentException or ObjectDisposedException or InvalidOperationException) { return; }
            object? result;
            try { result = job.Run(); }
            catch (Exception e)
            {
                var error = new ThreadsException($"[thread {id} callback] {e.Message}", e);
                done.Add(() => throw error);
                continue;
            }
            done.Add(() => job.End(result));
        }
    }

    /// <summary>Queues <paramref name="job"/> for any worker (or, in specific mode, see <see cref="AddJob{T}(int, Func{T}, Action{T})"/>);
    /// its result goes to <paramref name="endCallback"/> on the calling thread during a later <see cref="DoJob"/>,
    /// <see cref="Synchronize"/> or <see cref="AddJob{T}(Func{T}, Action{T})"/>.
    /// Example: <c>pool.AddJob(() => LoadBatch(i), batch => Train(batch));</c></summary>
    public void AddJob<T>(Func<T> job, Action<T> endCallback)
    {
        OnMainSide("AddJob");
        if (specific) throw new InvalidOperationException("Threads.AddJob: the pool is in specific mode: give the thread id (AddJob(id, job, end))");
        Enqueue(shared, job, endCallback);
    }

    /// <summary>Queues a job with no end callback. Example: <c>pool.AddJob(() => Work());</c></summary>
    public void AddJob(Action job) => AddJob<object?>(() => { job(); return null; }, _ => { });

    /// <summary>In specific mode, queues <paramref name="job"/> for worker <paramref name="id"/> (1-based).
    /// Example: <c>pool.Specific(true); pool.AddJob(2, () => Work(), r => Use(r));</c></summary>
    public void AddJob<T>(int id, Func<T> job, Action<T> endCallback)
    {
        OnMainSide("AddJob");
        if (!specific) throw new InvalidOperationException("Threads.AddJob: a thread id is only accepted in specific mode (call Specific(true) first)");
        if (id < 1 || id > workers.Length) throw new ArgumentOutOfRangeException(nameof(id), $"Threads.AddJob: thread id {id} out of range (expected 1..{workers.Length})");
        Enqueue(own[id - 1], job, endCallback);
    }

    void Enqueue<T>(BlockingCollection<Job> queue, Func<T> job, Action<T> endCallback)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(endCallback);
        if (terminated) throw new ObjectDisposedException(nameof(Threads), "Threads.AddJob: the pool was terminated");
        var j = new Job(() => job(), r => endCallback((T)r!));
        // as Lua's addjob: while the queue is full, run finished jobs' end callbacks (the trainer's work in a donkeys
        // pipeline) rather than wait; a worker taking a job makes room within the millisecond. The job counts as pending
        // once queued, so an end callback that synchronizes the pool meanwhile does not wait for it.
        while (!queue.TryAdd(j))
            if (done.TryTake(out var end, 1)) RunEnd(end);
        pending++;
    }

    /// <summary>Runs one finished job's end callback, waiting for one if none is ready; does nothing when no job is pending.
    /// Errors of that job are raised here. Example: <c>while (pool.HasJob()) pool.DoJob();</c></summary>
    public void DoJob()
    {
        OnMainSide("DoJob");
        if (pending == 0) return;
        RunEnd(done.Take());
        ThrowErrors();
    }

    void RunEnd(Action end)
    {
        pending--;
        try { end(); }
        catch (ThreadsException e) when (e.InnerException is not null) { errors.Add((e.Message, e.InnerException)); }
        catch (Exception e) { errors.Add(($"[thread main endcallback] {e.Message}", e)); }
    }

    /// <summary>Raises the errors met so far as one <see cref="ThreadsException"/>: its message lists them all, its
    /// InnerException is the original exception (with its type and stack), or an AggregateException of them when several.</summary>
    void ThrowErrors()
    {
        if (errors.Count == 0) return;
        var msg = string.Join("\n", errors.Select(e => e.Message));
        Exception inner = errors.Count == 1 ? errors[0].Original : new AggregateException(errors.Select(e => e.Original));
        errors.Clear();
        throw new ThreadsException(msg, inner);
    }

    /// <summary>A worker of this pool waiting for the pool's own jobs (or stopping its own thread) would wait for itself forever:
    /// the calls that manage the pool belong to the thread that owns it, as in Lua, where a job cannot even see its pool.</summary>
    void OnMainSide(string fn)
    {
        if (ReferenceEquals(workerOf, this))
            throw new InvalidOperationException($"Threads.{fn}: called from a job on worker {threadId} of the same pool; a job cannot wait for "
                + "or stop its own pool (it would wait for itself): call it from the thread that owns the pool, e.g. in the end callback");
    }

    /// <summary>Waits for every queued job and runs all their end callbacks; then raises the errors they met, each
    /// prefixed with <c>[thread k callback]</c> or <c>[thread main endcallback]</c>. Example: <c>pool.Synchronize();</c></summary>
    public void Synchronize()
    {
        OnMainSide("Synchronize");
        while (pending > 0) RunEnd(done.Take());
        ThrowErrors();
    }

    /// <summary>Whether jobs are queued, running, or waiting for their end callback. Example: <c>pool.HasJob()</c>.</summary>
    public bool HasJob() => pending > 0;

    /// <summary>Whether jobs are queued or running on the workers (Lua's <c>isrunning</c>). Example: <c>pool.IsRunning()</c>.</summary>
    public bool IsRunning() => pending > done.Count;

    /// <summary>Whether a job can be queued without waiting (for worker <paramref name="id"/> in specific mode).
    /// Example: <c>if (pool.AcceptsJob()) pool.AddJob(...);</c></summary>
    public bool AcceptsJob(int? id = null) =>
        !terminated && (id is int i ? own[i - 1].Count < own[i - 1].BoundedCapacity : shared.Count < shared.BoundedCapacity);

    /// <summary>Switches specific mode (every job names its worker); waits for queued jobs first, as Lua does.
    /// Example: <c>pool.Specific(true);</c></summary>
    public void Specific(bool on)
    {
        OnMainSide("Specific");
        Synchronize();
        specific = on;
    }

    /// <summary>Runs the remaining end callbacks and stops the workers (Lua's <c>terminate</c>). Example: <c>pool.Terminate();</c></summary>
    public void Terminate()
    {
        OnMainSide("Terminate");
        if (terminated) return;
        terminated = true;
        try { while (pending > 0) RunEnd(done.Take()); }
        finally
        {
            shared.CompleteAdding();
            foreach (var q in own) q.CompleteAdding();
            foreach (var w in workers) w.Join();
        }
        ThrowErrors();
    }

    /// <summary>Same as <see cref="Terminate"/>. Example: <c>using var pool = new Threads(2);</c></summary>
    public void Dispose()
    {
        OnMainSide("Dispose");
        Terminate();
    }
}
