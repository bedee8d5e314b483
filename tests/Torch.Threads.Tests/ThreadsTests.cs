using System.Collections.Concurrent;
using Torch.Threads;

namespace Torch.Threads.Tests;

public class ThreadsTests
{
    [Fact]
    public void Init_runs_once_per_worker_with_its_one_based_id()
    {
        var ids = new ConcurrentBag<(int Id, int Seen)>();
        using var pool = new Threads(3, id => ids.Add((id, Threads.ThreadId)));
        ids.Select(p => p.Id).Should().BeEquivalentTo(new[] { 1, 2, 3 });
        ids.Should().OnlyContain(p => p.Id == p.Seen, "ThreadId is Lua's __threadid inside the worker");
        Threads.ThreadId.Should().Be(0, "the main thread is no worker");
    }

    [Fact]
    public void Jobs_run_on_workers_and_end_callbacks_on_the_calling_thread()
    {
        int main = Environment.CurrentManagedThreadId;
        using var pool = new Threads(2);
        var results = new List<int>();
        var jobThreads = new ConcurrentBag<int>();
        for (int i = 1; i <= 20; i++)
        {
            int k = i;
            pool.AddJob(() => { jobThreads.Add(Environment.CurrentManagedThreadId); return k * k; },
                        r => { Environment.CurrentManagedThreadId.Should().Be(main); results.Add(r); });
        }
        pool.Synchronize();
        results.Should().BeEquivalentTo(Enumerable.Range(1, 20).Select(i => i * i));
        jobThreads.Should().NotContain(main);
        pool.HasJob().Should().BeFalse();
    }

    [Fact]
    public void Tensors_are_shared_with_workers()
    {
        var w = torch.Tensor(new double[] { 0, 0 });
        using var pool = new Threads(2);
        pool.AddJob(() => { w.Add(1); return 0; }, _ => { });
        pool.Synchronize();
        w.ToArray().Should().Equal(1, 1);
    }

    [Fact]
    public void An_error_in_a_job_is_raised_by_Synchronize_naming_the_thread()
    {
        using var pool = new Threads(1);
        pool.AddJob<int>(() => throw new InvalidOperationException("bad batch"), _ => { });
        var act = () => pool.Synchronize();
        act.Should().Throw<ThreadsException>().WithMessage("[thread 1 callback] bad batch");
        pool.HasJob().Should().BeFalse("the failed job is accounted for");
    }

    [Fact]
    public void AddJob_waits_for_room_and_runs_end_callbacks_meanwhile()
    {
        using var pool = new Threads(1);
        int ended = 0;
        var gate = new ManualResetEventSlim();
        pool.AddJob(() => { gate.Wait(); return 1; }, _ => ended++);
        pool.AddJob(() => 2, _ => ended++); // fills the queue of capacity 1
        gate.Set();
        pool.AddJob(() => 3, _ => ended++); // must not deadlock
        pool.Synchronize();
        ended.Should().Be(3);
    }

    [Fact]
    public void Specific_mode_runs_a_job_on_the_named_worker()
    {
        using var pool = new Threads(3);
        pool.Specific(true);
        var seen = new List<int>();
        for (int id = 1; id <= 3; id++) pool.AddJob(id, () => Threads.ThreadId, r => seen.Add(r));
        pool.Synchronize();
        seen.Should().BeEquivalentTo(new[] { 1, 2, 3 });
        var act = () => pool.AddJob(() => 1, _ => { });
        act.Should().Throw<InvalidOperationException>().WithMessage("*specific mode*");
    }

    [Fact]
    public void An_error_in_init_is_raised_by_the_constructor()
    {
        var act = () => new Threads(2, id => { if (id == 2) throw new Exception("no data"); });
        act.Should().Throw<ThreadsException>().WithMessage("[thread 2 init] no data");
    }
}
