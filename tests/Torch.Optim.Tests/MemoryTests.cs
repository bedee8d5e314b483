using TS = TorchSharp.torch;

namespace Torch.Optim.Tests;

/// <summary>Lua-style loops (no using, no Dispose) leave no library temporaries behind: the number of live libtorch
/// tensors stays flat over many calls when feval reuses its gradient buffer, as nn's flat gradient does.</summary>
[Collection("serial")]
public class MemoryTests
{
    static Func<Tensor, (double, Tensor)> BufferedRosenbrock(long n)
    {
        var grad = torch.Tensor(n);
        return x =>
        {
            var v = x.ToArray();
            var g = Rosenbrock.Grad(v);
            for (int i = 0; i < g.Length; i++) grad[i + 1] = g[i];
            return (Rosenbrock.F(v), grad);
        };
    }

    public static TheoryData<string, Action<Func<Tensor, (double, Tensor)>, Tensor>> Loops() => new()
    {
        { "sgd", Step(new SgdConfig { LearningRate = 1e-4, Momentum = 0.9, Nesterov = true, Dampening = 0, WeightDecay = 1e-3 }, (f, x, c) => optim.Sgd(f, x, c)) },
        { "nag", Step(new NagConfig { LearningRate = 1e-4 }, (f, x, c) => optim.Nag(f, x, c)) },
        { "adam", Step(new AdamConfig(), (f, x, c) => optim.Adam(f, x, c)) },
        { "adamax", Step(new AdamaxConfig(), (f, x, c) => optim.Adamax(f, x, c)) },
        { "adagrad", Step(new AdagradConfig(), (f, x, c) => optim.Adagrad(f, x, c)) },
        { "adadelta", Step(new AdadeltaConfig(), (f, x, c) => optim.Adadelta(f, x, c)) },
        { "rmsprop", Step(new RmspropConfig(), (f, x, c) => optim.Rmsprop(f, x, c)) },
        { "rprop", Step(new RpropConfig(), (f, x, c) => optim.Rprop(f, x, c)) },
        { "asgd", Step(new AsgdConfig(), (f, x, c) => optim.Asgd(f, x, c)) },
        { "lbfgs", Step(new LbfgsConfig { MaxIter = 5, LineSearch = optim.Lswolfe, TolFun = 0, TolX = 0 }, (f, x, c) => optim.Lbfgs(f, x, c)) },
        { "cg", Step(new CgConfig { MaxIter = 5 }, (f, x, c) => optim.Cg(f, x, c)) },
    };

    static Action<Func<Tensor, (double, Tensor)>, Tensor> Step<T>(T cfg, Action<Func<Tensor, (double, Tensor)>, Tensor, T> run) => (f, x) => run(f, x, cfg);

    [Theory]
    [MemberData(nameof(Loops))]
    public void LiveTensorsStayFlat(string name, Action<Func<Tensor, (double, Tensor)>, Tensor> step)
    {
        var feval = BufferedRosenbrock(5);
        var x = torch.Tensor(5).Fill(0.3);
        for (int i = 0; i < 20; i++) step(feval, x); // buffers are created on the first calls
        long before = TS.Tensor.TotalCount;
        for (int i = 0; i < 200; i++) step(feval, x);
        (TS.Tensor.TotalCount - before).Should().BeLessThan(10, name);
    }
}

[CollectionDefinition("serial", DisableParallelization = true)]
public class SerialCollection { }
