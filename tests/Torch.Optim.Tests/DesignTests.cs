namespace Torch.Optim.Tests;

/// <summary>The optim part of DESIGN.md's snippet, on a least-squares fit instead of a network, and Float parameters.</summary>
public class DesignTests
{
    [Fact]
    public void TheSnippetsClosureTrainsAModel()
    {
        // fit y = 2 a - 3 b + 0.5 with w = (2, -3, 0.5): the optimum is known exactly
        var inputs = new[] { (1.0, 2.0), (0.5, -1.0), (-2.0, 0.25), (3.0, 1.5), (-1.0, -2.0) };
        var w = torch.Tensor(3).Zero();
        var dw = torch.Tensor(3).Zero();
        (double, Tensor) Feval(Tensor xNew)
        {
            if (!ReferenceEquals(xNew, w)) w.Copy(xNew);
            dw.Zero();
            double f = 0;
            foreach (var (a, b) in inputs)
            {
                double err = w[1] * a + w[2] * b + w[3] - (2 * a - 3 * b + 0.5);
                f += err * err / inputs.Length;
                dw[1] = dw[1] + 2 * err * a / inputs.Length;
                dw[2] = dw[2] + 2 * err * b / inputs.Length;
                dw[3] = dw[3] + 2 * err / inputs.Length;
            }
            return (f, dw);
        }
        var config = new SgdConfig { LearningRate = 0.01, Momentum = 0.9 };
        double first = 0, last = 0;
        for (int i = 0; i < 2000; i++)
        {
            var (_, fx) = optim.Sgd(Feval, w, config);     // fx[0] is the loss; config carries the state
            if (i == 0) first = fx[0];
            last = fx[0];
        }
        first.Should().BeGreaterThan(1);
        last.Should().BeLessThan(1e-12);
        w.ToArray().Should().BeEquivalentTo(new[] { 2, -3, 0.5 }, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-6)).WhenTypeIs<double>());
        config.EvalCounter.Should().Be(2000);
        var cfg = new AdamConfig { LearningRate = 0.002 };
        cfg.Beta1.Should().Be(0.9);
    }

    [Fact]
    public void FloatParametersStayFloat()
    {
        var x = torch.FloatTensor(2).Zero();
        var cfg = new AdamConfig { LearningRate = 0.01 };
        var fn = new Rosenbrock();
        for (int i = 0; i < 3000; i++) optim.Adam(fn.Eval, x, cfg);
        x.Type().Should().Be("torch.FloatTensor");
        cfg.M!.Type().Should().Be("torch.FloatTensor");
        Rosenbrock.F(x.ToArray()).Should().BeLessThan(1e-3);

        var y = torch.FloatTensor(2).Zero();
        var (_, fHist, _) = optim.Lbfgs(fn.Eval, y, new LbfgsConfig { MaxIter = 100, LineSearch = optim.Lswolfe });
        fHist[^1].Should().BeLessThan(1e-6);
    }
}
