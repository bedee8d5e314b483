using Torch.Nn;
using TorchSharp;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Benchmarks;

/// <summary>
/// Training steps of the facade's nn against the same network in raw TorchSharp (issue: nn). Both do the same work: the
/// facade's first layer has Lua's <c>gradInput = nil</c> (as fb.resnet.torch sets it), so neither computes the gradient with
/// respect to the data. The line in brackets also shows the case where both compute it.
/// </summary>
static class NnBenchmarks
{
    public static bool Run()
    {
        bool ok = true;
        ok &= Compare("tiny net 10-10-1 tanh, MSE, batch 1, SGD", 1.0, 20_000, TinyFacade, TinyRaw);
        ok &= Compare("MLP 784-512-512-10, batch 128", 1.05, 30, MlpFacade, MlpRaw);
        ok &= Compare("LeNet-5, batch 64, 1x28x28", 1.05, 30, LeNetFacade, LeNetRaw);
        return ok;
    }

    static bool Compare(string name, double target, int steps, Func<bool, Action> facadeStep, Func<bool, Action> rawStep)
    {
        static Action<int> Loop(Action step) => n => { for (int i = 0; i < n; i++) step(); };
        var (f, r) = Bench.NsPerOp(Loop(facadeStep(false)), Loop(rawStep(false)), steps, rounds: 15);
        var (fi, ri) = Bench.NsPerOp(Loop(facadeStep(true)), Loop(rawStep(true)), steps, rounds: 15);
        Console.WriteLine($"  ({name}: facade {1e9 / f:F0} steps/s, raw TorchSharp {1e9 / r:F0} steps/s; " +
                          $"with the input gradient {1e9 / fi:F0} and {1e9 / ri:F0}, ratio {fi / ri:F2})");
        return Bench.Compare(name, f / 1000, r / 1000, target, "us/step");
    }

    // ---------------------------------------------------------------- facade: Lua style

    static Action Step(Sequential net, Criterion crit, Tensor x, LuaValue target, double lr, bool inputGrad)
    {
        if (!inputGrad) net.Get(1).GradInput = LuaValue.Nil;   // Lua's idiom for a first layer
        var (w, dw) = net.GetParameters();
        return () =>
        {
            dw.Zero();
            Tensor o = net.Forward(x);
            crit.Forward(o, target);
            net.Backward(x, crit.Backward(o, target));
            w.Add(-lr, dw);
        };
    }

    static Action TinyFacade(bool inputGrad)
    {
        var net = nn.Sequential();
        net.Add(nn.Linear(10, 10)).Add(nn.Tanh()).Add(nn.Linear(10, 1));
        return Step(net, nn.MSECriterion(), torch.Tensor(10).Uniform(), torch.Tensor(1).Fill(0.5), 0.01, inputGrad);
    }

    static Action MlpFacade(bool inputGrad)
    {
        var net = nn.Sequential();
        net.Add(nn.Linear(784, 512)).Add(nn.ReLU()).Add(nn.Linear(512, 512)).Add(nn.ReLU()).Add(nn.Linear(512, 10)).Add(nn.LogSoftMax());
        net.Float();
        return Step(net, nn.ClassNLLCriterion(), torch.FloatTensor(128, 784).Uniform(), Labels(128), 0.01, inputGrad);
    }

    static Action LeNetFacade(bool inputGrad)
    {
        var net = nn.Sequential();
        net.Add(nn.SpatialConvolution(1, 6, 5, 5)).Add(nn.ReLU()).Add(nn.SpatialMaxPooling(2, 2, 2, 2));
        net.Add(nn.SpatialConvolution(6, 16, 5, 5)).Add(nn.ReLU()).Add(nn.SpatialMaxPooling(2, 2, 2, 2));
        net.Add(nn.View(16 * 4 * 4)).Add(nn.Linear(256, 120)).Add(nn.ReLU()).Add(nn.Linear(120, 84)).Add(nn.ReLU());
        net.Add(nn.Linear(84, 10)).Add(nn.LogSoftMax());
        net.Float();
        return Step(net, nn.ClassNLLCriterion(), torch.FloatTensor(64, 1, 28, 28).Uniform(), Labels(64), 0.01, inputGrad);
    }

    static Tensor Labels(int n)
    {
        var t = torch.LongTensor(n);
        for (int i = 1; i <= n; i++) t[i] = 1 + i % 10;
        return t;
    }

    // ---------------------------------------------------------------- raw TorchSharp: the idiomatic loop

    static Action RawStep(TS.nn.Module<TT, TT> net, Func<TT, TT, TT> loss, TT x, TT y, double lr, bool inputGrad)
    {
        var ps = net.parameters().ToArray();
        x = x.detach().requires_grad_(inputGrad);
        return () =>
        {
            using var scope = TS.NewDisposeScope();
            foreach (var p in ps) p.grad?.zero_();
            x.grad?.zero_();
            var l = loss(net.call(x), y);
            l.backward();
            using (TS.no_grad())
                foreach (var p in ps) p.add_(p.grad!, -lr);
        };
    }

    static Action TinyRaw(bool inputGrad)
    {
        var net = TS.nn.Sequential(TS.nn.Linear(10, 10), TS.nn.Tanh(), TS.nn.Linear(10, 1)).to(TS.ScalarType.Float64);
        return RawStep(net, (o, t) => TS.nn.functional.mse_loss(o, t), TS.rand(10, TS.ScalarType.Float64), TS.full(1, 0.5, TS.ScalarType.Float64), 0.01, inputGrad);
    }

    static Action MlpRaw(bool inputGrad)
    {
        var net = TS.nn.Sequential(TS.nn.Linear(784, 512), TS.nn.ReLU(), TS.nn.Linear(512, 512), TS.nn.ReLU(), TS.nn.Linear(512, 10), TS.nn.LogSoftmax(1));
        return RawStep(net, (o, t) => TS.nn.functional.nll_loss(o, t), TS.rand(128, 784), RawLabels(128), 0.01, inputGrad);
    }

    static Action LeNetRaw(bool inputGrad)
    {
        var net = TS.nn.Sequential(
            TS.nn.Conv2d(1, 6, 5), TS.nn.ReLU(), TS.nn.MaxPool2d(2, 2),
            TS.nn.Conv2d(6, 16, 5), TS.nn.ReLU(), TS.nn.MaxPool2d(2, 2),
            TS.nn.Flatten(), TS.nn.Linear(256, 120), TS.nn.ReLU(), TS.nn.Linear(120, 84), TS.nn.ReLU(),
            TS.nn.Linear(84, 10), TS.nn.LogSoftmax(1));
        return RawStep(net, (o, t) => TS.nn.functional.nll_loss(o, t), TS.rand(64, 1, 28, 28), RawLabels(64), 0.01, inputGrad);
    }

    static TT RawLabels(int n) => TS.tensor(Enumerable.Range(1, n).Select(i => (long)(i % 10)).ToArray());
}
