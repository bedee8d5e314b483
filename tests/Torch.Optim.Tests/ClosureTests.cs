using Torch.Nn;
using Torch.Optim;

namespace Torch.Optim.Tests;

/// <summary>DESIGN.md's closure example, verbatim in shape: optim.Sgd trains a real convolutional network.</summary>
public class ClosureTests
{
    [Fact]
    public void The_talks_feval_closure_trains_a_network_with_Sgd()
    {
        torch.ManualSeed(1);
        var net = nn.Sequential();
        net.Add(nn.SpatialConvolution(3, 16, 5, 5));
        net.Add(nn.Tanh());
        net.Add(nn.SpatialMaxPooling(2, 2, 2, 2));
        net.Add(nn.View(16 * 2 * 2));
        net.Add(nn.Linear(16 * 2 * 2, 3));
        net.Add(nn.LogSoftMax());
        var crit = nn.ClassNLLCriterion();

        var x = torch.Tensor(6, 3, 8, 8).Normal();
        var targets = torch.Tensor(new double[] { 1, 2, 3, 1, 2, 3 });   // 1-based class indices
        var (w, dw) = net.GetParameters();

        var config = new SgdConfig { LearningRate = 0.05, Momentum = 0.9 };
        (double, Tensor) Feval(Tensor xNew)
        {
            if (!ReferenceEquals(xNew, w)) w.Copy(xNew);
            dw.Zero();
            Tensor o = net.Forward(x);
            double f = crit.Forward(o, targets);
            net.Backward(x, crit.Backward(o, targets));
            return (f, dw);
        }

        double first = 0, last = 0;
        for (int step = 0; step < 60; step++)
        {
            var (xOut, fx) = optim.Sgd(Feval, w, config);
            xOut.Should().BeSameAs(w, "x is updated in place and returned");
            if (step == 0) first = fx[0];
            last = fx[0];
        }
        config.EvalCounter.Should().Be(60, "the config carries the state between calls");
        first.Should().BeApproximately(Math.Log(3), 0.5, "an untrained 3-class net starts near log 3");
        last.Should().BeLessThan(first / 10, "60 steps of SGD with momentum fit 6 samples");
    }
}
