namespace Torch.Nn.Tests;

public class CriterionTests
{
    [Fact]
    public void MSEIsTheMeanSquaredError()
    {
        var x = torch.Tensor(new[] { 1.0, 2, 3 });
        var t = torch.Tensor(new[] { 0.0, 2, 5 });
        nn.MSECriterion().Forward(x, t).Should().BeApproximately(5.0 / 3, 1e-15);
        nn.MSECriterion(sizeAverage: false).Forward(x, t).Should().Be(5);
        Tensor g = nn.MSECriterion().Backward(x, t);
        Check.Close(g, new[] { 2.0 / 3, 0, -4.0 / 3 }, 1e-15);
    }

    [Fact]
    public void ClassNLLPicksMinusTheTargetLogProbability()
    {
        var x = torch.Tensor(new double[,] { { -1, -2, -3 }, { -0.5, -4, -6 } });
        var t = torch.Tensor(new[] { 3.0, 1 });
        var crit = nn.ClassNLLCriterion();
        crit.Forward(x, t).Should().BeApproximately((3 + 0.5) / 2, 1e-15);
        Tensor g = crit.Backward(x, t);
        g.ToArray().Should().Equal(0, 0, -0.5, -0.5, 0, 0);
        nn.ClassNLLCriterion().Forward(torch.Tensor(new[] { -1.0, -2 }), 2).Should().Be(2);
    }

    [Fact]
    public void ClassNLLWeightsAndIgnoreIndex()
    {
        var x = torch.Tensor(new double[,] { { -1, -2 }, { -3, -4 }, { -5, -6 } });
        var crit = nn.ClassNLLCriterion(torch.Tensor(new[] { 1.0, 3 }), ignoreIndex: 1);
        crit.Forward(x, torch.Tensor(new[] { 2.0, 1, 2 })).Should().BeApproximately((3 * 2 + 3 * 6) / 6.0, 1e-14);
        crit.TotalWeight.Should().Be(6);
    }

    [Fact]
    public void ClassNLLTargetOutOfRangeNamesTheClassCount()
    {
        var x = torch.Tensor(2, 10).Fill(-1);
        var act = () => nn.ClassNLLCriterion().Forward(x, torch.Tensor(new[] { 0.0, 3 }));
        act.Should().Throw<IndexOutOfRangeException>().WithMessage("*target 0*1..10*10 classes*");
        var act2 = () => nn.ClassNLLCriterion().Forward(x, torch.Tensor(new[] { 11.0, 3 }));
        act2.Should().Throw<IndexOutOfRangeException>().WithMessage("*11*");
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        var x = torch.Tensor(4, 3).Uniform(-2, 2);
        Jacobian.TestCriterion(nn.MSECriterion(), x, torch.Tensor(4, 3).Uniform()).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.ClassNLLCriterion(), x, torch.Tensor(new[] { 1.0, 3, 2, 2 })).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.ClassNLLCriterion(torch.Tensor(new[] { 0.5, 1, 2 }), false), x, torch.Tensor(new[] { 1.0, 3, 2, 2 }))
            .Should().BeLessThan(Check.Precision);
    }
}
