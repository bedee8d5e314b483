namespace Torch.Nn.Tests;

public class SequentialTests
{
    static Sequential SeqConv()
    {
        var net = nn.Sequential();
        net.Add(nn.SpatialConvolution(1, 4, 3, 3)).Add(nn.ReLU()).Add(nn.SpatialMaxPooling(2, 2, 2, 2))
           .Add(nn.View(36)).Add(nn.Linear(36, 10)).Add(nn.LogSoftMax());
        return net;
    }

    [Fact]
    public void MatchesTorch7SeqConvFixture()
    {
        var net = SeqConv();
        var (ps, gs) = net.Parameters();
        ps[0].Copy(Fixtures.Tensor("seq_conv_param1", 4, 1, 3, 3));
        ps[1].Copy(Fixtures.Tensor("seq_conv_param2", 4));
        ps[2].Copy(Fixtures.Tensor("seq_conv_param3", 10, 36));
        ps[3].Copy(Fixtures.Tensor("seq_conv_param4", 10));
        var x = Fixtures.Tensor("seq_conv_input", 2, 1, 8, 8);
        Tensor y = net.Forward(x);
        y.Size().Should().Equal(2, 10);
        Check.Close(y, Fixtures.Numbers("seq_conv_output"), 1e-10);
        net.ZeroGradParameters();
        Tensor gi = net.Backward(x, Fixtures.Tensor("seq_conv_gradOutput", 2, 10));
        Check.Close(gi, Fixtures.Numbers("seq_conv_gradInput"), 1e-10);
        for (int i = 0; i < 4; i++) Check.Close(gs[i], Fixtures.Numbers($"seq_conv_gradparam{i + 1}"), 1e-10);
    }

    [Fact]
    public void PrintsLikeTorch7()
    {
        var net = nn.Sequential().Add(nn.Linear(10, 5)).Add(nn.Tanh());
        var outer = nn.Sequential().Add(net).Add(nn.Linear(5, 1));
        net.ToString().Should().Be("nn.Sequential {\n  [input -> (1) -> (2) -> output]\n  (1): nn.Linear(10 -> 5)\n  (2): nn.Tanh\n}");
        outer.ToString().Should().Be(
            "nn.Sequential {\n  [input -> (1) -> (2) -> output]\n  (1): nn.Sequential {\n    [input -> (1) -> (2) -> output]\n" +
            "    (1): nn.Linear(10 -> 5)\n    (2): nn.Tanh\n  }\n  (2): nn.Linear(5 -> 1)\n}");
        SeqConv().Get(1).ToString().Should().Be("nn.SpatialConvolution(1 -> 4, 3x3)");
        SeqConv().Get(3).ToString().Should().Be("nn.SpatialMaxPooling(2x2, 2,2)");
        nn.SpatialConvolution(3, 8, 5, 5, 2, 2, 1, 1).ToString().Should().Be("nn.SpatialConvolution(3 -> 8, 5x5, 2,2, 1,1)");
        SeqConv().Get(4).ToString().Should().Be("nn.View(36)");
    }

    [Fact]
    public void ContainerEditing()
    {
        var net = nn.Sequential().Add(nn.Linear(3, 4)).Add(nn.Tanh());
        net.Insert(nn.Sigmoid(), 2);
        net.Size().Should().Be(3);
        net.Get(2).Should().BeOfType<Sigmoid>();
        net.Get(-1).Should().BeOfType<Tanh>();
        net.Remove(2).Should().BeOfType<Sigmoid>();
        net.Remove().Should().BeOfType<Tanh>();
        net.Size().Should().Be(1);
        var lin1 = (Linear)net.Get(1);
        lin1.Weight.Size().Should().Equal(4, 3);
        var act = () => net.Get(5);
        act.Should().Throw<IndexOutOfRangeException>().WithMessage("*nn.Sequential.Get*5*1..1*");
    }

    [Fact]
    public void ErrorsNameTheModulePath()
    {
        var net = nn.Sequential().Add(nn.Linear(10, 5)).Add(nn.Sequential().Add(nn.Tanh()).Add(nn.Linear(4, 2)));
        var act = () => net.Forward(torch.Tensor(10).Uniform());
        act.Should().Throw<ArgumentException>()
            .WithMessage("In 2 module of nn.Sequential:\nIn 2 module of nn.Sequential:\nnn.Linear(4 -> 2): expected an input of size 4 or Bx4, got 5");
    }

    [Fact]
    public void TrainsAnMlpOnXor()
    {
        var net = nn.Sequential().Add(nn.Linear(2, 8)).Add(nn.Tanh()).Add(nn.Linear(8, 1)).Add(nn.Sigmoid());
        var rng = new Random(1); // a fixed start that does not depend on other tests drawing from torch's generator
        foreach (var p in net.Parameters().Params)
            p.Copy(torch.Tensor(Enumerable.Range(0, (int)p.NElement()).Select(_ => rng.NextDouble() * 2 - 1).ToArray()));
        var crit = nn.MSECriterion();
        var x = torch.Tensor(new double[,] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } });
        var t = torch.Tensor(new double[,] { { 0 }, { 1 }, { 1 }, { 0 } });
        double first = 0, err = 0;
        for (int i = 0; i < 2000; i++)
        {
            err = crit.Forward(net.Forward(x), t);
            if (i == 0) first = err;
            net.ZeroGradParameters();
            net.Backward(x, crit.Backward(net.Output, t));
            net.UpdateParameters(0.5);
        }
        err.Should().BeLessThan(first / 10);
    }

    [Fact]
    public void BackwardScaleMultipliesParameterGradients()
    {
        var lin = nn.Linear(3, 2);
        var x = torch.Tensor(3).Uniform();
        var go = torch.Tensor(2).Uniform();
        lin.ZeroGradParameters();
        lin.Backward(x, go);
        var once = lin.GradWeight.Clone();
        lin.ZeroGradParameters();
        lin.Backward(x, go, 2.5);
        Check.Close(lin.GradWeight, once.ToArray().Select(v => v * 2.5).ToArray(), 1e-14);
    }
}
