using System.Diagnostics;

namespace Torch.Benchmarks;

/// <summary>Times two implementations of the same work in one run and reports their ratio.</summary>
static class Bench
{
    /// <summary>Best-of-<paramref name="rounds"/> nanoseconds per iteration of each body, after a warm-up of both. The two are
    /// timed in alternating rounds (and alternating order), so that a slow spell of a shared machine hits both sides alike. With
    /// <paramref name="collect"/> (the benchmarks of undisposed, Lua-style work) each round ends by collecting and finalizing its
    /// own garbage inside its timing, so that the side that left it pays for it, not whichever runs next.</summary>
    public static (double Facade, double Raw) NsPerOp(Action<int> facade, Action<int> raw, int iterations, int rounds = 7, bool collect = false)
    {
        facade(iterations / 10 + 1);
        raw(iterations / 10 + 1);
        double bestFacade = double.MaxValue, bestRaw = double.MaxValue;
        double Time(Action<int> body)
        {
            var sw = Stopwatch.StartNew();
            body(iterations);
            if (collect)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            return sw.Elapsed.TotalNanoseconds / iterations;
        }
        for (int r = 0; r < rounds; r++)
        {
            if (r % 2 == 0) (bestFacade, bestRaw) = (Math.Min(bestFacade, Time(facade)), Math.Min(bestRaw, Time(raw)));
            else (bestRaw, bestFacade) = (Math.Min(bestRaw, Time(raw)), Math.Min(bestFacade, Time(facade)));
        }
        return (bestFacade, bestRaw);
    }

    /// <summary>Prints one comparison line; returns whether the ratio meets the target.</summary>
    public static bool Compare(string name, double facade, double raw, double maxRatio, string unit = "ns/op")
    {
        double ratio = facade / raw;
        bool ok = ratio <= maxRatio;
        Console.WriteLine($"{name,-46} facade {facade,10:F0} {unit}  raw TorchSharp {raw,10:F0} {unit}  ratio {ratio,5:F2}  (target <= {maxRatio:F2}) {(ok ? "OK" : "MISSED")}");
        return ok;
    }

    public static long RssBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return Environment.WorkingSet;
    }
}
