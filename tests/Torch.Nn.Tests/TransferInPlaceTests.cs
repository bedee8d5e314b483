namespace Torch.Nn.Tests;

/// <summary>Lua's in-place flags of the transfer modules (the input tensor becomes the output), THNN's gradients at the kinks, and
/// the Lua texts — values computed by hand from THNN's formulas.</summary>
public class TransferInPlaceTests
{
    static Tensor V(params double[] v) => torch.Tensor(v);

    [Fact]
    public void EluGradientComesFromTheOutputAndHoldsInPlace()
    {
        double a = 0.5;
        double[] y = { a * (Math.Exp(-1) - 1), 0, 2 };
        double[] gi = { a * Math.Exp(-1), a, 1 }; // g (y + alpha) where y <= 0, x = 0 included
        foreach (bool inplace in new[] { false, true })
        {
            var x = V(-1, 0, 2);
            var m = nn.ELU(a, inplace);
            Tensor o = m.Forward(x);
            Check.Close(o, y, 1e-15);
            ReferenceEquals(o, x).Should().Be(inplace);
            Check.Close((Tensor)m.Backward(x, V(1, 1, 1)), gi, 1e-15);
        }
        Jacobian.TestJacobian(nn.ELU(0.7), torch.Tensor(3, 4)).Should().BeLessThan(Check.Precision);
        nn.ELU().ToString().Should().Be("nn.ELU (alpha:1.000000)");
    }

    [Fact]
    public void LeakyReluInPlaceAndItsText()
    {
        var x = V(-2, 0, 3);
        var m = nn.LeakyReLU(0.2, true);
        Tensor o = m.Forward(x);
        ReferenceEquals(o, x).Should().BeTrue();
        x.ToArray().Should().Equal(-0.4, 0, 3);
        Check.Close((Tensor)m.Backward(x, V(1, 1, 1)), new[] { 0.2, 0.2, 1 }, 1e-15);
        nn.LeakyReLU(-0.1, true).Inplace.Should().BeFalse("Lua turns in-place off for a negative slope");
        nn.LeakyReLU().ToString().Should().Be("nn.LeakyReLU(0.01)");
        nn.LeakyReLU(0.2).ToString().Should().Be("nn.LeakyReLU(0.2)");
        Jacobian.TestJacobian(nn.LeakyReLU(0.3), torch.Tensor(5)).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void HardTanhAndRelu6InPlace()
    {
        var x = V(-3, -1, 0.5, 1, 4);
        var h = nn.HardTanh(-1, 1, true);
        ReferenceEquals(h.Forward(x).Object, x).Should().BeTrue();
        x.ToArray().Should().Equal(-1, -1, 0.5, 1, 1);
        ((Tensor)h.Backward(x, V(1, 1, 1, 1, 1))).ToArray().Should().Equal(0, 0, 1, 0, 0);
        var r = V(-1, 3, 7);
        var relu6 = nn.ReLU6(true);
        relu6.Forward(r);
        r.ToArray().Should().Equal(0, 3, 6);
        ((Tensor)relu6.Backward(r, V(2, 2, 2))).ToArray().Should().Equal(0, 2, 0);
    }

    [Fact]
    public void ConstantsInPlacePutTheInputBack()
    {
        var x = V(1, 2);
        var add = nn.AddConstant(3, true);
        ReferenceEquals(add.Forward(x).Object, x).Should().BeTrue();
        x.ToArray().Should().Equal(4, 5);
        var g = V(1, -1);
        ReferenceEquals(add.Backward(x, g).Object, g).Should().BeTrue();
        x.ToArray().Should().Equal(1, 2);

        var mul = nn.MulConstant(2, true);
        mul.Forward(x);
        x.ToArray().Should().Equal(2, 4);
        var g2 = V(1, -1);
        ((Tensor)mul.Backward(x, g2)).ToArray().Should().Equal(2, -2);
        x.ToArray().Should().Equal(1, 2);

        ((Tensor)nn.MulConstant(-3).Backward(V(5), V(2))).ToArray().Should().Equal(-6);
        ((Tensor)nn.AddConstant(-3).Forward(V(5))).ToArray().Should().Equal(2);
    }

    [Fact]
    public void RreluSlopesZeroAndPrintsLikeLua()
    {
        var r = nn.RReLU(0.1, 0.3);
        r.Evaluate();
        var x = V(-1, 0, 2);
        ((Tensor)r.Forward(x)).ToArray().Should().Equal(-0.2, 0, 2);
        Check.Close((Tensor)r.Backward(x, V(1, 1, 1)), new[] { 0.2, 0.2, 1 }, 1e-15);
        var inplace = nn.RReLU(0.1, 0.3, true);
        inplace.Evaluate();
        var y = V(-1, 4);
        inplace.Forward(y);
        Check.Close(y, new[] { -0.2, 4 }, 1e-15);
        nn.RReLU().ToString().Should().Be("nn.RReLU (l:0.125000, u:0.333333)"); // what the Torch7 built from torch/nn prints
    }

    [Fact]
    public void BilinearPrintsLuasFormat()
    {
        nn.Bilinear(3, 4, 2).ToString().Should().Be("nn.Bilinear(3x4 -> 2) ");
        nn.Bilinear(3, 4, 2, false).ToString().Should().Be("nn.Bilinear(3x4 -> 2)  without bias");
    }
}
