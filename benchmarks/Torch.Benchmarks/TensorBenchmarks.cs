using TorchSharp;
using TS = TorchSharp.torch;

namespace Torch.Benchmarks;

/// <summary>Per-call overhead of small tensor ops and memory of a Lua-style loop (issue: Tensor and Storage).</summary>
static class TensorBenchmarks
{
    public static bool Run()
    {
        bool ok = true;
        const int N = 200_000;

        var x = torch.FloatTensor(4).Fill(1);
        var y = torch.FloatTensor(4).Fill(0.5);
        var a = TS.ones(4, TS.ScalarType.Float32);
        var b = TS.full(4, 0.5f, TS.ScalarType.Float32);

        var inPlace = Bench.NsPerOp(n => { for (int i = 0; i < n; i++) x.Add(y); }, n => { for (int i = 0; i < n; i++) a.add_(b); }, N);
        ok &= Bench.Compare("in-place add, 4 floats (x.Add(y) / a.add_(b))", inPlace, 1.0);

        var alloc = Bench.NsPerOp(n => { for (int i = 0; i < n; i++) torch.Add(x, y); }, n => { for (int i = 0; i < n; i++) a.add(b); }, N, collect: true);
        ok &= Bench.Compare("torch.Add(a, b) allocating, 4 floats, no Dispose", alloc, 1.0);

        var disposed = Bench.NsPerOp(n => { for (int i = 0; i < n; i++) torch.Add(x, y).Dispose(); }, n => { for (int i = 0; i < n; i++) a.add(b).Dispose(); }, N, collect: true);
        ok &= Bench.Compare("torch.Add(a, b) allocating, 4 floats, disposed", disposed, 1.0);

        var bytes = new byte[60000, 784]; // MNIST's training images, as a loader hands them over
        var construct = Bench.NsPerOp(n => { for (int i = 0; i < n; i++) torch.ByteTensor(bytes).Dispose(); },
                                      n => { for (int i = 0; i < n; i++) { using var shared = TS.from_array(bytes); shared.clone().Dispose(); } }, 5, rounds: 5);
        ok &= Bench.Compare("torch.ByteTensor(new byte[60000, 784])", construct, 1.5, "ms", 1e-6);

        ok &= LuaStyleMemory();
        return ok;
    }

    /// <summary>A million small ops written as Lua would (no using, no Dispose): memory must stay flat.</summary>
    static bool LuaStyleMemory()
    {
        var x = torch.Tensor(4).Fill(1);
        for (int i = 0; i < 100_000; i++) torch.Add(x, x); // reach steady state
        GC.Collect();
        long before = Bench.RssBytes();
        long peak = before;
        for (int i = 0; i < 1_000_000; i++)
        {
            var t = torch.Add(x, x);
            t.Add(1);
            if (i % 50_000 == 0) peak = Math.Max(peak, Bench.RssBytes());
        }
        long after = Bench.RssBytes();
        peak = Math.Max(peak, after);
        // its garbage is this line's: finalized here, not on the finalizer thread during the next group's rounds (beside a busy
        // core that thread took the one free core from the nn group's library rounds: LeNet 1.22 of raw, 0.86 without this group)
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long growth = peak - before;
        bool ok = growth < 64L << 20;
        Console.WriteLine($"{"1,000,000 small ops, Lua style: RSS growth",-46} {growth / (1 << 20),6} MiB (target < 64 MiB) {(ok ? "OK" : "MISSED")}");
        return ok;
    }
}
