namespace Torch.Optim.Tests;

/// <summary>Checkgrad, Polyinterp, Lswolfe and FistaLS against hand-computed truths.</summary>
public class ToolTests
{
    [Fact]
    public void CheckgradAcceptsTheAnalyticGradientAndRejectsAWrongOne()
    {
        var x = torch.Tensor(new[] { -1.2, 1, 0.5 });
        var (diff, dC, dCEst) = optim.Checkgrad(new Rosenbrock().Eval, x);
        diff.Should().BeLessThan(1e-7);
        dC.ToArray().Should().Equal(Rosenbrock.Grad(new[] { -1.2, 1, 0.5 }));
        ((double)dCEst[1]).Should().BeApproximately((double)dC[1], 1e-4);
        x.ToArray().Should().Equal(-1.2, 1, 0.5); // restored

        (double, Tensor) Wrong(Tensor p) { var (f, g) = new Rosenbrock().Eval(p); return (f, g.Add(1)); }
        optim.Checkgrad(Wrong, x).Diff.Should().BeGreaterThan(1e-3);
    }

    [Fact]
    public void PolyinterpFindsTheMinimumOfACubicThroughTwoPoints()
    {
        // f(x) = (x - 0.3)²: f(0) = 0.09, f'(0) = -0.6; f(1) = 0.49, f'(1) = 1.4
        var points = torch.Tensor(new double[,] { { 0, 0.09, -0.6 }, { 1, 0.49, 1.4 } });
        optim.Polyinterp(points).MinPos.Should().BeApproximately(0.3, 1e-12);
        var (bounded, fmin) = optim.Polyinterp(points, -1, 2);
        bounded.Should().BeApproximately(0.3, 1e-9);
        fmin!.Value.Should().BeApproximately(0, 1e-12);
        optim.Polyinterp(points, 0.5, 2).MinPos.Should().Be(0.5); // the bound when the minimum lies outside
    }

    [Fact]
    public void LswolfeReturnsAStepMeetingTheStrongWolfeConditions()
    {
        var fn = new Rosenbrock();
        var x = torch.Tensor(new[] { -1.2, 1.0 });
        var (f, g) = fn.Eval(x);
        var d = g.Clone().Apply(v => -v);
        double gtd = -g.ToArray().Sum(v => v * v);
        var (fNew, gNew, xNew, t, n) = optim.Lswolfe(fn.Eval, x, 1e-3, d, f, g, gtd);
        xNew.Should().BeSameAs(x);
        fNew.Should().Be(Rosenbrock.F(x.ToArray())).And.BeLessThanOrEqualTo(f + 1e-4 * t * gtd);
        double gtdNew = gNew.ToArray().Zip(d.ToArray(), (a, b) => a * b).Sum();
        Math.Abs(gtdNew).Should().BeLessThanOrEqualTo(-0.9 * gtd);
        n.Should().Be(fn.Evaluations - 1);
    }

    [Fact]
    public void FistaSolvesALassoWithIdentityDesign()
    {
        // min 0.5 |x - b|² + lambda |x|_1 has the solution soft(b, lambda) = sign(b) max(|b| - lambda, 0)
        double lambda = 0.5;
        var b = torch.Tensor(new[] { 2.0, -0.3, 0.1, -1.5 });
        (double, Tensor?) F(Tensor x, bool dx)
        {
            var r = torch.Add(x, -1, b);
            double v = 0.5 * r.ToArray().Sum(e => e * e);
            return (v, dx ? r : null);
        }
        double G(Tensor x) => lambda * x.ToArray().Sum(Math.Abs);
        void Pl(Tensor x, double l) => x.Apply(v => Math.Sign(v) * Math.Max(Math.Abs(v) - lambda / l, 0));
        foreach (bool fista in new[] { true, false })
        {
            var x0 = torch.Tensor(4);
            var p = new FistaLSConfig { DoFistaUpdate = fista, Maxiter = 200, Errthres = 1e-12 };
            var (sol, history) = optim.FistaLS(F, G, Pl, x0, p);
            var expected = new[] { 1.5, 0, 0, -1.0 };
            for (int i = 0; i < 4; i++) ((double)sol[i + 1]).Should().BeApproximately(expected[i], 1e-6);
            x0.ToArray().Should().Equal(sol.ToArray());
            history.Should().NotBeEmpty();
            history[^1].F.Should().BeApproximately(0.5 * (0.25 + 0.09 + 0.01 + 0.25) + lambda * 2.5, 1e-9);
            p.L.Should().Be(history[^1].L);
        }
    }
}
