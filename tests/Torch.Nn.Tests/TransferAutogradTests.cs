namespace Torch.Nn.Tests;

public class TransferAutogradTests
{
    public static TheoryData<string> Names => new()
    {
        "Exp", "Abs", "Square", "Power", "SoftSign", "TanhShrink", "LogSigmoid", "SoftPlus", "HardTanh", "ReLU6", "HardShrink",
        "SoftShrink", "LeakyReLU", "ELU", "SoftMax", "LogSoftMax", "SoftMin", "AddConstant", "MulConstant", "GatedLinearUnit",
    };

    static Module Make(string name) => name switch
    {
        "Exp" => nn.Exp(),
        "Abs" => nn.Abs(),
        "Square" => nn.Square(),
        "Power" => nn.Power(3),
        "SoftSign" => nn.SoftSign(),
        "TanhShrink" => nn.TanhShrink(),
        "LogSigmoid" => nn.LogSigmoid(),
        "SoftPlus" => nn.SoftPlus(2),
        "HardTanh" => nn.HardTanh(),
        "ReLU6" => nn.ReLU6(),
        "HardShrink" => nn.HardShrink(),
        "SoftShrink" => nn.SoftShrink(),
        "LeakyReLU" => nn.LeakyReLU(0.2),
        "ELU" => nn.ELU(0.7),
        "SoftMax" => nn.SoftMax(),
        "LogSoftMax" => nn.LogSoftMax(),
        "SoftMin" => nn.SoftMin(),
        "AddConstant" => nn.AddConstant(3),
        "MulConstant" => nn.MulConstant(-2),
        "GatedLinearUnit" => nn.GatedLinearUnit(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void PassJacobianSingleAndBatch(string name)
    {
        double precision = name is "SoftMax" or "SoftMin" ? 1.1e-4 : name == "LogSoftMax" ? 1e-3 : Check.Precision;
        Jacobian.TestJacobian(Make(name), torch.Tensor(6)).Should().BeLessThan(precision);
        Jacobian.TestJacobian(Make(name), torch.Tensor(3, 4)).Should().BeLessThan(precision);
    }

    [Fact]
    public void PositiveDomainTransfers()
    {
        Jacobian.TestJacobian(nn.Log(), torch.Tensor(5), 0.1, 2).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(nn.Sqrt(), torch.Tensor(2, 5), 0.1, 2).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void ValuesMatchTorch7Formulas()
    {
        var x = torch.Tensor(new[] { -2.0, -0.3, 0.4, 3 });
        Check.Close(nn.HardTanh().Forward(x), new[] { -1, -0.3, 0.4, 1 }, 0);
        Check.Close(nn.ReLU6().Forward(torch.Tensor(new[] { -1.0, 7 })), new[] { 0.0, 6 }, 0);
        Check.Close(nn.HardShrink().Forward(x), new[] { -2.0, 0, 0, 3 }, 0);
        Check.Close(nn.SoftShrink().Forward(x), new[] { -1.5, 0, 0, 2.5 }, 1e-15);
        Check.Close(nn.LeakyReLU().Forward(x), new[] { -0.02, -0.003, 0.4, 3 }, 1e-15);
        Check.Close(nn.ELU().Forward(x), new[] { Math.Exp(-2) - 1, Math.Exp(-0.3) - 1, 0.4, 3 }, 1e-15);
        Check.Close(nn.SoftSign().Forward(x), new[] { -2.0 / 3, -0.3 / 1.3, 0.4 / 1.4, 0.75 }, 1e-15);
        Check.Close(nn.SoftPlus().Forward(x), x.ToArray().Select(v => Math.Log(1 + Math.Exp(v))).ToArray(), 1e-15);
        Check.Close(nn.LogSigmoid().Forward(x), x.ToArray().Select(v => -Math.Log(1 + Math.Exp(-v))).ToArray(), 1e-15);
        Check.Close(nn.Power(2).Forward(x), new[] { 4, 0.09, 0.16, 9 }, 1e-15);
        Check.Close(nn.SoftMax().Forward(torch.Tensor(new[] { 0.0, Math.Log(3) })), new[] { 0.25, 0.75 }, 1e-15);
        Check.Close(nn.SoftMin().Forward(torch.Tensor(new[] { 0.0, Math.Log(3) })), new[] { 0.75, 0.25 }, 1e-15);
        Check.Close(nn.GatedLinearUnit().Forward(torch.Tensor(new[] { 2.0, 0 })), new[] { 1.0 }, 1e-15);
    }

    [Fact]
    public void SoftMaxUsesTheChannelDimensionOfImages()
    {
        var x = torch.Tensor(2, 3, 4, 4).Uniform();
        Tensor y = nn.SoftMax().Forward(x);
        double s = 0;
        for (int c = 1; c <= 3; c++) s += y[1, c, 2, 3];
        s.Should().BeApproximately(1, 1e-12);
        Tensor sy = nn.SpatialSoftMax().Forward(x);
        Check.Close(sy, y, 1e-15);
        Jacobian.TestJacobian(nn.SpatialLogSoftMax(), torch.Tensor(2, 3, 2, 2)).Should().BeLessThan(1e-3);
    }
}
