using System.Diagnostics;

namespace Torch.Benchmarks;

/// <summary>Times two implementations of the same work in one run and reports their ratio.</summary>
static class Bench
{
    /// <summary>Best-of-<paramref name="rounds"/> nanoseconds per iteration, after a warm-up round.</summary>
    public static double NsPerOp(Action<int> body, int iterations, int rounds = 7)
    {
        body(iterations / 10 + 1);
        double best = double.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            body(iterations);
            best = Math.Min(best, sw.Elapsed.TotalNanoseconds / iterations);
        }
        return best;
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
