namespace Torch.Nn.Tests;

public class LinearTests
{
    [Fact]
    public void ForwardIsWxPlusB()
    {
        var lin = nn.Linear(2, 2);
        lin.Weight.Copy(torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } }));
        lin.Bias.Copy(torch.Tensor(new[] { 0.5, -1 }));
        Tensor y = lin.Forward(torch.Tensor(new[] { 1.0, -1 }));
        y.ToArray().Should().Equal(-0.5, -2);
        Tensor yb = lin.Forward(torch.Tensor(new double[,] { { 1, -1 }, { 2, 0 } }));
        yb.ToArray().Should().Equal(-0.5, -2, 2.5, 5);
    }

    [Fact]
    public void MatchesTorch7Fixture()
    {
        var lin = nn.Linear(5, 3);
        lin.Weight.Copy(Fixtures.Tensor("linear_5_3_param1", 3, 5));
        lin.Bias.Copy(Fixtures.Tensor("linear_5_3_param2", 3));
        var x = Fixtures.Tensor("linear_5_3_input", 2, 5);
        var go = Fixtures.Tensor("linear_5_3_gradOutput", 2, 3);
        Tensor y = lin.Forward(x);
        Check.Close(y, Fixtures.Numbers("linear_5_3_output"), 1e-10);
        lin.ZeroGradParameters();
        Tensor gi = lin.Backward(x, go);
        Check.Close(gi, Fixtures.Numbers("linear_5_3_gradInput"), 1e-10);
        Check.Close(lin.GradWeight, Fixtures.Numbers("linear_5_3_gradparam1"), 1e-10);
        Check.Close(lin.GradBias, Fixtures.Numbers("linear_5_3_gradparam2"), 1e-10);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void PassesJacobianChecks(bool bias, bool batch)
    {
        var lin = nn.Linear(4, 3, bias);
        Check.Gradients(lin, batch ? torch.Tensor(5, 4) : torch.Tensor(4));
        foreach (var e in Jacobian.TestAllUpdate(lin, torch.Tensor(5, 4).Uniform(), "weight", "gradWeight"))
            e.Value.Should().BeLessThan(Check.Precision, e.Key);
        if (bias)
            foreach (var e in Jacobian.TestAllUpdate(lin, torch.Tensor(4).Uniform(), "bias", "gradBias"))
                e.Value.Should().BeLessThan(Check.Precision, e.Key);
        Jacobian.TestBatchVsSingle(lin, torch.Tensor(4).Uniform()).Should().BeLessThan(1e-8);
    }

    [Theory]
    [InlineData(true, 0.5)]
    [InlineData(true, 0.1)]
    [InlineData(false, 0.5)]
    [InlineData(false, 0.1)]
    public void BatchGradientsAccumulateByHandOverCallsOfDifferentBatchSizes(bool openBlas, double scale)
    {
        // g' x, through Torch7's BLAS (the transposed view) or libtorch (a kept transposed copy of g): the sums must follow each
        // call's own batch, and a scale that is not a float (0.1) must be taken in double
        var was = Torch.Native.Blas.Enabled;
        Torch.Native.Blas.Enabled = openBlas;
        try { AccumulateByHand(scale); }
        finally { Torch.Native.Blas.Enabled = was; }
    }

    static void AccumulateByHand(double scale)
    {
        var lin = nn.Linear(3, 2);
        lin.ZeroGradParameters();
        var expectedW = new double[2, 3];
        var expectedB = new double[2];
        foreach (int batch in new[] { 4, 2, 4 })
        {
            var x = torch.Tensor(batch, 3).Uniform(-1, 1);
            var g = torch.Tensor(batch, 2).Uniform(-1, 1);
            lin.Forward(x);
            lin.Backward(x, g, scale);
            for (int b = 1; b <= batch; b++)
                for (int o = 1; o <= 2; o++)
                {
                    expectedB[o - 1] += scale * (double)g[b, o];
                    for (int i = 1; i <= 3; i++) expectedW[o - 1, i - 1] += scale * (double)g[b, o] * (double)x[b, i];
                }
        }
        Check.Close(lin.GradWeight, expectedW.Cast<double>().ToArray(), 1e-12);
        Check.Close(lin.GradBias, expectedB, 1e-12);
    }

    [Fact]
    public void NoBiasHasOnlyWeight()
    {
        var lin = nn.Linear(3, 2).NoBias();
        lin.Parameters().Params.Should().HaveCount(1);
        lin.ToString().Should().Be("nn.Linear(3 -> 2) without bias");
        Tensor y = lin.Forward(torch.Tensor(3).Fill(1));
        y.ToArray()[0].Should().BeApproximately(lin.Weight.Select(1, 1).ToArray().Sum(), 1e-12);
    }

    [Fact]
    public void InitialisesUniformlyWithinOneOverSqrtFanIn()
    {
        var lin = nn.Linear(100, 50);
        double bound = 1 / Math.Sqrt(100);
        lin.Weight.ToArray().Should().OnlyContain(v => Math.Abs(v) <= bound);
        lin.Weight.ToArray().Max().Should().BeGreaterThan(bound * 0.9);
        lin.Reset(0.01);
        lin.Bias.ToArray().Should().OnlyContain(v => Math.Abs(v) <= 0.01 * Math.Sqrt(3));
    }

    [Fact]
    public void WrongInputSizeNamesTheModuleAndSizes()
    {
        var lin = nn.Linear(10, 5);
        var act = () => lin.Forward(torch.Tensor(3, 7));
        act.Should().Throw<ArgumentException>().WithMessage("*nn.Linear(10 -> 5)*10*3x7*");
        var wrongType = () => lin.Forward(torch.FloatTensor(10));
        wrongType.Should().Throw<ArgumentException>().WithMessage("*torch.DoubleTensor*torch.FloatTensor*");
    }

    [Fact]
    public void OutputIsTheModulesOwnBuffer()
    {
        var lin = nn.Linear(3, 2);
        Tensor y1 = lin.Forward(torch.Tensor(3).Fill(1));
        Tensor y2 = lin.Forward(torch.Tensor(3).Fill(2));
        ReferenceEquals(y1, y2).Should().BeTrue();
        ReferenceEquals(y1, lin.Output.AsTensor).Should().BeTrue();
    }
}

public class LinearGradOutputTests
{
    [Fact]
    public void GradOutputOfAnotherSizeIsRefusedWithTheModuleName()
    {
        var lin = nn.Linear(4, 3);
        var x = torch.Tensor(2, 4).Uniform();
        lin.Forward(x);
        var act = () => lin.Backward(x, torch.Tensor(2, 2));
        act.Should().Throw<ArgumentException>().WithMessage("nn.Linear(4 -> 3): gradOutput of size 2x2 does not match*2x4*");
        Tensor gi = lin.Backward(x, torch.Tensor(6).Fill(1));   // same elements, other shape: viewed as 2x3
        gi.Size().Should().Equal(2, 4);
    }
}

public class SparseLinearTests
{
    [Fact]
    public void SparseLinearEqualsADenseLinearOnTheSameInput()
    {
        var sparse = nn.SparseLinear(6, 3, doGradInput: true);
        var dense = nn.Linear(6, 3);
        dense.Weight.Copy(sparse.Weight);
        dense.Bias.Copy(sparse.Bias);
        var pairs = torch.Tensor(new double[,] { { 2, 0.5 }, { 5, -1.5 } });
        var x = torch.Tensor(6).Zero();
        x[2] = 0.5;
        x[5] = -1.5;
        Check.Close(sparse.Forward(pairs), dense.Forward(x), 1e-14);
        var go = torch.Tensor(3).Uniform();
        sparse.ZeroGradParameters();
        dense.ZeroGradParameters();
        Tensor gs = sparse.Backward(pairs, go);
        Tensor gd = dense.Backward(x, go);
        Check.Close(sparse.GradWeight, dense.GradWeight, 1e-14);
        Check.Close(sparse.GradBias, dense.GradBias, 1e-14);
        gs.Select(2, 1).ToArray().Should().Equal(2, 5);
        gs.Select(2, 2).ToArray().Should().Equal((double)gd[2], (double)gd[5]);
        Table batch = new Table(pairs, torch.Tensor(new double[,] { { 1, 2 } }));
        ((Tensor)sparse.Forward(batch)).Size().Should().Equal(2, 3);
        var bad = () => sparse.Forward(torch.Tensor(new double[,] { { 7, 1 } }));
        bad.Should().Throw<IndexOutOfRangeException>().WithMessage("*index 7*1..6*");
    }
}
