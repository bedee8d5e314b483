using System.Diagnostics;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Benchmarks;

/// <summary>What libtorch's double matrix product achieves on one thread for char-rnn's shapes (batch 50, 128 units, 4 gates,
/// 65 characters), in each layout a Linear layer can ask for: the floor under a char-rnn batch's time (issue: speed).</summary>
static class GemmShapes
{
    public static void Run()
    {
        Pointwise();
        Console.WriteLine($"libtorch threads {TS.get_num_threads()}, interop {TS.get_num_interop_threads()}");
        const int B = 50, H = 128, G = 512, V = 65;
        var shapes = new (string, long, long, long)[] { ("128 -> 512", B, H, G), ("65 -> 512", B, V, G), ("128 -> 65", B, H, V) };
        foreach (var (name, b, nIn, nOut) in shapes)
        {
            var x = TS.rand(b, nIn, TS.ScalarType.Float64);
            var w = TS.rand(nOut, nIn, TS.ScalarType.Float64);
            var wT = w.t().contiguous();
            var go = TS.rand(b, nOut, TS.ScalarType.Float64);
            var o = TS.empty(b, nOut, TS.ScalarType.Float64);
            var gi = TS.empty(b, nIn, TS.ScalarType.Float64);
            var gw = TS.zeros(nOut, nIn, TS.ScalarType.Float64);
            var gwT = TS.zeros(nIn, nOut, TS.ScalarType.Float64);
            var wtView = w.t();
            var goT = go.t();
            var xT = x.t();
            var gwTView = gw.t();
            var goTc = goT.contiguous();
            var xTc = xT.contiguous();
            double flops = 2.0 * b * nIn * nOut;
            var routes = new (string, Action)[]
            {
                ("forward  x W' (W' a transposed view)", () => o.addmm_(x, wtView, 0, 1)),
                ("forward  x W' (W' contiguous)", () => o.addmm_(x, wT, 0, 1)),
                ("forward  torch.nn.functional.linear", () => TS.nn.functional.linear(x, w).Dispose()),
                ("gradIn   g W", () => gi.addmm_(go, w, 0, 1)),
                ("gradW    g' x (g' a view)", () => gw.addmm_(goT, x, 1, 1)),
                ("gradW'   x' g (into W' layout)", () => gwT.addmm_(xT, go, 1, 1)),
                ("gradW    g' x out of place", () => goT.mm(x).Dispose()),
                ("gradW    (x' g) into W's transposed view", () => gwTView.addmm_(xT, go, 1, 1)),
                ("gradW    x' g, then added transposed", () => { using var p = xT.mm(go); gw.add_(p.t()); }),
                ("gradW    g' made contiguous, then g' x", () => { goTc.copy_(goT); gw.addmm_(goTc, x, 1, 1); }),
                ("gradW    x' made contiguous, then g' x'' ", () => { xTc.copy_(xT); gw.addmm_(goT, xTc.t(), 1, 1); }),
                ("gradW    both contiguous", () => { xTc.copy_(xT); goTc.copy_(goT); gw.addmm_(goTc, xTc.t(), 1, 1); }),
                // Torch7's BLAS (OpenBLAS) on the same views, the route Linear takes where it is installed
                ("forward  x W' through OpenBLAS", () => Blas(o, x, wtView, 0)),
                ("gradIn   g W through OpenBLAS", () => Blas(gi, go, w, 0)),
                ("gradW    g' x through OpenBLAS (g' a view)", () => Blas(gw, goT, x, 1)),
            };
            // best of interleaved rounds: on a shared machine the minimum is the figure least moved by neighbours
            var best = routes.Select(_ => double.MaxValue).ToArray();
            for (int round = 0; round < 15; round++)
                for (int k = 0; k < routes.Length; k++)
                {
                    var sw = Stopwatch.StartNew();
                    for (int i = 0; i < 50; i++) routes[k].Item2();
                    best[k] = Math.Min(best[k], sw.Elapsed.TotalMilliseconds / 50);
                }
            for (int k = 0; k < routes.Length; k++)
                Console.WriteLine($"{name,-12} {routes[k].Item1,-42} {best[k] * 1000,8:F1} us  {flops / (best[k] * 1e-3) * 1e-9,6:F1} GFLOP/s");
        }
    }

    static void Blas(TT c, TT a, TT b, double beta)
    {
        if (!Torch.Native.Blas.TryGemm(c, a, b, beta, 1)) throw new InvalidOperationException("OpenBLAS is not installed (libopenblas0)");
    }

    /// <summary>The element-wise calls around the products, on char-rnn's 50x128 double tensors.</summary>
    static void Pointwise()
    {
        var a = TS.rand(50, 128, TS.ScalarType.Float64);
        var b = TS.rand(50, 128, TS.ScalarType.Float64);
        var c = TS.rand(50, 128, TS.ScalarType.Float64);
        var gates = TS.rand(50, 4, 128, TS.ScalarType.Float64);
        var g1 = gates.select(1, 1);
        var big = TS.empty(50, 4, 128, TS.ScalarType.Float64);
        var parts = new[] { a, b, c, a };
        var one = TS.tensor(1.0).item<double>();
        var routes = new (string, Action)[]
        {
            ("c.copy_(a)", () => c.copy_(a)),
            ("c.mul_(a)", () => c.mul_(a)),
            ("c.add_(a)", () => c.add_(a)),
            ("c.copy_(a).sigmoid_()", () => c.copy_(a).sigmoid_()),
            ("a.sigmoid() fresh, disposed", () => a.sigmoid().Dispose()),
            ("c.copy_(strided).sigmoid_()", () => c.copy_(g1).sigmoid_()),
            ("c.copy_(a).tanh_()", () => c.copy_(a).tanh_()),
            ("a.tanh() fresh, disposed", () => a.tanh().Dispose()),
            ("a + b fresh, disposed", () => a.add(b).Dispose()),
            ("stack 4 into fresh 50x4x128", () => TS.stack(parts, 1).Dispose()),
            ("4 copies into kept 50x4x128", () => { for (int i = 0; i < 4; i++) using (var s = big.select(1, i)) s.copy_(parts[i]); }),
            ("c.addcmul_(a, b)", () => c.addcmul_(a, b, 1)),
            ("size(0) (no native work)", () => c.size(0)),
        };
        foreach (var (rows, cols, type) in new[] { (50L, 128L, TS.ScalarType.Float64), (128L, 512L, TS.ScalarType.Float32), (128L, 512L, TS.ScalarType.Float64) })
        {
            var x = TS.rand(rows, cols, type);
            var y = TS.empty(rows, cols, type);
            string size = $"{rows}x{cols} {type}";
            routes = routes.Concat(new (string, Action)[]
            {
                ($"{size}: y.copy_(x).sigmoid_()", () => y.copy_(x).sigmoid_()),
                ($"{size}: x.sigmoid() fresh", () => x.sigmoid().Dispose()),
                ($"{size}: y.copy_(x).tanh_()", () => y.copy_(x).tanh_()),
                ($"{size}: x.tanh() fresh", () => x.tanh().Dispose()),
            }).ToArray();
        }
        var best = routes.Select(_ => double.MaxValue).ToArray();
        for (int round = 0; round < 15; round++)
            for (int k = 0; k < routes.Length; k++)
            {
                var sw = Stopwatch.StartNew();
                for (int i = 0; i < 200; i++) routes[k].Item2();
                best[k] = Math.Min(best[k], sw.Elapsed.TotalMilliseconds / 200);
            }
        for (int k = 0; k < routes.Length; k++) Console.WriteLine($"50x128 double {routes[k].Item1,-42} {best[k] * 1000,8:F2} us");
    }
}
