using System.Diagnostics;

namespace Torch.Benchmarks;

/// <summary>Times two implementations of the same work in one run and reports their ratio and peak memory.</summary>
static class Bench
{
    /// <summary>Nanoseconds per iteration and peak resident memory of each side.</summary>
    public record struct Result(double Facade, double Raw, long FacadePeak, long RawPeak);

    /// <summary>Best-of-<paramref name="rounds"/> nanoseconds per iteration of each body, after a warm-up of both. The two are
    /// timed in alternating rounds (and alternating order), so that a slow spell of a shared machine hits both sides alike. With
    /// <paramref name="collect"/> (the benchmarks of undisposed, Lua-style work) each round ends by collecting and finalizing its
    /// own garbage inside its timing, so that the side that left it pays for it, not whichever runs next. The peak is the
    /// process's resident memory high-water mark over that side's rounds (reset before each round).</summary>
    public static Result NsPerOp(Action<int> facade, Action<int> raw, int iterations, int rounds = 7, bool collect = false)
    {
        facade(iterations / 10 + 1);
        raw(iterations / 10 + 1);
        double bestFacade = double.MaxValue, bestRaw = double.MaxValue;
        long peakFacade = 0, peakRaw = 0;
        (double, long) Time(Action<int> body)
        {
            ResetPeak();
            var sw = Stopwatch.StartNew();
            body(iterations);
            if (collect)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            return (sw.Elapsed.TotalNanoseconds / iterations, PeakBytes());
        }
        void Facade() { var (t, p) = Time(facade); bestFacade = Math.Min(bestFacade, t); peakFacade = Math.Max(peakFacade, p); }
        void Raw() { var (t, p) = Time(raw); bestRaw = Math.Min(bestRaw, t); peakRaw = Math.Max(peakRaw, p); }
        for (int r = 0; r < rounds; r++)
        {
            if (r % 2 == 0) { Facade(); Raw(); }
            else { Raw(); Facade(); }
        }
        return new(bestFacade, bestRaw, peakFacade, peakRaw);
    }

    /// <summary>Median milliseconds of <paramref name="runs"/> calls, after one warm-up call.</summary>
    public static double MedianMs(Action a, int runs) => Medians(a, runs).Wall;

    /// <summary>Median wall-clock milliseconds of <paramref name="runs"/> calls after one warm-up call, and the median CPU milliseconds
    /// the calling thread spent in them (on a shared machine the CPU time moves far less than the wall time: the figure to compare
    /// two builds by; NaN where the system does not give it).</summary>
    public static (double Wall, double Cpu) Medians(Action a, int runs)
    {
        a();
        var t = new double[runs];
        var cpu = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            double c0 = ThreadCpuMs();
            var sw = Stopwatch.StartNew();
            a();
            t[i] = sw.Elapsed.TotalMilliseconds;
            cpu[i] = ThreadCpuMs() - c0;
        }
        Array.Sort(t);
        Array.Sort(cpu);
        return (t[runs / 2], cpu[runs / 2]);
    }

    /// <summary>CPU milliseconds used by the calling thread so far (Linux's CLOCK_THREAD_CPUTIME_ID); NaN elsewhere.</summary>
    static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        return ClockGetTime(3, out var ts) == 0 ? ts.Sec * 1e3 + ts.Nsec * 1e-6 : double.NaN;
    }

    record struct TimeSpec(long Sec, long Nsec);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    static extern int ClockGetTime(int clock, out TimeSpec ts);

    /// <summary>Prints one comparison line (times scaled by <paramref name="scale"/> into <paramref name="unit"/>); returns whether
    /// the ratio meets the target. The program's exit code does not depend on it: a busy machine moves the figures.</summary>
    public static bool Compare(string name, Result r, double maxRatio, string unit = "ns/op", double scale = 1)
    {
        double ratio = r.Facade / r.Raw;
        bool ok = ratio <= maxRatio;
        Console.WriteLine($"{name,-50} facade {r.Facade * scale,9:F1} {unit}  raw TorchSharp {r.Raw * scale,9:F1} {unit}  ratio {ratio,5:F2} (target <= {maxRatio:F2}) {(ok ? "met" : "MISSED")}"
            + $"  peak RSS {r.FacadePeak >> 20} / {r.RawPeak >> 20} MiB");
        return ok;
    }

    /// <summary>Prints one line of a figure without a raw TorchSharp counterpart.</summary>
    public static bool Report(string name, string figures, bool ok, string target)
    {
        Console.WriteLine($"{name,-50} {figures}  (target {target}) {(ok ? "met" : "MISSED")}");
        return ok;
    }

    public static long RssBytes() => Status("VmRSS:");

    static long PeakBytes() => Status("VmHWM:");

    /// <summary>Resets the process's resident-memory high-water mark (Linux: "5" into clear_refs); elsewhere peaks are cumulative.</summary>
    static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    static long Status(string key)
    {
        if (!File.Exists("/proc/self/status")) return Environment.WorkingSet;
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(key, StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return Environment.WorkingSet;
    }
}
