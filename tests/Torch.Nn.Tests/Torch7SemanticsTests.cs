namespace Torch.Nn.Tests;

/// <summary>Details checked against torch/nn's Lua sources: __tostring__ texts, negative table dimensions, single samples in
/// BatchNormalization's evaluation, SpatialFullConvolution's adj check. Expected texts are written out by hand from the Lua
/// string rules.</summary>
public class Torch7SemanticsTests
{
    static Sequential LinearTanh() => (Sequential)nn.Sequential().Add(nn.Linear(2, 3)).Add(nn.Tanh());

    [Fact]
    public void ParallelDrawsEveryBranchWithABar()
    {
        var p = nn.Parallel(1, 1).Add(nn.Linear(2, 3)).Add(LinearTanh());
        p.ToString().Should().Be(
            "nn.Parallel {\n" +
            "  input\n" +
            "    |`-> (1): nn.Linear(2 -> 3)\n" +
            "     `-> (2): nn.Sequential {\n" + // the last branch has no bar, as the Torch7 built from torch/nn prints
            "           [input -> (1) -> (2) -> output]\n" +
            "           (1): nn.Linear(2 -> 3)\n" +
            "           (2): nn.Tanh\n" +
            "         }\n" +
            "     ... -> output\n" +
            "}");
    }

    [Fact]
    public void MapTablePrintsItsModuleInBraces()
    {
        nn.MapTable(LinearTanh()).ToString().Should().Be(
            "nn.MapTable {\n" +
            "  nn.Sequential {\n" +
            "          [input -> (1) -> (2) -> output]\n" +
            "          (1): nn.Linear(2 -> 3)\n" +
            "          (2): nn.Tanh\n" +
            "        }\n" +
            "}");
    }

    [Fact]
    public void VolumetricAndDilatedLayersPrintTheirGeometry()
    {
        nn.VolumetricConvolution(2, 4, 3, 3, 3).ToString().Should().Be("nn.VolumetricConvolution(2 -> 4, 3x3x3)");
        nn.VolumetricConvolution(2, 4, 3, 2, 1, 2).ToString().Should().Be("nn.VolumetricConvolution(2 -> 4, 3x2x1, 2,1,1)");
        nn.VolumetricConvolution(2, 4, 3, 3, 3, 1, 1, 1, 1, 0, 1).ToString().Should().Be("nn.VolumetricConvolution(2 -> 4, 3x3x3, 1,1,1, 1,0,1)");
        nn.VolumetricDilatedConvolution(2, 4, 3, 3, 3, 1, 1, 1, 0, 0, 0, 2, 2, 2).ToString()
            .Should().Be("nn.VolumetricDilatedConvolution(2 -> 4, 3x3x3, 2,2,2)");
        nn.VolumetricFullConvolution(4, 2, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1).ToString()
            .Should().Be("nn.VolumetricFullConvolution(4 -> 2, 3x3x3, 2,2,2, 1,1,1, 1,1,1)");
        nn.VolumetricMaxPooling(2, 2, 2).ToString().Should().Be("nn.VolumetricMaxPooling(2x2x2, 2,2,2)");
        nn.VolumetricMaxPooling(3, 3, 3, 1, 1, 1, 1, 1, 1).ToString().Should().Be("nn.VolumetricMaxPooling(3x3x3, 1,1,1, 1,1,1)");
        nn.VolumetricDilatedMaxPooling(2, 2, 2, 1, 1, 1, 0, 0, 0, 2, 2, 2).ToString()
            .Should().Be("nn.VolumetricDilatedMaxPooling(2x2x2, 1,1,1, 2,2,2)");
        nn.VolumetricAveragePooling(2, 2, 2).ToString().Should().Be("nn.VolumetricAveragePooling(2x2x2, 2,2,2)");
        nn.SpatialDilatedMaxPooling(3, 3, 1, 1, 1, 1, 2, 2).ToString().Should().Be("nn.SpatialDilatedMaxPooling(3x3, 1,1, 1,1, 2,2)");
        nn.SpatialDilatedMaxPooling(2, 2).ToString().Should().Be("nn.SpatialDilatedMaxPooling(2x2, 2,2, 1,1)");
    }

    [Fact]
    public void SpatialFullConvolutionPrintsPaddingOnlyWhenPaddedAndChecksAdj()
    {
        nn.SpatialFullConvolution(8, 3, 4, 4, 2, 2, 0, 0, 1, 1).ToString().Should().Be("nn.SpatialFullConvolution(8 -> 3, 4x4, 2,2, 1,1)");
        nn.SpatialFullConvolution(8, 3, 4, 4, 2, 2, 1, 1, 1, 1).ToString().Should().Be("nn.SpatialFullConvolution(8 -> 3, 4x4, 2,2, 1,1, 1,1)");
        var adjWithoutStride = () => nn.SpatialFullConvolution(8, 3, 4, 4, 1, 1, 0, 0, 1, 0);
        adjWithoutStride.Should().Throw<ArgumentException>().WithMessage("*adjW and adjH must be smaller than dW and dH*");
    }

    [Fact]
    public void NegativeTableDimensionsIgnoreNInputDims()
    {
        var a = torch.Tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = torch.Tensor(new double[,] { { 7, 8, 9, 10 }, { 11, 12, 13, 14 } });
        Tensor joined = nn.JoinTable(-1, 1).Forward(new Table(a, b));
        joined.Size().Should().Equal(2, 7);
        joined.ToArray().Should().Equal(1, 2, 3, 7, 8, 9, 10, 4, 5, 6, 11, 12, 13, 14);
        Table parts = nn.SplitTable(-1, 1).Forward(a);
        parts.Length.Should().Be(3);
        ((Tensor)parts[3]).ToArray().Should().Equal(3, 6);
        // positive dimensions still shift by one for a batch
        ((Tensor)nn.JoinTable(1, 1).Forward(new Table(a, a))).Size().Should().Equal(2, 6);
    }

    [Fact]
    public void BatchNormalizationEvaluatesOneSampleAsABatchOfOne()
    {
        var bn = nn.BatchNormalization(3);
        bn.Weight.Copy(torch.Tensor(new double[] { 1, 2, 3 }));
        bn.Bias.Copy(torch.Tensor(new double[] { 0, 1, -1 }));
        bn.RunningMean.Copy(torch.Tensor(new double[] { 1, 0, 2 }));
        bn.RunningVar.Copy(torch.Tensor(new double[] { 4, 1, 0.25 }));
        bn.Evaluate();
        Tensor y = bn.Forward(torch.Tensor(new double[] { 3, 1, 1 }));
        y.Size().Should().Equal(1, 3);
        double[] expected =
        {
            (3 - 1) / Math.Sqrt(4 + 1e-5) * 1 + 0,
            (1 - 0) / Math.Sqrt(1 + 1e-5) * 2 + 1,
            (1 - 2) / Math.Sqrt(0.25 + 1e-5) * 3 - 1,
        };
        Check.Close(y, expected, 1e-12);
        bn.Training();
        var single = () => bn.Forward(torch.Tensor(3));
        single.Should().Throw<ArgumentException>().WithMessage("*only mini-batch supported (2D tensor), got 1D*");
        bn.Evaluate();
        var wrong = () => bn.Forward(torch.Tensor(4));
        wrong.Should().Throw<ArgumentException>().WithMessage("*got 4-feature tensor, expected 3*");
    }
}
