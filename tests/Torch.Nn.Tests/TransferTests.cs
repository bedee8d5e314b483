namespace Torch.Nn.Tests;

public class TransferTests
{
    public static TheoryData<string> Explicit => new() { "Tanh", "Sigmoid", "ReLU" };

    static Module Make(string name) => name switch
    {
        "Tanh" => nn.Tanh(),
        "Sigmoid" => nn.Sigmoid(),
        "ReLU" => nn.ReLU(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Explicit))]
    public void ExplicitTransfersPassJacobian(string name)
    {
        Check.Gradients(Make(name), torch.Tensor(3, 4));
        Check.Gradients(Make(name), torch.Tensor(5));
    }

    [Fact]
    public void ValuesMatchFormulas()
    {
        var x = torch.Tensor(new[] { -1.0, 0, 0.5 });
        Check.Close(nn.Tanh().Forward(x), new[] { Math.Tanh(-1), 0, Math.Tanh(0.5) }, 1e-15);
        Check.Close(nn.Sigmoid().Forward(x), new[] { 1 / (1 + Math.E), 0.5, 1 / (1 + Math.Exp(-0.5)) }, 1e-15);
        Check.Close(nn.ReLU().Forward(x), new[] { 0, 0, 0.5 }, 0);
        Check.Close(nn.Threshold(0.2, -3).Forward(x), new[] { -3, -3, 0.5 }, 0);
    }

    [Fact]
    public void TanhGradientIsOneMinusYSquaredTimesG()
    {
        var m = nn.Tanh();
        var x = torch.Tensor(new[] { 0.3, -0.7 });
        m.Forward(x);
        Tensor gi = m.Backward(x, torch.Tensor(new[] { 2.0, 1 }));
        Check.Close(gi, new[] { 2 * (1 - Math.Pow(Math.Tanh(0.3), 2)), 1 - Math.Pow(Math.Tanh(-0.7), 2) }, 1e-15);
    }

    /// <summary>Torch7's own Tanh and Sigmoid gradients (fixtures/pointwise, written by make-pointwise.lua from THNN's loops), bit for
    /// bit: from Torch7's outputs (so libtorch's forward rounding stays out of it), through the managed loop (dense tensors) and through
    /// libtorch's route (a strided gradOutput; in float that route rounds in float, not THNN's double: an ulp or so).</summary>
    [Theory]
    [InlineData("torch.DoubleTensor")]
    [InlineData("torch.FloatTensor")]
    public void GradientsRoundAsTorch7(string type)
    {
        var c = (Table)((Table)torch.Load(Path.Combine(AppContext.BaseDirectory, "fixtures", "pointwise", "pointwise.t7"))!)[type];
        Tensor x = c["x"], g = c["g"];
        var strided = torch.Tensor(g.Size(2), g.Size(1)).Type(type).T().Copy(g);
        strided.IsContiguous().Should().BeFalse();
        foreach (var name in new[] { "Tanh", "Sigmoid" })
        {
            var expected = (Table)c[name];
            Tensor y = expected["output"], gi = expected["gradInput"];
            var m = Make(name).Type(type);
            Check.Close((Tensor)m.Forward(x), y, type == "torch.FloatTensor" ? 1e-6 : 1e-15);
            m.Output = y;
            Check.Close((Tensor)m.UpdateGradInput(x, g), gi, 0);
            Check.Close((Tensor)m.UpdateGradInput(x, strided), gi, type == "torch.FloatTensor" ? 1e-6 : 0);
        }
    }

    /// <summary>LogSoftMax as THNN computes it (the same fixture: rows, a vector, the channels of a batch of images), bit for bit:
    /// forward and backward, and from a strided input (made contiguous first, as THNN does).</summary>
    [Theory]
    [InlineData("torch.DoubleTensor")]
    [InlineData("torch.FloatTensor")]
    public void LogSoftMaxRoundsAsTorch7(string type)
    {
        var c = (Table)((Table)torch.Load(Path.Combine(AppContext.BaseDirectory, "fixtures", "pointwise", "pointwise.t7"))!)[type];
        foreach (var dims in new[] { 2, 1, 4 })
        {
            var e = (Table)c["LogSoftMax" + dims];
            Tensor x = e["x"], g = e["g"];
            var m = nn.LogSoftMax().Type(type);
            Check.Close((Tensor)m.Forward(x), (Tensor)e["output"], 0);
            Check.Close((Tensor)m.Backward(x, g), (Tensor)e["gradInput"], 0);
            if (dims != 2) continue;
            var strided = torch.Tensor(x.Size(2), x.Size(1)).Type(type).T().Copy(x);
            Check.Close((Tensor)m.Forward(strided), (Tensor)e["output"], 0);
        }
    }

    [Fact]
    public void InplaceReLUWritesIntoItsInput()
    {
        var x = torch.Tensor(new[] { -1.0, 2 });
        Tensor y = nn.ReLU(inplace: true).Forward(x);
        ReferenceEquals(x, y).Should().BeTrue();
        x.ToArray().Should().Equal(0, 2);
    }
}

public class BackwardErrorTests
{
    [Fact]
    public void AWrongGradOutputNamesTheModule()
    {
        var relu = nn.ReLU();
        var x = torch.Tensor(4).Uniform(-1, 1);
        relu.Forward(x);
        var act = () => relu.Backward(x, torch.Tensor(3));
        act.Should().Throw<ArgumentException>().WithMessage("nn.ReLU*gradOutput*3*");
        var tanh = nn.Tanh();
        tanh.Forward(x);
        var act2 = () => tanh.Backward(x, torch.Tensor(3));
        act2.Should().Throw<ArgumentException>().WithMessage("*Tanh*gradOutput of size 3*");
    }

    [Fact]
    public void EdgeGradientsFollowThnn()
    {
        // THNN HardTanh: gradient 0 where x <= min or x >= max; ReLU6 is HardTanh(0, 6).
        var x = torch.Tensor(new[] { -1.0, -0.5, 1.0, 2.0 });
        var g = torch.Tensor(new[] { 1.0, 1.0, 1.0, 1.0 });
        Check.Close((Tensor)nn.HardTanh().Backward(x, g), new[] { 0.0, 1, 0, 0 }, 0);
        var x6 = torch.Tensor(new[] { 0.0, 3, 6, 7 });
        Check.Close((Tensor)nn.ReLU6().Backward(x6, g), new[] { 0.0, 1, 0, 0 }, 0);
        // THNN Abs: g * (x >= 0 ? 1 : -1), so g at x = 0.
        var xa = torch.Tensor(new[] { -2.0, 0, 3 });
        var ga = torch.Tensor(new[] { 5.0, 5, 5 });
        Check.Close((Tensor)nn.Abs().Backward(xa, ga), new[] { -5.0, 5, 5 }, 0);
        // THNN Sqrt: 0.5 g / y, and 0 where y = 0; the CPU kernel ignores eps.
        var sq = nn.Sqrt(1e-8);
        var xs = torch.Tensor(new[] { 0.0, 4 });
        Check.Close((Tensor)sq.Forward(xs), new[] { 0.0, 2 }, 0);
        Check.Close((Tensor)sq.Backward(xs, torch.Tensor(new[] { 1.0, 1 })), new[] { 0.0, 0.25 }, 0);
    }
}
