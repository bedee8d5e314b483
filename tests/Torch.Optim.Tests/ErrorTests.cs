namespace Torch.Optim.Tests;

/// <summary>Bad configurations and bad fevals raise clear errors before any state changes.</summary>
public class ErrorTests
{
    static (double, Tensor) WrongSize(Tensor x) => (1, torch.Tensor(x.NElement() + 1).Fill(1));

    public static TheoryData<string, Action<Func<Tensor, (double, Tensor)>, Tensor>> Algorithms() => new()
    {
        { "optim.Sgd", (f, x) => optim.Sgd(f, x, new SgdConfig { Momentum = 0.9 }) },
        { "optim.Asgd", (f, x) => optim.Asgd(f, x, new AsgdConfig()) },
        { "optim.Nag", (f, x) => optim.Nag(f, x, new NagConfig()) },
        { "optim.Adagrad", (f, x) => optim.Adagrad(f, x, new AdagradConfig()) },
        { "optim.Adadelta", (f, x) => optim.Adadelta(f, x, new AdadeltaConfig()) },
        { "optim.Adam", (f, x) => optim.Adam(f, x, new AdamConfig()) },
        { "optim.Adamax", (f, x) => optim.Adamax(f, x, new AdamaxConfig()) },
        { "optim.Rmsprop", (f, x) => optim.Rmsprop(f, x, new RmspropConfig()) },
        { "optim.Rprop", (f, x) => optim.Rprop(f, x, new RpropConfig()) },
        { "optim.Lbfgs", (f, x) => optim.Lbfgs(f, x, new LbfgsConfig()) },
        { "optim.Cg", (f, x) => optim.Cg(f, x, new CgConfig()) },
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void AGradientOfTheWrongSizeIsRefusedAndXIsUntouched(string name, Action<Func<Tensor, (double, Tensor)>, Tensor> run)
    {
        var x = torch.Tensor(new[] { -1.2, 1.0 });
        var act = () => run(WrongSize, x);
        act.Should().Throw<ArgumentException>()
            .Where(e => e.Message.Contains(name) && e.Message.Contains("3 elements") && e.Message.Contains("expected 2"));
        x.ToArray().Should().Equal(-1.2, 1.0);
    }

    /// <summary>Each optimiser with one state tensor made for a 4-element x, called with a 5-element x.</summary>
    public static TheoryData<string, string, Action<Func<Tensor, (double, Tensor)>, Tensor>> StaleStates()
    {
        static Tensor Four() => torch.Tensor(4).Fill(0.5);
        return new()
        {
            { "optim.Sgd", "Dfdx", (f, x) => optim.Sgd(f, x, new SgdConfig { Momentum = 0.9, Dfdx = Four() }) },
            { "optim.Asgd", "Ax", (f, x) => optim.Asgd(f, x, new AsgdConfig { Ax = Four() }) },
            { "optim.Nag", "Dfdx", (f, x) => optim.Nag(f, x, new NagConfig { Dfdx = Four() }) },
            { "optim.Adagrad", "ParamVariance", (f, x) => optim.Adagrad(f, x, new AdagradConfig { ParamVariance = Four() }) },
            { "optim.Adadelta", "AccDelta", (f, x) => optim.Adadelta(f, x, new AdadeltaConfig { AccDelta = Four() }) },
            { "optim.Adam", "M", (f, x) => optim.Adam(f, x, new AdamConfig { M = Four() }) },
            { "optim.Adamax", "U", (f, x) => optim.Adamax(f, x, new AdamaxConfig { U = Four() }) },
            { "optim.Rmsprop", "M", (f, x) => optim.Rmsprop(f, x, new RmspropConfig { M = Four() }) },
            { "optim.Rprop", "Stepsizes", (f, x) => optim.Rprop(f, x, new RpropConfig { Stepsizes = Four() }) },
            { "optim.Lbfgs", "GOld", (f, x) => optim.Lbfgs(f, x, new LbfgsConfig { GOld = Four() }) },
        };
    }

    [Theory]
    [MemberData(nameof(StaleStates))]
    public void AStateTensorOfAnotherSizeThanXIsRefusedBeforeFevalRuns(string name, string field, Action<Func<Tensor, (double, Tensor)>, Tensor> run)
    {
        int calls = 0;
        (double, Tensor) Counting(Tensor x) { calls++; return (1, torch.Tensor(x.NElement()).Fill(1)); }
        var x = torch.Tensor(5).Fill(0.3);
        var act = () => run(Counting, x);
        act.Should().Throw<ArgumentException>().WithMessage($"{name}: state {field} must have 5 elements for an x of size 5, got a tensor of size 4 (4 elements)");
        calls.Should().Be(0);
        x.ToArray().Should().OnlyContain(v => v == 0.3);
    }

    [Fact]
    public void AdamaxChecksItsStackedMaximaAgainstTwiceX()
    {
        var x = torch.Tensor(5).Fill(0.3);
        var act = () => optim.Adamax(new Rosenbrock().Eval, x, new AdamaxConfig { Max = torch.Tensor(2, 4) });
        act.Should().Throw<ArgumentException>().WithMessage("optim.Adamax: state Max must have 10 elements for an x of size 5, got a tensor of size 2x4 (8 elements)");
        var ok = new AdamaxConfig();
        optim.Adamax(new Rosenbrock().Eval, x, ok);
        ok.Max!.NElement().Should().Be(10, "the state it makes itself passes the check on the next call");
        optim.Adamax(new Rosenbrock().Eval, x, ok);
    }

    [Fact]
    public void AFailedCallLeavesTheStateAsItWas()
    {
        var cfg = new SgdConfig { Momentum = 0.9 };
        var adam = new AdamConfig();
        var x = torch.Tensor(new[] { -1.2, 1.0 });
        ((Action)(() => optim.Sgd(WrongSize, x, cfg))).Should().Throw<ArgumentException>();
        ((Action)(() => optim.Adam(WrongSize, x, adam))).Should().Throw<ArgumentException>();
        cfg.EvalCounter.Should().Be(0);
        cfg.Dfdx.Should().BeNull();
        adam.T.Should().Be(0);
        adam.M.Should().BeNull();
    }

    [Fact]
    public void NagRestoresXWhenTheLookAheadEvaluationFails()
    {
        var cfg = new NagConfig();
        var x = torch.Tensor(new[] { -1.2, 1.0 });
        optim.Nag(new Rosenbrock().Eval, x, cfg);
        optim.Nag(new Rosenbrock().Eval, x, cfg); // now the velocity is non-zero
        var before = x.ToArray();
        ((Action)(() => optim.Nag(WrongSize, x, cfg))).Should().Throw<ArgumentException>();
        x.ToArray().Should().Equal(before);
        cfg.EvalCounter.Should().Be(2);
    }

    [Fact]
    public void BadConfigurationsAreRefusedBeforeFevalRuns()
    {
        int calls = 0;
        (double, Tensor) Counting(Tensor x) { calls++; return new Rosenbrock().Eval(x); }
        var x = torch.Tensor(new[] { -1.2, 1.0 });
        var cases = new (Action Act, string Says)[]
        {
            (() => optim.Sgd(Counting, x, new SgdConfig { LearningRate = -1 }), "LearningRate must be a finite number >= 0, got -1"),
            (() => optim.Sgd(Counting, x, new SgdConfig { Nesterov = true }), "Nesterov momentum requires a momentum and zero dampening"),
            (() => optim.Sgd(Counting, x, new SgdConfig { Nesterov = true, Momentum = 0.9 }), "Dampening = 0.9"),
            (() => optim.Sgd(Counting, x, new SgdConfig { LearningRates = torch.Tensor(3).Fill(1) }), "LearningRates must have as many elements as x (2), got 3"),
            (() => optim.Nag(Counting, x, new NagConfig { Momentum = 0 }), "Momentum must be positive"),
            (() => optim.Adam(Counting, x, new AdamConfig { Beta1 = 1.5 }), "Beta1 must lie in [0, 1], got 1.5"),
            (() => optim.Adagrad(Counting, x, new AdagradConfig { LearningRate = double.NaN }), "LearningRate"),
            (() => optim.Sgd(Counting, torch.LongTensor(2), new SgdConfig()), "expected x to be a Float or Double tensor, got a torch.LongTensor"),
            (() => optim.Sgd(Counting, torch.Tensor(), new SgdConfig()), "non-empty"),
            (() => optim.Cmaes(Counting, x, new CmaesConfig()), "Sigma"),
            (() => optim.De(Counting, x, new DeConfig { ScaleFactor = 0.5, CrossoverRate = 0.9 }), "MaxFEs"),
        };
        foreach (var (act, says) in cases)
            act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("optim.") && e.Message.Contains(says), says);
        calls.Should().Be(0);
        x.ToArray().Should().Equal(-1.2, 1.0);
    }

    [Fact]
    public void ASeparateStateKeepsTheCountersOffTheConfig()
    {
        var config = new SgdConfig { LearningRate = 1e-3, Momentum = 0.5 };
        var state = new SgdConfig();
        var x = torch.Tensor(new[] { -1.2, 1.0 });
        optim.Sgd(new Rosenbrock().Eval, x, config, state);
        optim.Sgd(new Rosenbrock().Eval, x, config, state);
        state.EvalCounter.Should().Be(2);
        state.Dfdx.Should().NotBeNull();
        config.EvalCounter.Should().Be(0);
        config.Dfdx.Should().BeNull();

        // the same two calls with the config as state end at the same point
        var y = torch.Tensor(new[] { -1.2, 1.0 });
        var shared = new SgdConfig { LearningRate = 1e-3, Momentum = 0.5 };
        optim.Sgd(new Rosenbrock().Eval, y, shared);
        optim.Sgd(new Rosenbrock().Eval, y, shared);
        y.ToArray().Should().Equal(x.ToArray());
    }

    [Fact]
    public void ResultsDeconstructIntoTwoOrThreeValues()
    {
        var x = torch.Tensor(new[] { -1.2, 1.0 });
        var (x1, fx) = optim.Lbfgs(new Rosenbrock().Eval, x, new LbfgsConfig { MaxIter = 3 });
        x1.Should().BeSameAs(x);
        fx[0].Should().BeApproximately(24.2, 1e-12);
        var (x2, fx2, ax) = optim.Asgd(new Rosenbrock().Eval, x, new AsgdConfig());
        x2.Should().BeSameAs(x);
        ax.ToArray().Should().Equal(x.ToArray()); // mu_t is 1 on the first call: ax = x
        fx2.Should().HaveCount(1);
    }
}
