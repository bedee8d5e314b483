using System.Diagnostics;
using Torch.Nn;

namespace Torch.Benchmarks;

/// <summary>Per-module timing of a network's training iterations (the profile in docs/benchmarks.md): every leaf module is wrapped
/// in a <see cref="Timed"/> decorator that adds up its forward, updateGradInput and accGradParameters times per iteration; each
/// figure printed is the smallest over the iterations (a busy machine only ever adds time).</summary>
sealed class ModuleTimes
{
    readonly List<Timed> timed = new();
    double fevalSeconds, optimSeconds, bestUpdate = double.MaxValue, bestOutside = double.MaxValue;

    /// <summary><paramref name="feval"/>, timed (its time is subtracted from the optimiser call's to give the update's).</summary>
    public Func<Tensor, (double, Tensor)> Feval(Func<Tensor, (double, Tensor)> feval) => x =>
    {
        long t0 = Stopwatch.GetTimestamp();
        var r = feval(x);
        fevalSeconds += Stopwatch.GetElapsedTime(t0).TotalSeconds;
        return r;
    };

    /// <summary>Runs one optimiser call, timed.</summary>
    public void Optim(Action call)
    {
        long t0 = Stopwatch.GetTimestamp();
        call();
        optimSeconds += Stopwatch.GetElapsedTime(t0).TotalSeconds;
    }

    /// <summary>Wraps every leaf module of <paramref name="net"/> (call it before <c>GetParameters</c>).</summary>
    public void Instrument(Module net)
    {
        if (net is not Container c) return;
        for (int i = 0; i < c.Modules.Count; i++)
        {
            if (c.Modules[i] is Container) { Instrument(c.Modules[i]); continue; }
            var t = new Timed(c.Modules[i]);
            timed.Add(t);
            c.Modules[i] = t;
        }
    }

    /// <summary>Ends an iteration that took <paramref name="seconds"/>: keeps each figure's minimum so far (and that of the time
    /// spent outside the leaf modules and the update: containers, criterion, feval's own lines) and clears the sums.</summary>
    public void EndIteration(double seconds)
    {
        bestOutside = Math.Min(bestOutside, seconds - timed.Sum(t => t.Sums.Sum()) - (optimSeconds - fevalSeconds));
        foreach (var t in timed)
            for (int k = 0; k < 3; k++)
            {
                t.Best[k] = Math.Min(t.Best[k], t.Sums[k]);
                t.Sums[k] = 0;
            }
        bestUpdate = Math.Min(bestUpdate, optimSeconds - fevalSeconds);
        fevalSeconds = optimSeconds = 0;
    }

    /// <summary>Runs <paramref name="step"/> (built with this instance) 3 times to warm up, then 15 timed iterations; prints the
    /// best and median milliseconds per iteration under <paramref name="title"/>, then the per-module table.</summary>
    public void Measure(string title, Action step)
    {
        for (int i = 0; i < 3; i++) step();
        EndIteration(double.MaxValue);
        var each = new double[15];
        for (int i = 0; i < each.Length; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            step();
            each[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            EndIteration(each[i] / 1e3);
        }
        Console.WriteLine($"{title}: {each.Min():F2} ms per iteration at best, median {each.Order().ElementAt(each.Length / 2):F2}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Print();
    }

    /// <summary>Prints each module's smallest milliseconds per iteration (forward, updateGradInput, accGradParameters) and the total.</summary>
    public double Print()
    {
        double total = 0;
        foreach (var t in timed)
        {
            var ms = t.Best.Select(s => s * 1e3).ToArray();
            total += ms.Sum();
            Console.WriteLine($"    {t.Module,-58} fwd {ms[0],7:F3}  ugi {ms[1],7:F3}  agp {ms[2],7:F3} ms");
        }
        Console.WriteLine("    by class (each module's smallest, summed; as benchmarks/anchors/modtimes.lua prints Torch7's):");
        foreach (var g in timed.GroupBy(t => t.Module.GetType().Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ms = Enumerable.Range(0, 3).Select(k => g.Sum(t => t.Best[k]) * 1e3).ToArray();
            Console.WriteLine($"    {g.Key,-58} fwd {ms[0],7:F3}  ugi {ms[1],7:F3}  agp {ms[2],7:F3} ms");
        }
        Console.WriteLine($"    {"modules in all",-58} {total,7:F3} ms per iteration");
        Console.WriteLine($"    {"optimiser update (optim call less feval)",-58} {bestUpdate * 1e3,7:F3} ms per iteration");
        Console.WriteLine($"    {"outside the leaf modules and the update",-58} {bestOutside * 1e3,7:F3} ms per iteration");
        return total;
    }

    sealed class Timed(Module module) : Decorator(module)
    {
        public readonly double[] Sums = new double[3], Best = { double.MaxValue, double.MaxValue, double.MaxValue };

        void Time(int k, long t0) => Sums[k] += Stopwatch.GetElapsedTime(t0).TotalSeconds;

        public override LuaValue UpdateOutput(LuaValue input)
        {
            long t0 = Stopwatch.GetTimestamp();
            var y = base.UpdateOutput(input);
            Time(0, t0);
            return y;
        }

        public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
        {
            long t0 = Stopwatch.GetTimestamp();
            var g = base.UpdateGradInput(input, gradOutput);
            Time(1, t0);
            return g;
        }

        public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
        {
            long t0 = Stopwatch.GetTimestamp();
            base.AccGradParameters(input, gradOutput, scale);
            Time(2, t0);
        }
    }
}
