namespace Torch.Optim.Tests;

/// <summary>optim's test/test_*.lua runs: from Torch7's starting points, f falls towards 0 and x approaches (1, 1).</summary>
public class ConvergenceTests
{
    static double Run(int calls, Func<Func<Tensor, (double, Tensor)>, Tensor, double[]> step, out Tensor x)
    {
        x = torch.Tensor(2).Zero();
        var fn = new Rosenbrock();
        for (int i = 0; i < calls; i++) step(fn.Eval, x);
        return Rosenbrock.F(x.ToArray());
    }

    [Fact]
    public void FirstOrderMethodsDescendFromTheOrigin()
    {
        // test_sgd/adam/adagrad/adadelta/adamax/rmsprop.lua: 10001 calls from zeros(2); f(0, 0) = 1
        var sgd = new SgdConfig { LearningRate = 1e-3 };
        var adam = new AdamConfig { LearningRate = 0.002 };
        var adagrad = new AdagradConfig { LearningRate = 0.1 };
        var adadelta = new AdadeltaConfig { Eps = 1e-10 };
        var adamax = new AdamaxConfig();
        var rmsprop = new RmspropConfig { LearningRate = 5e-4 };
        var runs = new (string Name, Func<Func<Tensor, (double, Tensor)>, Tensor, double[]> Step, double Below)[]
        {
            ("sgd", (f, x) => optim.Sgd(f, x, sgd).Fx, 1e-4),
            ("adam", (f, x) => optim.Adam(f, x, adam).Fx, 1e-12),
            ("adagrad", (f, x) => optim.Adagrad(f, x, adagrad).Fx, 1e-8),
            ("adadelta", (f, x) => optim.Adadelta(f, x, adadelta).Fx, 1e-3),
            ("adamax", (f, x) => optim.Adamax(f, x, adamax).Fx, 1e-10),
            ("rmsprop", (f, x) => optim.Rmsprop(f, x, rmsprop).Fx, 1e-3),
        };
        foreach (var (name, step, below) in runs)
        {
            double f = Run(10001, step, out var x);
            f.Should().BeLessThan(below, name);
            ((double)x[1]).Should().BeApproximately(1, 0.02, name);
            ((double)x[2]).Should().BeApproximately(1, 0.02, name);
        }
    }

    [Fact]
    public void LbfgsBatchThenStochasticCalls()
    {
        // test_lbfgs.lua: one batch call {maxIter=100, learningRate=0.1}, then 100 calls with maxIter=1
        var x = torch.Tensor(2).Zero();
        var fn = new Rosenbrock();
        var cfg = new LbfgsConfig { MaxIter = 100, LearningRate = 0.1 };
        var (_, fHist, nEval) = optim.Lbfgs(fn.Eval, x, cfg);
        ((double)fHist[0]).Should().Be(1);
        nEval.Should().Be(fn.Evaluations);
        cfg.MaxIter = 1;
        for (int i = 0; i < 100; i++) optim.Lbfgs(fn.Eval, x, cfg);
        Rosenbrock.F(x.ToArray()).Should().BeLessThan(fHist[^1]);
        cfg.NIter.Should().Be(200);
    }

    [Fact]
    public void LbfgsWithWolfeLineSearchReachesTheMinimum()
    {
        var x = torch.Tensor(2).Zero();
        var (_, fHist, _) = optim.Lbfgs(new Rosenbrock().Eval, x, new LbfgsConfig { MaxIter = 100, LineSearch = optim.Lswolfe });
        fHist[^1].Should().BeLessThan(1e-10);
        ((double)x[1]).Should().BeApproximately(1, 1e-4);
        ((double)x[2]).Should().BeApproximately(1, 1e-4);
    }

    [Fact]
    public void CgReachesTheMinimum()
    {
        var x = torch.Tensor(2).Zero();
        var fn = new Rosenbrock();
        var (_, fx, evals) = optim.Cg(fn.Eval, x, new CgConfig { MaxIter = 50 });
        evals.Should().Be(fn.Evaluations);
        ((double)fx[0]).Should().Be(1);
        fx[^1].Should().BeLessThan(1e-8);
        ((double)x[1]).Should().BeApproximately(1, 1e-3);
    }

    [Fact]
    public void CmaesFindsTheMinimumOfATwoDimensionalRosenbrock()
    {
        torch.ManualSeed(1);
        var x = torch.Tensor(2).Zero();
        var (best, fHist, evals) = optim.Cmaes(new Rosenbrock().Eval, x, new CmaesConfig { Sigma = 0.5, MaxEval = 3000 });
        ((double)fHist[0]).Should().Be(1);
        fHist[^1].Should().BeLessThan(1e-8);
        Rosenbrock.F(best.ToArray()).Should().Be(fHist[^1]);
        ((double)best[1]).Should().BeApproximately(1, 1e-3);
        evals.Should().BeLessThanOrEqualTo(3000 + 6);
        x.ToArray().Should().Equal(0, 0); // cmaes leaves x alone
    }

    [Fact]
    public void CmaesDescendsInTenDimensions()
    {
        // test_cmaes.lua: zeros(10), {maxEval=10000, sigma=0.5}
        torch.ManualSeed(1);
        var (best, fHist, _) = optim.Cmaes(new Rosenbrock().Eval, torch.Tensor(10).Zero(), new CmaesConfig { Sigma = 0.5, MaxEval = 10000 });
        ((double)fHist[0]).Should().Be(9);
        fHist[^1].Should().BeLessThan(1e-8).And.Be(Rosenbrock.F(best.ToArray()));
    }

    [Fact]
    public void DeFindsTheMinimum()
    {
        // test_de.lua: {popsize=50, scaleFactor=0.5, crossoverRate=0.9, maxFEs=3000}
        var cfg = new DeConfig { Popsize = 50, ScaleFactor = 0.5, CrossoverRate = 0.9, MaxFEs = 3000 };
        var (best, fx) = optim.De(new Rosenbrock().Eval, torch.Tensor(2).Zero(), cfg);
        fx.Length.Should().Be(3000);
        fx.Should().NotContain(0);
        Rosenbrock.F(best.ToArray()).Should().BeLessThan(1e-10).And.Be(fx.Min());
        var (again, _) = optim.De(new Rosenbrock().Eval, torch.Tensor(2).Zero(), cfg);
        again.ToArray().Should().Equal(best.ToArray()); // its own generator, seeded with 1
    }
}
