namespace Torch.Nn.Tests;

/// <summary>Temporal, lookup, normalisation and spatial helper layers checked against torch/nn's Lua sources and THNN's C; expected
/// values are worked out by hand from those formulas.</summary>
public class TemporalTests
{
    [Fact]
    public void LookupTableRenormDividesByNormPlusEpsilonOnlyAboveMaxNorm()
    {
        // THNN LookupTable_renormRow: if norm > maxNorm then row *= maxNorm / (norm + 1e-7)
        var lt = nn.LookupTable(3, 2, maxNorm: 1);
        lt.Weight.Copy(torch.Tensor(new double[,] { { 3, 4 }, { 0.6, 0.8 }, { 6, 8 } }));
        Tensor y = lt.Forward(torch.LongTensor(new[] { 1.0, 2, 1 }));
        double s = 1 / (5 + 1e-7);
        Check.Close(y, new[] { 3 * s, 4 * s, 0.6, 0.8, 3 * s, 4 * s }, 1e-15);
        Check.Close(lt.Weight.Select(1, 3), new[] { 6.0, 8 }, 0);
        lt.SetNormType(1).SetMaxNorm(2).Forward(torch.LongTensor(new[] { 3.0 }));
        double s1 = 2 / (14 + 1e-7);
        Check.Close(lt.Weight.Select(1, 3), new[] { 6 * s1, 8 * s1 }, 1e-15);
    }

    [Fact]
    public void LookupTableScaleGradByFreqDividesByTheIndexCount()
    {
        // THNN LookupTable_accGradParameters: scale / count[k], the count over the whole (flattened) input; padding rows skipped
        var lt = nn.LookupTable(5, 2).ScaleGradByFreq();
        lt.ShouldScaleGradByFreq.Should().BeTrue();
        var idx = torch.LongTensor(new double[,] { { 2, 5 }, { 2, 2 } });
        var g = torch.Tensor(new double[,,] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } } });
        lt.ZeroGradParameters();
        lt.Forward(idx);
        lt.Backward(idx, g, 2);
        Check.Close(lt.GradWeight, new[] { 0, 0, 2 * (1 + 5 + 7) / 3.0, 2 * (2 + 6 + 8) / 3.0, 0, 0, 0, 0, 6, 8 }, 1e-12);
        lt.SetPadding(2).ZeroGradParameters();
        lt.Backward(idx, g);
        Check.Close(lt.GradWeight, new[] { 0.0, 0, 0, 0, 0, 0, 0, 0, 3, 4 }, 0);
    }

    [Fact]
    public void DivisiveNormalizationScalesAOneDimensionalKernelBySqrtOfPlanes()
    {
        // SpatialDivisiveNormalization.lua: a 1-D kernel is divided by sum * sqrt(nInputPlane) (and applied twice), a 2-D one by
        // sum * nInputPlane, in place; with kernel {1} and planes (3, 4): std = sqrt((9 + 16) / 2), coef = 1, y = x / std
        var kernel = torch.Tensor(new[] { 1.0 });
        var x = torch.Tensor(new double[,,] { { { 3 } }, { { 4 } } });
        Check.Close(nn.SpatialDivisiveNormalization(2, kernel).Forward(x).AsTensor, new[] { 3 * Math.Sqrt(2) / 5, 4 * Math.Sqrt(2) / 5 }, 1e-12);
        Check.Close(kernel, new[] { 1 / Math.Sqrt(2) }, 1e-15);
        // the separable 1-D kernel k equals the 2-D kernel k kᵀ
        var image = torch.Rand(3, 6, 7);
        Tensor separable = nn.SpatialDivisiveNormalization(3, torch.Tensor(new[] { 1.0, 2, 1 })).Forward(image);
        Tensor full = nn.SpatialDivisiveNormalization(3, torch.Tensor(new double[,] { { 1, 2, 1 }, { 2, 4, 2 }, { 1, 2, 1 } })).Forward(image);
        Check.Close(separable, full, 1e-12);
        Tensor contrastive = nn.SpatialContrastiveNormalization(3, torch.Tensor(new[] { 1.0, 2, 1 })).Forward(image);
        Tensor contrastive2D = nn.SpatialContrastiveNormalization(3, torch.Tensor(new double[,] { { 1, 2, 1 }, { 2, 4, 2 }, { 1, 2, 1 } })).Forward(image);
        Check.Close(contrastive, contrastive2D, 1e-12);
    }

    [Fact]
    public void ContrastiveNormalizationPrintsItsTypeName()
    {
        // SpatialContrastiveNormalization.lua is a plain nn.Module without __tostring__
        nn.SpatialContrastiveNormalization(3).ToString().Should().Be("nn.SpatialContrastiveNormalization");
    }

    [Fact]
    public void UpSamplingBilinearMultipliesTheSizeWithCornersAligned()
    {
        // SpatialUpSamplingBilinear.lua (newest): output H scale x W scale; THNN samples at (H - 1) / (outH - 1) steps computed
        // in float, so even a DoubleTensor gets float-rounded weights: the values are the real Torch7's, to the last bit
        var u = nn.SpatialUpSamplingBilinear(2);
        Tensor y = u.Forward(torch.Tensor(new double[,,] { { { 1, 2 }, { 3, 4 } } }));
        y.Size().Should().Equal(1, 4, 4);
        y.ToArray().Should().Equal(
            1, 1.3333333432674408, 1.6666666865348816, 2,
            1.6666666865348816, 2.0000000298023224, 2.3333333730697632, 2.6666666865348816,
            2.3333333730697632, 2.666666716337204, 3.0000000596046448, 3.3333333730697632,
            3, 3.3333333432674408, 3.6666666865348816, 4);
        u.ToString().Should().Be("nn.SpatialUpSamplingBilinear(2)");
        nn.SpatialUpSamplingBilinear(10, 12).ToString().Should().Be("nn.SpatialUpSamplingBilinear(10, 12)");
        var act = () => nn.SpatialUpSamplingBilinear(0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*scale_factor must be greater than 1*");
        Jacobian.TestJacobian(nn.SpatialUpSamplingBilinear(3), torch.Rand(2, 1, 2, 3)).Should().BeLessThan(Check.Precision);
    }
}
