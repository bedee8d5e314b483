namespace Torch.Nn.Tests;

/// <summary>nn.SpatialDepthWiseConvolution against the equivalent dense nn.SpatialConvolution (a weight that is zero off each
/// plane's own kernels), a hand-computed value, and Jacobian checks.</summary>
public class SpatialDepthWiseConvolutionTests
{
    /// <summary>Each (input plane i, kernel m, output plane o = (i-1)·nOutputPlane + m), 1-based.</summary>
    static IEnumerable<(int I, int M, int O)> Planes(SpatialDepthWiseConvolution dw) =>
        from i in Enumerable.Range(1, dw.NInputPlane)
        from m in Enumerable.Range(1, dw.NOutputPlane)
        select (i, m, (i - 1) * dw.NOutputPlane + m);

    /// <summary>Kernel (m, i) of a depthwise weight: row m of its nOutputPlane x (nInputPlane·kH·kW) view, columns (i-1)·kH·kW + 1 onwards.</summary>
    static Tensor Kernel(SpatialDepthWiseConvolution dw, Tensor weight, int m, int i) =>
        weight.View(dw.NOutputPlane, (long)dw.NInputPlane * dw.KH * dw.KW).Select(1, m).Narrow(1, (i - 1) * dw.KH * dw.KW + 1, dw.KH * dw.KW);

    /// <summary>The SpatialConvolution computing the same thing: output plane o sees only input plane i, through kernel (m, i),
    /// plus bias[m][i].</summary>
    static SpatialConvolution Dense(SpatialDepthWiseConvolution dw)
    {
        var conv = nn.SpatialConvolution(dw.NInputPlane, dw.NInputPlane * dw.NOutputPlane, dw.KW, dw.KH, dw.DW, dw.DH, dw.PadW, dw.PadH);
        conv.Weight.Zero();
        conv.Bias.Zero();
        foreach (var (i, m, o) in Planes(dw))
        {
            conv.Weight.Select(1, o).Select(1, i).View(dw.KH * dw.KW).Copy(Kernel(dw, dw.Weight, m, i));
            if (dw.Bias is not null) conv.Bias[o] = dw.Bias[m, i];
        }
        return conv;
    }

    [Theory]
    [InlineData(3, 1, 3, 3, 1, 1, 1, 1, false)]
    [InlineData(2, 3, 2, 3, 2, 1, 0, 1, true)]
    [InlineData(4, 2, 3, 2, 1, 2, 1, 0, true)]
    public void MatchesTheEquivalentDenseConvolution(int nIn, int mult, int kW, int kH, int dW, int dH, int padW, int padH, bool batch)
    {
        var dw = nn.SpatialDepthWiseConvolution(nIn, mult, kW, kH, dW, dH, padW, padH);
        var conv = Dense(dw);
        var x = batch ? torch.Tensor(2, nIn, 6, 5).Uniform(-1, 1) : torch.Tensor(nIn, 6, 5).Uniform(-1, 1);
        Tensor y = dw.Forward(x);
        Tensor expected = conv.Forward(x);
        y.Size().Should().Equal(expected.Size());
        Check.Close(y, expected, 1e-12);

        var g = y.Clone().Uniform(-1, 1);
        dw.ZeroGradParameters();
        conv.ZeroGradParameters();
        Check.Close((Tensor)dw.Backward(x, g), (Tensor)conv.Backward(x, g), 1e-12);
        // the depthwise gradients are the dense ones of each plane's own kernel
        foreach (var (i, m, o) in Planes(dw))
        {
            Check.Close(Kernel(dw, dw.GradWeight, m, i), conv.GradWeight.Select(1, o).Select(1, i).Contiguous().View(kH * kW), 1e-12);
            ((double)dw.GradBias[m, i]).Should().BeApproximately((double)conv.GradBias[o], 1e-12);
        }
    }

    [Fact]
    public void HandComputedValue()
    {
        // two planes, multiplier 2: plane 1's kernels are all-ones and all-twos, plane 2's are 10 and 0; 2x2 kernels on 2x2 images
        var dw = nn.SpatialDepthWiseConvolution(2, 2, 2, 2);
        dw.Weight.View(2, 8).Copy(torch.Tensor(new double[,] { { 1, 1, 1, 1, 10, 10, 10, 10 }, { 2, 2, 2, 2, 0, 0, 0, 0 } }));
        dw.Bias.Copy(torch.Tensor(new double[,] { { 0.5, -1 }, { 0.25, 3 } }));
        var x = torch.Tensor(new double[] { 1, 2, 3, 4, 1, 1, 1, 1 }).View(2, 2, 2);
        Tensor y = dw.Forward(x);
        y.Size().Should().Equal(4, 1, 1);
        // plane 1 sums to 10, plane 2 to 4: outputs (i=1,m=1) (i=1,m=2) (i=2,m=1) (i=2,m=2)
        y.ToArray().Should().Equal(10 + 0.5, 20 + 0.25, 40 - 1, 0 + 3);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void PassesJacobian(bool batch, bool noBias)
    {
        var dw = nn.SpatialDepthWiseConvolution(2, 2, 3, 2, 2, 1, 1, 0);
        if (noBias) dw.NoBias();
        Check.Gradients(dw, batch ? torch.Tensor(2, 2, 5, 4) : torch.Tensor(2, 5, 4));
    }

    [Fact]
    public void PrintsAndChecksLikeTorch7()
    {
        nn.SpatialDepthWiseConvolution(32, 1, 3, 3).ToString().Should().Be("nn.SpatialDepthWiseConvolution(32 -> 1, 3x3)");
        nn.SpatialDepthWiseConvolution(32, 2, 3, 3, 2, 2, 1, 1).NoBias().ToString()
            .Should().Be("nn.SpatialDepthWiseConvolution(32 -> 2, 3x3, 2,2, 1,1) without bias");
        var dw = nn.SpatialDepthWiseConvolution(3, 2, 3, 3);
        dw.Weight.Size().Should().Equal(2, 3, 3, 3); // Lua's shape once it has run (THNN's resize4d)
        dw.GradWeight.Size().Should().Equal(2, 3, 3, 3);
        dw.Bias.Size().Should().Equal(2, 3);
        dw.NOutputPlane.Should().Be(2);
        var wrong = () => dw.Forward(torch.Tensor(4, 5, 5));
        wrong.Should().Throw<ArgumentException>().WithMessage("*expected 3 input planes*4x5x5*");
        var small = () => dw.Forward(torch.Tensor(3, 2, 5));
        small.Should().Throw<ArgumentException>().WithMessage("*smaller than the kernel*");
    }

    [Fact]
    public void ResetDrawsWithinTorch7sBound()
    {
        var dw = nn.SpatialDepthWiseConvolution(4, 2, 3, 3);
        double bound = 1 / Math.Sqrt(3 * 3 * 4);
        dw.Weight.Abs().Max().Should().BeLessThanOrEqualTo(bound);
        dw.Bias.Abs().Max().Should().BeLessThanOrEqualTo(bound);
        dw.Weight.Std().Should().BeGreaterThan(bound / 4);
    }
}
