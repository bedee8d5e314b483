namespace Torch.Optim.Tests;

/// <summary>Each algorithm retraces real Torch7's trajectory on Rosenbrock (fixtures/optim/rosenbrock.txt):
/// within 1e-9 relative over the first 100 calls, 1e-6 after.</summary>
public class TrajectoryTests
{
    static readonly double[] Start2 = { -1.2, 1 };
    static readonly double[] Start5 = { 0.3, 0.3, 0.3, 0.3, 0.3 };

    /// <summary>Runs <paramref name="step"/> (one algorithm call) up to the last fixture line and compares each recorded line.</summary>
    static void Retrace(string algo, double[] start, Func<Func<Tensor, (double, Tensor)>, Tensor, double[]> step)
    {
        var expected = Trajectory.Load(algo);
        expected.Should().NotBeEmpty();
        var x = torch.Tensor(start);
        var fn = new Rosenbrock();
        int done = 0;
        foreach (var line in expected)
        {
            double[] fx = Array.Empty<double>();
            while (done < line.Step) { fx = step(fn.Eval, x); done++; }
            double tol = line.Step <= 100 ? 1e-9 : 1e-6;
            var got = x.ToArray();
            for (int i = 0; i < got.Length; i++)
                got[i].Should().BeApproximately(line.X[i], tol * Math.Max(1e-300, Math.Abs(line.X[i])), $"{algo} x[{i + 1}] after {line.Step} calls");
            Rosenbrock.F(got).Should().BeApproximately(line.F, tol * Math.Abs(line.F), $"{algo} f(x) after {line.Step} calls");
            fx.Length.Should().Be(line.FxCount, $"{algo} #fx after {line.Step} calls");
        }
    }

    [Fact]
    public void Sgd()
    {
        var cfg = new SgdConfig { LearningRate = 5e-4 };
        Retrace("sgd", Start2, (f, x) => optim.Sgd(f, x, cfg).Fx);
    }

    [Fact]
    public void SgdNesterov()
    {
        var cfg = new SgdConfig { LearningRate = 1e-3, Momentum = 0.9, Dampening = 0, Nesterov = true };
        Retrace("sgd_mom", Start2, (f, x) => optim.Sgd(f, x, cfg).Fx);
    }

    [Fact]
    public void SgdWeightDecay()
    {
        var cfg = new SgdConfig { LearningRate = 1e-3, Momentum = 0.5, WeightDecay = 1e-2, LearningRateDecay = 1e-3 };
        Retrace("sgd_wd", Start2, (f, x) => optim.Sgd(f, x, cfg).Fx);
    }

    [Fact]
    public void Nag()
    {
        var cfg = new NagConfig { LearningRate = 1e-3, Momentum = 0.9 };
        Retrace("nag", Start2, (f, x) => optim.Nag(f, x, cfg).Fx);
    }

    [Fact]
    public void Adam()
    {
        var cfg = new AdamConfig { LearningRate = 0.01 };
        Retrace("adam", Start2, (f, x) => optim.Adam(f, x, cfg).Fx);
    }

    [Fact]
    public void Adam5()
    {
        var cfg = new AdamConfig { LearningRate = 0.01 };
        Retrace("adam5", Start5, (f, x) => optim.Adam(f, x, cfg).Fx);
    }

    [Fact]
    public void Adagrad()
    {
        var cfg = new AdagradConfig { LearningRate = 0.05 };
        Retrace("adagrad", Start2, (f, x) => optim.Adagrad(f, x, cfg).Fx);
    }

    [Fact]
    public void Adadelta()
    {
        var cfg = new AdadeltaConfig { Eps = 1e-10 };
        Retrace("adadelta", Start2, (f, x) => optim.Adadelta(f, x, cfg).Fx);
    }

    [Fact]
    public void Adamax()
    {
        var cfg = new AdamaxConfig { LearningRate = 0.01 };
        Retrace("adamax", Start2, (f, x) => optim.Adamax(f, x, cfg).Fx);
    }

    [Fact]
    public void Rmsprop()
    {
        var cfg = new RmspropConfig { LearningRate = 1e-3 };
        Retrace("rmsprop", Start2, (f, x) => optim.Rmsprop(f, x, cfg).Fx);
    }

    /// <summary>Torch7's rmsprop on 1001-element vectors with given gradients (Fixtures/rmsprop-bits.t7, make-rmsprop-bits.lua), in
    /// double and float: the same bits after each of six calls (the one-pass update rounds as Lua's six tensor calls do).</summary>
    [Theory]
    [InlineData("torch.DoubleTensor")]
    [InlineData("torch.FloatTensor")]
    public void RmspropBitForBit(string type)
    {
        var file = Path.Combine(Processes.RepoRoot(), "tests", "Torch.Optim.Tests", "Fixtures", "rmsprop-bits.t7");
        var c = (Table)((Table)torch.Load(file)!)[type];
        Tensor x = ((Tensor)c["x0"]).Clone(), grad = x.Clone();
        var cfg = new RmspropConfig { LearningRate = 2e-3, Alpha = 0.95 };
        for (int k = 1; k <= 6; k++)
        {
            grad.Copy((Tensor)((Table)c["g"])[k]);
            optim.Rmsprop(_ => (0, grad), x, cfg);
            x.ToArray().Should().Equal(((Tensor)((Table)c["x"])[k]).ToArray(), $"x after call {k}");
        }
    }

    [Fact]
    public void Rprop()
    {
        var cfg = new RpropConfig { Stepsize = 0.01, Niter = 1 };
        Retrace("rprop", Start2, (f, x) => optim.Rprop(f, x, cfg).Fx);
    }

    [Fact]
    public void Asgd()
    {
        var cfg = new AsgdConfig { Eta0 = 1e-3 };
        Retrace("asgd", Start2, (f, x) => optim.Asgd(f, x, cfg).Fx);
    }

    [Fact]
    public void Lbfgs()
    {
        var cfg = new LbfgsConfig { MaxIter = 100, LearningRate = 0.1 };
        Retrace("lbfgs", Start2, (f, x) => optim.Lbfgs(f, x, cfg).Fx);
    }

    [Fact]
    public void LbfgsLineSearch()
    {
        var cfg = new LbfgsConfig { MaxIter = 100, LineSearch = optim.Lswolfe };
        Retrace("lbfgs_ls", Start2, (f, x) => optim.Lbfgs(f, x, cfg).Fx);
    }

    [Fact]
    public void Lbfgs5LineSearch()
    {
        var cfg = new LbfgsConfig { MaxIter = 200, LineSearch = optim.Lswolfe };
        Retrace("lbfgs5", Start5, (f, x) => optim.Lbfgs(f, x, cfg).Fx);
    }

    [Fact]
    public void Cg()
    {
        var cfg = new CgConfig { MaxIter = 50 };
        Retrace("cg", Start2, (f, x) => optim.Cg(f, x, cfg).Fx);
    }
}
