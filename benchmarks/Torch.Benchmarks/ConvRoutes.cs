using System.Diagnostics;
using Torch.Nn;
using TorchSharp;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Benchmarks;

/// <summary>Ways libtorch can compute a 2-D convolution's weight gradient and forward (TorchSharp has no convolution_backward):
/// the route SpatialConvolution takes is the fastest of these here (issue: speed).</summary>
static class ConvRoutes
{
    static readonly TS.jit.CompilationUnit Script = TS.jit.compile(@"
def gi(go, x, w):
    r = torch.convolution_backward(go, x, w, [16], [1, 1], [1, 1], [1, 1], False, [0, 0], 1, [True, False, False])
    return r[0]

def gw(go, x, w):
    r = torch.convolution_backward(go, x, w, [16], [1, 1], [1, 1], [1, 1], False, [0, 0], 1, [False, True, True])
    return r[1], r[2]

def fwt(x, w):
    r = torch.convolution_backward(x, x, w, None, [1, 1], [1, 1], [1, 1], True, [0, 0], 1, [True, False, False])
    return r[0]

def fcl(x, w):
    return torch.conv2d(x.contiguous(memory_format=2), w.contiguous(memory_format=2), None, [1, 1], [1, 1])

def cb(go, x, w):
    r = torch.convolution_backward(go, x, w, [16], [1, 1], [1, 1], [1, 1], False, [0, 0], 1, [True, True, True])
    return r[0], r[1], r[2]
");

    public static bool Run()
    {
        foreach (var type in new[] { TS.ScalarType.Float64, TS.ScalarType.Float32 })
        {
            var x = TS.rand(16, 16, 32, 32, type);
            var w = TS.rand(16, 16, 3, 3, type);
            var go = TS.rand(16, 16, 32, 32, type);
            long[] one = { 1, 1 };
            var a = TS.rand(512, 512, type);
            var routes = new (string, Func<TT>)[]
            {
                ("BLAS alone: mm 512x512 by 512x512", () => a.mm(a)),
                ("forward: conv2d", () => TS.nn.functional.conv2d(x, w, padding: one)),
                ("forward: gradInput of the transposed convolution", () => Script.invoke<TT>("fwt", x, w)),
                ("forward: conv2d, channels last", () => Script.invoke<TT>("fcl", x, w)),
                ("forward: unfold + matmul", () =>
                {
                    using var cols = TS.nn.functional.unfold(x, 3, padding: 1);          // B x 144 x 1024
                    using var w2 = w.view(16, 144);
                    using var y = w2.matmul(cols);
                    return y.view(16, 16, 32, 32);
                }),
                ("gradInput: conv_transpose2d", () => TS.nn.functional.conv_transpose2d(go, w, padding: one)),
                ("gradWeight: conv2d, batch as channels", () =>
                {
                    using var xt = x.transpose(0, 1);
                    using var gt = go.transpose(0, 1);
                    using var full = TS.nn.functional.conv2d(xt, gt, padding: one);
                    return full.transpose(0, 1).contiguous();
                }),
                ("gradWeight: unfold + mm", () =>
                {
                    using var cols = TS.nn.functional.unfold(x, 3, padding: 1);          // B x 144 x 1024
                    using var g3 = go.view(16, 16, 1024);
                    using var colsT = cols.transpose(1, 2);                              // B x 1024 x 144
                    using var per = g3.bmm(colsT);                                        // B x 16 x 144
                    return per.sum(0);
                }),
                ("gradWeight: unfold + one mm", () =>
                {
                    using var cols = TS.nn.functional.unfold(x, 3, padding: 1);          // B x 144 x 1024
                    using var c2 = cols.transpose(0, 1).reshape(144, 16 * 1024);
                    using var g2 = go.transpose(0, 1).reshape(16, 16 * 1024);
                    using var c2t = c2.t();
                    return g2.mm(c2t);
                }),
                ("all three: TorchScript convolution_backward", () =>
                {
                    var r = Script.invoke<(TT, TT, TT)>("cb", go, x, w);
                    r.Item1.Dispose(); r.Item3.Dispose();
                    return r.Item2;
                }),
                ("gradInput only: convolution_backward", () => Script.invoke<TT>("gi", go, x, w)),
                ("gradWeight, gradBias: convolution_backward", () =>
                {
                    var r = Script.invoke<(TT, TT)>("gw", go, x, w);
                    r.Item2.Dispose();
                    return r.Item1;
                }),
                ("both: autograd of conv2d", () =>
                {
                    using var xi = x.detach().requires_grad_(true);
                    using var wi = w.detach().requires_grad_(true);
                    using var y = TS.nn.functional.conv2d(xi, wi, padding: one);
                    var g = TS.autograd.grad(new[] { y }, new[] { xi, wi }, new[] { go });
                    g[0].Dispose();
                    return g[1];
                }),
            };
            foreach (var (name, f) in routes)
            {
                for (int i = 0; i < 3; i++) f().Dispose();
                var times = new List<double>();
                for (int i = 0; i < 15; i++)
                {
                    var sw = Stopwatch.StartNew();
                    f().Dispose();
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine($"conv 16->16 3x3, 16x16x32x32 {type,-8} {name,-40} median {times[7],7:F2} ms  min {times[0],7:F2} ms");
            }
        }
        return true;
    }

    /// <summary>dcgan's, ResNet-8's and LeNet's convolutions in double, and in float where libtorch's oneDNN is off (group
    /// "convmm"): each direction by libtorch (conv2d, convolution_backward) and by Torch7's route (per-sample unfold + OpenBLAS
    /// gemm, <see cref="Torch.Nn.Internal.ConvMM"/>), the smallest of 15 timed calls, alternated.</summary>
    public static bool Shapes()
    {
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Shapes(TS.ScalarType.Float64, "torch.DoubleTensor");
        if (Torch.Native.OneDnn.TurnedOff) Shapes(TS.ScalarType.Float32, "torch.FloatTensor");
        else Console.WriteLine("float: libtorch's oneDNN is on (an Intel processor), and the route is not taken in float");
        return true;
    }

    static void Shapes(TS.ScalarType type, string tensorType)
    {
        Console.WriteLine(tensorType);
        var shapes = new (string Name, int B, int C, int O, int H, int K, int S, int P)[]
        {
            ("dcgan D1 3->16 4x4/2", 8, 3, 16, 32, 4, 2, 1), ("dcgan D2 16->32 4x4/2", 8, 16, 32, 16, 4, 2, 1),
            ("dcgan D3 32->64 4x4/2", 8, 32, 64, 8, 4, 2, 1), ("dcgan D4 64->1 4x4", 8, 64, 1, 4, 4, 1, 0),
            ("resnet 3->16 3x3", 16, 3, 16, 32, 3, 1, 1), ("resnet 16->16 3x3", 16, 16, 16, 32, 3, 1, 1),
            ("resnet 16->32 3x3/2", 16, 16, 32, 32, 3, 2, 1), ("resnet 32->32 3x3", 16, 32, 32, 16, 3, 1, 1),
            ("resnet 32->64 3x3/2", 16, 32, 64, 16, 3, 2, 1), ("resnet 64->64 3x3", 16, 64, 64, 8, 3, 1, 1),
            ("lenet 1->20 5x5", 64, 1, 20, 28, 5, 1, 0), ("lenet 20->50 5x5", 64, 20, 50, 12, 5, 1, 0),
        };
        foreach (var (name, b, c, o, h, k, s, p) in shapes)
        {
            var x = TS.rand(b, c, h, h, type);
            var w = TS.rand(o, c, k, k, type);
            long oh = (h + 2 * p - k) / s + 1;
            var go = TS.rand(b, o, oh, oh, type);
            var gw = TS.zeros(o, c, k, k, type);
            long[] st = { s, s }, pd = { p, p }, one = { 1, 1 };
            var mm = new Torch.Nn.Internal.ConvMM(k, k, s, s, p, p) { Always = true };
            string saved = Torch.torch.GetDefaultTensorType();
            Torch.torch.SetDefaultTensorType(tensorType);
            var conv = new Torch.Nn.SpatialConvolution(c, o, k, k, s, s, p, p).NoBias();
            Torch.torch.SetDefaultTensorType(saved);
            var pairs = new (string, Action, Action)[]
            {
                ("forward", () => TS.nn.functional.conv2d(x, w, strides: st, padding: pd).Dispose(), () => mm.Forward(x, w, null)!.Dispose()),
                ("gradInput", () => Torch.Nn.Internal.ConvBackward.GradInput(go, x, w, st, pd, one).Dispose(), () => mm.GradInput(go, x.shape, w)!.Dispose()),
                ("gradWeight", () => Torch.Nn.Internal.ConvBackward.AccGradParameters(conv, 1, go, x, w, st, pd, one), () => mm.AccGradParameters(go, x, gw, null, 1)),
            };
            Compare(name, pairs);
        }
        var full = new (string Name, int B, int C, int O, int H, int K, int S, int P)[]
        {
            ("dcgan G1 100->64 4x4", 8, 100, 64, 1, 4, 1, 0), ("dcgan G2 64->32 4x4/2", 8, 64, 32, 4, 4, 2, 1),
            ("dcgan G3 32->16 4x4/2", 8, 32, 16, 8, 4, 2, 1), ("dcgan G4 16->3 4x4/2", 8, 16, 3, 16, 4, 2, 1),
        };
        foreach (var (name, b, c, o, h, k, s, p) in full)
        {
            var x = TS.rand(b, c, h, h, type);
            var w = TS.rand(c, o, k, k, type);
            long oh = (h - 1) * s - 2 * p + k;
            var go = TS.rand(b, o, oh, oh, type);
            var gw = TS.zeros(c, o, k, k, type);
            long[] st = { s, s }, pd = { p, p }, one = { 1, 1 }, adj = { 0, 0 };
            var mm = new Torch.Nn.Internal.ConvMM(k, k, s, s, p, p) { Always = true };
            string saved = Torch.torch.GetDefaultTensorType();
            Torch.torch.SetDefaultTensorType(tensorType);
            var conv = new Torch.Nn.SpatialFullConvolution(c, o, k, k, s, s, p, p).NoBias();
            Torch.torch.SetDefaultTensorType(saved);
            Compare(name, new (string, Action, Action)[]
            {
                ("forward", () => TS.nn.functional.conv_transpose2d(x, w, null, st, pd).Dispose(), () => mm.GradInput(x, go.shape, w)!.Dispose()),
                ("gradInput", () => Torch.Nn.Internal.ConvBackward.GradInput(go, x, w, st, pd, one, adj).Dispose(), () => mm.Forward(go, w, null)!.Dispose()),
                ("gradWeight", () => Torch.Nn.Internal.ConvBackward.AccGradParameters(conv, 1, go, x, w, st, pd, one, adj), () => mm.AccGradParameters(x, go, gw, null, 1)),
            });
        }
    }

    /// <summary>Times each direction's two routes alternately, the smallest of 15 calls each, and prints them.</summary>
    static void Compare(string name, (string, Action, Action)[] pairs)
    {
        foreach (var (dir, lib, route) in pairs)
        {
            double bl = double.MaxValue, br = double.MaxValue;
            lib(); route();
            for (int i = 0; i < 15; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                lib();
                bl = Math.Min(bl, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                t0 = Stopwatch.GetTimestamp();
                route();
                br = Math.Min(br, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
            Console.WriteLine($"{name,-24} {dir,-10} libtorch {bl,7:F3} ms  unfold+OpenBLAS {br,7:F3} ms  ratio {br / bl,5:F2}");
        }
    }
}
