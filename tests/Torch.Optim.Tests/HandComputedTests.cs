namespace Torch.Optim.Tests;

/// <summary>Options the Rosenbrock fixtures do not exercise, against values computed by hand from Lua's formulas.</summary>
public class HandComputedTests
{
    /// <summary>f(x) = |x|² / 2, so df/dx = x (a fresh tensor).</summary>
    static (double, Tensor) Half(Tensor x) => (x.ToArray().Sum(v => v * v) / 2, x.Clone());

    [Fact]
    public void SgdPerParameterLearningRatesWeightDecaysAndDecay()
    {
        var cfg = new SgdConfig
        {
            LearningRate = 0.1, LearningRateDecay = 1,
            LearningRates = torch.Tensor(new[] { 1.0, 0.5 }), WeightDecays = torch.Tensor(new[] { 0.1, 0 }),
        };
        var x = torch.Tensor(new[] { 1.0, 2.0 });
        var (_, fx) = optim.Sgd(Half, x, cfg);
        fx.Should().Equal(2.5);
        // dfdx = x + wds .* x = (1.1, 2); step = lrs .* dfdx = (1.1, 1); x -= 0.1 * step
        x.ToArray().Should().Equal(1 - 0.1 * 1.1, 2 - 0.1 * 1.0);
        var x1 = x.ToArray();
        optim.Sgd(Half, x, cfg);
        // second call: clr = 0.1 / (1 + 1 * 1) = 0.05
        x.ToArray().Should().Equal(x1[0] - 0.05 * (x1[0] + 0.1 * x1[0]), x1[1] - 0.05 * (0.5 * x1[1]));
        cfg.DecayParameters.Should().NotBeNull();
        cfg.DeltaParameters.Should().NotBeNull();
    }

    [Fact]
    public void AsgdAveragesTheIteratesAfterT0()
    {
        // mu_t = 1 / max(1, t - t0): with t0 = 1, ax is x until call 3, then the running mean of x3, x4, ...
        var cfg = new AsgdConfig { Eta0 = 0.1, Lambda = 0, T0 = 1 };
        var x = torch.Tensor(new[] { 1.0, -2.0 });
        var xs = new List<double[]>();
        Tensor ax = null!;
        for (int i = 0; i < 5; i++)
        {
            (_, _, ax) = optim.Asgd(Half, x, cfg);
            xs.Add(x.ToArray());
        }
        for (int j = 0; j < 2; j++)
        {
            double mean = (xs[2][j] + xs[3][j] + xs[4][j]) / 3;
            ((double)ax[j + 1]).Should().BeApproximately(mean, 1e-15);
        }
        cfg.T.Should().Be(5);
        cfg.MuT.Should().Be(1.0 / 4);
        cfg.EtaT.Should().Be(0.1); // lambda = 0 keeps eta constant
    }

    [Fact]
    public void RmspropStartsItsMeanSquareAtInitialMean()
    {
        var cfg = new RmspropConfig { LearningRate = 0.1, Alpha = 0.5, InitialMean = 3, Epsilon = 0 };
        var x = torch.Tensor(new[] { 2.0 });
        optim.Rmsprop(Half, x, cfg);
        // m = 0.5 * 3 + 0.5 * 4 = 3.5; x = 2 - 0.1 * 2 / sqrt(3.5)
        ((double)cfg.M![1]).Should().Be(3.5);
        ((double)x[1]).Should().BeApproximately(2 - 0.1 * 2 / Math.Sqrt(3.5), 1e-15);
    }

    [Fact]
    public void AdamAddsWeightDecayToTheGradient()
    {
        // with wd = 1 the gradient of |x|²/2 doubles, and Adam's first moment is (1 - beta1) times it
        var adam = new AdamConfig { WeightDecay = 1 };
        var x = torch.Tensor(new[] { 1.5 });
        optim.Adam(Half, x, adam);
        ((double)adam.M![1]).Should().BeApproximately(0.1 * 3.0, 1e-15); // (1 - beta1) * (x + wd x)
    }
}
