using Torch.Nn;
using Torch.Optim;
using TorchSharp;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Benchmarks;

/// <summary>
/// Training iterations as a ported Torch7 program writes them — <c>optim.Sgd(feval, w, {learningRate = 0.01, momentum = 0.9})</c>
/// over <c>getParameters()</c>, no Dispose, the first layer computing its gradInput as Lua's does — against raw TorchSharp doing
/// the same work (input <c>requires_grad</c>, <c>torch.optim.SGD</c> with momentum, a dispose scope), alternated in one process.
/// </summary>
static class NnBenchmarks
{
    public static bool Run()
    {
        bool ok = true;
        ok &= Compare("tiny 10-10-1 tanh, MSE, batch 1, double", 0.30, 4_000, TinyFacade, TinyRaw);
        ok &= Compare("MLP 784-512-512-10, batch 128, float", 1.00, 20, MlpFacade, MlpRaw);
        ok &= Compare("LeNet 1-20-50 conv, 800-500-10, batch 64, float", 1.00, 20, LeNetFacade, LeNetRaw);
        ok &= Compare("conv 16->16 3x3 pad 1, 16x16x32x32, double", 1.00, 5, ConvFacade, ConvRaw);
        ConvParts();
        return ok;
    }

    static bool Compare(string name, double target, int steps, Func<Action> facadeStep, Func<Action> rawStep)
    {
        static Action<int> Loop(Action step) => n => { for (int i = 0; i < n; i++) step(); };
        var r = Bench.NsPerOp(Loop(facadeStep()), Loop(rawStep()), steps, rounds: 9);
        return Bench.Compare(name, r, target, "us/it", 1e-3);
    }

    // ---------------------------------------------------------------- facade: Lua style

    static Action Step(Module net, Criterion crit, Tensor x, LuaValue target, ModuleTimes? times = null)
    {
        times?.Instrument(net);
        var (w, dw) = net.GetParameters();
        var config = new SgdConfig { LearningRate = 0.01, Momentum = 0.9 };
        (double, Tensor) Feval(Tensor _)
        {
            dw.Zero();
            Tensor o = net.Forward(x);
            double f = crit.Forward(o, target);
            net.Backward(x, crit.Backward(o, target));
            return (f, dw);
        }
        if (times is null) return () => optim.Sgd(Feval, w, config);
        var feval = times.Feval(Feval);
        return () => times.Optim(() => optim.Sgd(feval, w, config));
    }

    /// <summary>Where LeNet's and the MLP's iterations go (<c>-- nnprofile</c>): the library's milliseconds per module (forward,
    /// updateGradInput, accGradParameters; the smallest of 15 iterations), and raw TorchSharp's step split into forward and loss,
    /// <c>backward</c>, and the optimiser's <c>step</c> (medians of 15).</summary>
    public static void Profile()
    {
        foreach (var (name, facade, raw) in new (string, Func<ModuleTimes, Action>, (TS.nn.Module<TT, TT>, TT, TT))[]
                 { ("LeNet", LeNetFacade, (LeNetRawNet(), TS.rand(64, 1, 28, 28), RawLabels(64))), ("MLP", MlpFacade, (MlpRawNet(), TS.rand(128, 784), RawLabels(128))) })
        {
            var times = new ModuleTimes();
            times.Measure($"{name} library", facade(times));
            RawParts(name, raw.Item1, raw.Item2, raw.Item3);
        }
    }

    /// <summary>Raw TorchSharp's step of <see cref="RawStep"/> in its three parts, median milliseconds of 15.</summary>
    static void RawParts(string name, TS.nn.Module<TT, TT> net, TT x, TT y)
    {
        var sgd = TS.optim.SGD(net.parameters(), 0.01, momentum: 0.9);
        x = x.detach().requires_grad_(true);
        var parts = new double[3][];
        for (int k = 0; k < 3; k++) parts[k] = new double[15];
        for (int i = -3; i < 15; i++)
        {
            using var scope = TS.NewDisposeScope();
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            sgd.zero_grad();
            x.grad?.zero_();
            var l = TS.nn.functional.nll_loss(net.call(x), y);
            l.ToDouble();
            long t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            l.backward();
            long t2 = System.Diagnostics.Stopwatch.GetTimestamp();
            sgd.step();
            long t3 = System.Diagnostics.Stopwatch.GetTimestamp();
            if (i < 0) continue;
            parts[0][i] = System.Diagnostics.Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            parts[1][i] = System.Diagnostics.Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
            parts[2][i] = System.Diagnostics.Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
        }
        double Median(double[] a) => a.Order().ElementAt(a.Length / 2);
        Console.WriteLine($"{name} raw TorchSharp, median ms: forward and loss {Median(parts[0]):F3}, backward {Median(parts[1]):F3}, step {Median(parts[2]):F3}");
    }

    static Action TinyFacade()
    {
        var net = nn.Sequential().Add(nn.Linear(10, 10)).Add(nn.Tanh()).Add(nn.Linear(10, 1));
        return Step(net, nn.MSECriterion(), torch.Tensor(10).Uniform(), torch.Tensor(1).Fill(0.5));
    }

    static Action MlpFacade() => MlpFacade(null);

    static Action MlpFacade(ModuleTimes? times)
    {
        var net = nn.Sequential().Add(nn.Linear(784, 512)).Add(nn.ReLU()).Add(nn.Linear(512, 512)).Add(nn.ReLU()).Add(nn.Linear(512, 10)).Add(nn.LogSoftMax());
        net.Float();
        return Step(net, nn.ClassNLLCriterion(), torch.FloatTensor(128, 784).Uniform(), Labels(128), times);
    }

    static Action LeNetFacade() => LeNetFacade(null);

    static Action LeNetFacade(ModuleTimes? times)
    {
        var net = nn.Sequential();
        net.Add(nn.SpatialConvolution(1, 20, 5, 5)).Add(nn.ReLU()).Add(nn.SpatialMaxPooling(2, 2, 2, 2));
        net.Add(nn.SpatialConvolution(20, 50, 5, 5)).Add(nn.ReLU()).Add(nn.SpatialMaxPooling(2, 2, 2, 2));
        net.Add(nn.View(50 * 4 * 4)).Add(nn.Linear(800, 500)).Add(nn.ReLU()).Add(nn.Linear(500, 10)).Add(nn.LogSoftMax());
        net.Float();
        return Step(net, nn.ClassNLLCriterion(), torch.FloatTensor(64, 1, 28, 28).Uniform(), Labels(64), times);
    }

    static Action ConvFacade()
    {
        var conv = nn.SpatialConvolution(16, 16, 3, 3, 1, 1, 1, 1);
        var x = torch.Tensor(16, 16, 32, 32).Uniform();
        var g = torch.Tensor(16, 16, 32, 32).Uniform();
        return () =>
        {
            conv.Forward(x);
            conv.Backward(x, g);
        };
    }

    /// <summary>The double convolution's three calls one by one (the issue compares them with Torch7's 3.7 ms and 3.8 ms).</summary>
    static void ConvParts()
    {
        var conv = nn.SpatialConvolution(16, 16, 3, 3, 1, 1, 1, 1);
        var x = torch.Tensor(16, 16, 32, 32).Uniform();
        var g = torch.Tensor(16, 16, 32, 32).Uniform();
        double Ms(Action a) => Bench.MedianMs(a, 9);
        double fwd = Ms(() => conv.Forward(x));
        double agpAlone = Ms(() => conv.AccGradParameters(x, g));
        double both = Ms(() => { conv.UpdateGradInput(x, g); conv.AccGradParameters(x, g); });
        Console.WriteLine($"  (conv double, median ms: Forward {fwd:F2}, AccGradParameters alone {agpAlone:F2}, UpdateGradInput + AccGradParameters {both:F2})");
    }

    static Tensor Labels(int n)
    {
        var t = torch.LongTensor(n);
        for (int i = 1; i <= n; i++) t[i] = 1 + i % 10;
        return t;
    }

    // ---------------------------------------------------------------- raw TorchSharp: the idiomatic loop

    static Action RawStep(TS.nn.Module<TT, TT> net, Func<TT, TT, TT> loss, TT x, TT y)
    {
        var sgd = TS.optim.SGD(net.parameters(), 0.01, momentum: 0.9);
        x = x.detach().requires_grad_(true);
        return () =>
        {
            using var scope = TS.NewDisposeScope();
            sgd.zero_grad();
            x.grad?.zero_();
            var l = loss(net.call(x), y);
            l.ToDouble(); // feval returns the loss as a number
            l.backward();
            sgd.step();
        };
    }

    static Action TinyRaw()
    {
        var net = TS.nn.Sequential(TS.nn.Linear(10, 10), TS.nn.Tanh(), TS.nn.Linear(10, 1)).to(TS.ScalarType.Float64);
        return RawStep(net, (o, t) => TS.nn.functional.mse_loss(o, t), TS.rand(10, TS.ScalarType.Float64), TS.full(1, 0.5, TS.ScalarType.Float64));
    }

    static Action MlpRaw() => RawStep(MlpRawNet(), (o, t) => TS.nn.functional.nll_loss(o, t), TS.rand(128, 784), RawLabels(128));

    static TS.nn.Module<TT, TT> MlpRawNet() =>
        TS.nn.Sequential(TS.nn.Linear(784, 512), TS.nn.ReLU(), TS.nn.Linear(512, 512), TS.nn.ReLU(), TS.nn.Linear(512, 10), TS.nn.LogSoftmax(1));

    static Action LeNetRaw() => RawStep(LeNetRawNet(), (o, t) => TS.nn.functional.nll_loss(o, t), TS.rand(64, 1, 28, 28), RawLabels(64));

    static TS.nn.Module<TT, TT> LeNetRawNet() => TS.nn.Sequential(
        TS.nn.Conv2d(1, 20, 5), TS.nn.ReLU(), TS.nn.MaxPool2d(2, 2),
        TS.nn.Conv2d(20, 50, 5), TS.nn.ReLU(), TS.nn.MaxPool2d(2, 2),
        TS.nn.Flatten(), TS.nn.Linear(800, 500), TS.nn.ReLU(), TS.nn.Linear(500, 10), TS.nn.LogSoftmax(1));

    static Action ConvRaw()
    {
        var conv = TS.nn.Conv2d(16, 16, 3, padding: 1).to(TS.ScalarType.Float64);
        var x = TS.rand(16, 16, 32, 32, TS.ScalarType.Float64).requires_grad_(true);
        var g = TS.rand(16, 16, 32, 32, TS.ScalarType.Float64);
        return () =>
        {
            using var scope = TS.NewDisposeScope();
            conv.call(x).backward(new[] { g });
        };
    }

    static TT RawLabels(int n) => TS.tensor(Enumerable.Range(1, n).Select(i => (long)(i % 10)).ToArray());
}
