namespace Torch.Nn.Tests;

/// <summary>The nn snippets of DESIGN.md, as written there.</summary>
public class DesignSnippetTests
{
    [Fact]
    public void ConvNetSnippetCompilesAndTrains()
    {
        var x = torch.Tensor(4, 3, 12, 12).Uniform();
        var targets = torch.Tensor(new[] { 1.0, 5, 16, 3 });
        var net = nn.Sequential();
        net.Add(nn.SpatialConvolution(3, 16, 5, 5));
        net.Add(nn.Tanh());
        net.Add(nn.SpatialMaxPooling(2, 2, 2, 2));
        net.Add(nn.View(16 * 4 * 4));
        net.Add(nn.LogSoftMax());
        Tensor y = net.Forward(x);
        y.Size().Should().Equal(4, 256);
        var crit = nn.ClassNLLCriterion();
        double err = crit.Forward(y, targets);
        err.Should().BeGreaterThan(0);
        net.ZeroGradParameters();
        net.Backward(x, crit.Backward(y, targets));
        var (w, dw) = net.GetParameters();
        w.NElement().Should().Be(16 * 3 * 5 * 5 + 16);
        ((SpatialConvolution)net.Get(1)).Weight.StorageOffset().Should().Be(1);

        // a few steps of the DESIGN's feval loop (plain SGD on the flat parameters) lower the loss
        double first = 0;
        for (int i = 0; i < 5; i++)
        {
            dw.Zero();
            Tensor o = net.Forward(x);
            double f = crit.Forward(o, targets);
            if (i == 0) first = f;
            net.Backward(x, crit.Backward(o, targets));
            w.Add(-0.5, dw);
        }
        crit.Forward(net.Forward(x), targets).Should().BeLessThan(first);
    }

    [Fact]
    public void ConvNetSnippetLiterally()
    {
        var x = torch.Tensor(2, 3, 6, 6).Uniform();
        var targets = torch.Tensor(new[] { 4.0, 16 });
        var net = nn.Sequential();
        net.Add(nn.SpatialConvolution(3, 16, 5, 5));
        net.Add(nn.Tanh());
        net.Add(nn.SpatialMaxPooling(2, 2, 2, 2));
        Tensor y = net.Forward(x);                     // 2x16x1x1
        var crit = nn.ClassNLLCriterion();
        double err = crit.Forward(y, targets);         // targets are 1-based class indices
        err.Should().BeApproximately(-((double)y[1, 4, 1, 1] + (double)y[2, 16, 1, 1]) / 2, 1e-12);
        net.ZeroGradParameters();
        net.Backward(x, crit.Backward(y, targets));
        var (w, dw) = net.GetParameters();             // one flat storage; every weight is now a view of w
        w.NElement().Should().Be(16 * 3 * 25 + 16);
        dw.ToArray().Should().Contain(v => v != 0);
        ((SpatialConvolution)net.Get(1)).GradWeight.StorageOffset().Should().Be(1);
    }

    [Fact]
    public void FieldAccessorsAndClone()
    {
        var net = nn.Sequential().Add(nn.Linear(3, 2));
        var lin1 = (Linear)net.Get(1);
        Tensor wt = lin1.Weight; Tensor b = lin1.Bias;
        Tensor gw = lin1.GradWeight; Tensor gb = lin1.GradBias;
        wt.Size().Should().Equal(2, 3);
        b.Size().Should().Equal(2);
        gw.Size().Should().Equal(2, 3);
        gb.Size().Should().Equal(2);
        var replica = net.Clone("weight", "bias");
        ((Linear)((Sequential)replica).Get(1)).Weight.Storage().Should().NotBeNull();
        wt.Fill(9);
        ((Linear)((Sequential)replica).Get(1)).Weight.ToArray().Should().OnlyContain(v => v == 9);
        double maxErr = Jacobian.TestJacobian(nn.Linear(4, 2), torch.Tensor(4));
        maxErr.Should().BeLessThan(1e-5);
        var crit = nn.MSECriterion();
        double e = crit.Forward(net.Forward(torch.Tensor(3).Uniform()), torch.Tensor(2).Zero());
        e.Should().BeGreaterThanOrEqualTo(0);
    }
}
