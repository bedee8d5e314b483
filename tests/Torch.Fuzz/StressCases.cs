using System.Text.RegularExpressions;
using Pool = Torch.Threads.Threads;
using Torch.Threads;

namespace Torch.Fuzz;

/// <summary>
/// Thread-pool stress: one case is a pool of 1-4 workers running 10,000 jobs with random failures, delays, failing end
/// callbacks, and jobs that try to synchronize, dispose or feed their own pool (which must raise a clear error at once).
/// Every job must be accounted for exactly once: its end callback ran, or its error surfaced in a ThreadsException
/// whose InnerException is the original. A deadlock shows as a hang in the parent.
/// </summary>
sealed partial class StressCases : ICases
{
    const int Jobs = 10_000;

    [GeneratedRegex(@"(job|end) (\d+) failed")]
    private static partial Regex Failed();

    public string Run(int seed, bool verbose)
    {
        var rng = new Random(seed);
        int workers = 1 + rng.Next(4);
        var ends = new int[Jobs];
        var endErrors = new int[Jobs];
        var jobErrors = new int[Jobs];
        var reentrancyRefused = new int[Jobs];
        var plans = Enumerable.Range(0, Jobs).Select(_ => rng.Next(1000)).ToArray();
        var pool = new Pool(workers);

        void Surface(ThreadsException e)
        {
            if (e.InnerException is null) throw new Finding("error", $"a surfaced error lost its original exception: {e.Message}");
            foreach (Match m in Failed().Matches(e.Message))
            {
                int id = int.Parse(m.Groups[2].Value);
                if (m.Groups[1].Value == "job") jobErrors[id]++;
                else endErrors[id]++;
            }
        }

        for (int id = 0; id < Jobs; id++)
        {
            int k = id, plan = plans[id];
            try
            {
                pool.AddJob(() =>
                {
                    if (plan < 3) SpinWait.SpinUntil(() => false, 1);
                    else if (plan < 60) Thread.Yield();
                    if (plan is >= 990 and < 996)
                    {
                        try
                        {
                            if (plan == 990) pool.Synchronize();
                            else if (plan == 991) pool.Dispose();
                            else if (plan == 992) pool.AddJob(() => { });
                            else if (plan == 993) pool.DoJob();
                            else if (plan == 994) pool.Terminate();
                            else pool.Specific(true);
                        }
                        catch (InvalidOperationException e) when (e.Message.Contains("called from a job on worker", StringComparison.Ordinal)) { reentrancyRefused[k]++; }
                    }
                    if (plan is >= 100 and < 150) throw new InvalidDataException($"job {k} failed");
                    return k;
                }, r =>
                {
                    if (r != k) throw new Finding("silent", $"job {k}'s end callback got the result {r}");
                    ends[k]++;
                    if (plan is >= 200 and < 220) throw new ArgumentException($"end {k} failed");
                });
                if (plan is >= 300 and < 320) pool.DoJob();
            }
            catch (ThreadsException e) { Surface(e); }
        }
        while (true)
        {
            try { pool.Synchronize(); break; }
            catch (ThreadsException e) { Surface(e); }
        }
        pool.Dispose();

        for (int id = 0; id < Jobs; id++)
        {
            int plan = plans[id];
            bool fails = plan is >= 100 and < 150, endFails = plan is >= 200 and < 220;
            bool reentrant = plan is >= 990 and < 996;
            int expectedEnds = fails ? 0 : 1;
            if (ends[id] != expectedEnds || jobErrors[id] != (fails ? 1 : 0) || endErrors[id] != (endFails && !fails ? 1 : 0)
                || reentrancyRefused[id] != (reentrant ? 1 : 0))
                throw new Finding("silent", $"job {id} (plan {plan}) with {workers} workers: {ends[id]} end callbacks, {jobErrors[id]} job errors, "
                    + $"{endErrors[id]} end errors, {reentrancyRefused[id]} refusals of re-entrant calls");
        }
        string summary = $"{Jobs} jobs on {workers} workers: {jobErrors.Sum()} job errors, {endErrors.Sum()} end-callback errors, "
            + $"{reentrancyRefused.Sum()} re-entrant calls refused, every job accounted for once";
        if (verbose) Console.WriteLine(summary);
        return summary;
    }
}
