using System.Diagnostics;
using Torch.Nn;
using Hogwild;
using Torch.Threads;

namespace Torch.Benchmarks;

/// <summary>The threads package as Torch7 programs use it: Hogwild training (K workers updating one shared network without
/// locks; samples/s with 1 and 2 workers) and a donkeys pipeline (workers load batches while the trainer runs its steps in the
/// end callbacks; the trainer's idle share of the time).</summary>
static class ThreadsBenchmarks
{
    public static bool Run() => Hogwild() & Donkeys();

    const int Inputs = 20, Classes = 4, Batch = 16;

    static bool Hogwild()
    {
        const int samples = 200_000;
        var x = torch.Tensor(samples, Inputs).Normal();
        var y = torch.Tensor(samples).Random(1, Classes);
        double Rate(int k)
        {
            var net = nn.Sequential().Add(nn.Linear(Inputs, 64)).Add(nn.Tanh()).Add(nn.Linear(64, Classes)).Add(nn.LogSoftMax());
            var clock = Stopwatch.StartNew();
            HogwildTraining.Train(net, x, y, k, Batch, 0.1);
            return samples / clock.Elapsed.TotalSeconds;
        }
        // warm-up, both ways, for about 3 s: the runtime's tiered compilation (instrumented code, then optimised) runs in the
        // background through a process's first seconds and took a fifth of a core from the workers (a run is 0.4 s)
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 3;) (_, _) = (Rate(1), Rate(2));
        double one = 0, two = 0;
        for (int r = 0; r < 3; r++) (one, two) = (Math.Max(one, Rate(1)), Math.Max(two, Rate(2)));
        return Bench.Report("Hogwild 20-64-4 MLP, batch 16: 2 workers / 1", $"{one:F0} and {two:F0} samples/s, ratio {two / one:F2}; "
            + $"a cache line takes {CoreToCore():F0} ns between the cores", two / one >= 1.6, ">= 1.60");
    }

    /// <summary>Nanoseconds for one cache line to go from one core to the other (half a round trip of two threads handing a flag
    /// back and forth). The replicas share the weights, so every step moves them between the cores: on this machine's host the
    /// two vCPUs were 77 ns apart at times and 207-236 ns at others, and two workers gave 1.71-1.75 and 1.13-1.22 times one.</summary>
    static double CoreToCore()
    {
        const int trips = 200_000;
        var flag = new long[16]; // one line, away from other data
        var other = new Thread(() =>
        {
            for (int i = 0; i < trips; i++)
            {
                while (Volatile.Read(ref flag[8]) != 1) { }
                Volatile.Write(ref flag[8], 0);
            }
        });
        other.Start();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < trips; i++)
        {
            Volatile.Write(ref flag[8], 1);
            while (Volatile.Read(ref flag[8]) != 0) { }
        }
        double ns = clock.Elapsed.TotalSeconds * 1e9 / trips / 2;
        other.Join();
        return ns;
    }

    static bool Donkeys()
    {
        const int steps = 300; // about 0.6 s: a run of 60 steps (0.14 s) was mostly the pool's start and the first load's compilation
        var net = nn.Sequential().Add(nn.Linear(784, 256)).Add(nn.ReLU()).Add(nn.Linear(256, 10)).Add(nn.LogSoftMax());
        net.Float();
        var crit = nn.ClassNLLCriterion();
        var (w, dw) = net.GetParameters();
        var data = torch.FloatTensor(4096, 784).Uniform();
        double busy = 0, firstStart = -1, lastEnd = 0;
        var clock = Stopwatch.StartNew();
        using (var donkeys = new Threads.Threads(2))
        {
            for (int i = 0; i < steps; i++)
            {
                long first = 1 + (i * 128) % (4096 - 128);
                donkeys.AddJob(() =>
                {
                    // loading: a copy of the rows and a cheap augmentation, less work than a training step
                    var input = data.Narrow(1, first, 128).Clone().Mul(0.5).Add(0.25);
                    var target = torch.LongTensor(128).Random(1, 10);
                    return (input, target);
                }, batch =>
                {
                    if (firstStart < 0) firstStart = clock.Elapsed.TotalSeconds;
                    var sw = Stopwatch.StartNew();
                    dw.Zero();
                    Tensor o = net.Forward(batch.input);
                    crit.Forward(o, batch.target);
                    net.Backward(batch.input, crit.Backward(o, batch.target));
                    w.Add(-0.01, dw);
                    busy += sw.Elapsed.TotalSeconds;
                    lastEnd = clock.Elapsed.TotalSeconds;
                });
            }
            donkeys.Synchronize();
        }
        double total = clock.Elapsed.TotalSeconds, idle = 1 - busy / total;
        // where the idle time lies: before the first batch (the pool's start and the first load), between batches, after the last (stopping the pool)
        double between = lastEnd - firstStart - busy;
        return Bench.Report("donkeys (2 loaders), MLP 784-256-10 trainer", $"trainer idle {idle * 100:F1} % of {total:F2} s (before the first batch "
            + $"{firstStart * 1e3:F1} ms, between batches {between * 1e3:F1} ms, after the last {(total - lastEnd) * 1e3:F1} ms)", idle < 0.05, "< 5 %");
    }
}
