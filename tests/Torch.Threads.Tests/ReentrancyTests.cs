using Torch.Threads;

namespace Torch.Threads.Tests;

/// <summary>Issue 13: a job managing its own pool once deadlocked the program, and surfaced job errors lost their original
/// exception. Every wait here is bounded, so a regression fails instead of hanging the run.</summary>
public class ReentrancyTests
{
    static void Within(int seconds, Action body)
    {
        var t = Task.Run(body);
        t.Wait(TimeSpan.FromSeconds(seconds)).Should().BeTrue($"the pool should answer within {seconds} s, not deadlock");
    }

    [Theory]
    [InlineData("Synchronize")]
    [InlineData("Dispose")]
    [InlineData("Terminate")]
    [InlineData("DoJob")]
    [InlineData("AddJob")]
    public void A_job_managing_its_own_pool_raises_a_clear_error(string call)
    {
        Within(30, () =>
        {
            using var p = new Threads(2);
            p.AddJob(() =>
            {
                switch (call)
                {
                    case "Synchronize": p.Synchronize(); break;
                    case "Dispose": p.Dispose(); break;
                    case "Terminate": p.Terminate(); break;
                    case "DoJob": p.DoJob(); break;
                    default: p.AddJob(() => { }); break;
                }
                return 0;
            }, _ => { });
            var act = () => p.Synchronize();
            var e = act.Should().Throw<ThreadsException>().Which;
            e.Message.Should().Contain($"Threads.{call}: called from a job on worker");
            e.InnerException.Should().BeOfType<InvalidOperationException>();
        });
    }

    sealed class LoaderException(string m) : Exception(m);

    static int FailingLoader() => throw new LoaderException("disk gone");

    [Fact]
    public void A_surfaced_job_error_keeps_the_original_exception_with_its_type_and_stack()
    {
        Within(30, () =>
        {
            using var p = new Threads(2);
            p.AddJob(FailingLoader, _ => { });
            var act = () => p.Synchronize();
            var e = act.Should().Throw<ThreadsException>().Which;
            e.Message.Should().MatchRegex(@"^\[thread [12] callback\] disk gone$");
            e.InnerException.Should().BeOfType<LoaderException>();
            e.InnerException!.StackTrace.Should().Contain(nameof(FailingLoader));

            p.AddJob(FailingLoader, _ => { });
            p.AddJob(() => 1, _ => throw new ArgumentException("bad result"));
            var both = () => p.Synchronize();
            var agg = both.Should().Throw<ThreadsException>().Which.InnerException.Should().BeOfType<AggregateException>().Which;
            agg.InnerExceptions.Select(x => x.GetType()).Should().BeEquivalentTo(new[] { typeof(LoaderException), typeof(ArgumentException) });
        });
    }

    [Fact]
    public void An_init_error_keeps_the_original_exception()
    {
        var act = () => new Threads(1, _ => throw new LoaderException("no GPU"));
        act.Should().Throw<ThreadsException>().WithMessage("[thread 1 init] no GPU").Which.InnerException.Should().BeOfType<LoaderException>();
    }

    [Fact]
    public void End_callbacks_may_synchronize_the_pool_that_runs_them()
    {
        Within(30, () =>
        {
            using var p = new Threads(2);
            int ends = 0;
            for (int i = 0; i < 10; i++) p.AddJob(() => i, _ => { ends++; p.Synchronize(); });
            p.Synchronize();
            ends.Should().Be(10);
        });
    }
}
