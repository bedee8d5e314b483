namespace Torch.Nn.Tests;

public class LayerTests
{
    [Fact]
    public void ConvolutionAndPoolingPassJacobian()
    {
        var conv = nn.SpatialConvolution(2, 3, 3, 2, 1, 2, 1, 0);
        Check.Gradients(conv, torch.Tensor(2, 5, 6));
        Check.Gradients(nn.SpatialConvolutionMM(2, 3, 2, 2), torch.Tensor(2, 2, 4, 4));
        Check.Gradients(nn.SpatialConvolution(2, 2, 3, 3).NoBias(), torch.Tensor(2, 4, 4));
        Jacobian.TestJacobian(nn.SpatialMaxPooling(2, 2, 1, 1), torch.Tensor(2, 4, 4)).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(nn.SpatialAveragePooling(3, 2, 2, 1, 1, 1), torch.Tensor(2, 2, 5, 5)).Should().BeLessThan(Check.Precision);
        Jacobian.TestBatchVsSingle(conv, torch.Tensor(2, 5, 6).Uniform()).Should().BeLessThan(1e-8);
    }

    [Fact]
    public void PoolingSizesFollowTorch7()
    {
        var x = torch.Tensor(1, 7, 7).Uniform();
        ((Tensor)nn.SpatialMaxPooling(2, 2).Forward(x)).Size().Should().Equal(1, 3, 3);
        ((Tensor)nn.SpatialMaxPooling(2, 2).Ceil().Forward(x)).Size().Should().Equal(1, 4, 4);
        ((Tensor)nn.SpatialAveragePooling(2, 2).Forward(x)).Size().Should().Equal(1, 6, 6);
        var avg = torch.Tensor(new double[,,] { { { 1, 2 }, { 3, 4 } } });
        ((Tensor)nn.SpatialAveragePooling(2, 2).Forward(avg)).ToArray().Should().Equal(2.5);
        ((Tensor)nn.SpatialMaxPooling(2, 2).Forward(avg)).ToArray().Should().Equal(4);
        var conv = nn.SpatialConvolution(3, 16, 5, 5);
        var act = () => conv.Forward(torch.Tensor(2, 32, 32));
        act.Should().Throw<ArgumentException>().WithMessage("*3 input planes*2x32x32*");
    }

    [Fact]
    public void ConvolutionEqualsAHandComputedCorrelation()
    {
        var conv = nn.SpatialConvolution(1, 1, 2, 2);
        conv.Weight.Copy(torch.Tensor(new double[] { 1, 2, 3, 4 }));
        conv.Bias.Fill(0.5);
        var x = torch.Tensor(new double[,,] { { { 1, 0, 2 }, { 0, 1, 0 }, { 3, 0, 1 } } });
        Tensor y = conv.Forward(x);
        y.ToArray().Should().Equal(1 + 4 + 0.5, 4 + 3 + 0.5, 2 + 9 + 0.5, 1 + 4 + 0.5);
    }

    [Fact]
    public void BatchNormalizationTrainsAndEvaluates()
    {
        var bn = nn.BatchNormalization(3);
        var x = torch.Tensor(6, 3).Uniform(-2, 2);
        bn.Weight.Fill(1);
        Tensor y = bn.Forward(x);
        for (int c = 1; c <= 3; c++)
        {
            var col = y.Select(2, c).ToArray();
            col.Average().Should().BeApproximately(0, 1e-12);
        }
        var mean1 = x.Select(2, 1).ToArray().Average();
        ((double)bn.RunningMean[1]).Should().BeApproximately(0.1 * mean1, 1e-12);
        Check.Gradients(nn.BatchNormalization(3), torch.Tensor(5, 3));
        Jacobian.TestJacobian(nn.BatchNormalization(3, affine: false), torch.Tensor(5, 3)).Should().BeLessThan(Check.Precision);
        var rm = bn.RunningMean.Clone();
        bn.Backward(x, torch.Tensor(6, 3).Uniform());
        Check.Close(bn.RunningMean, rm, 0);
        bn.Evaluate();
        Tensor ye = bn.Forward(x);
        double expected = (x[1, 2] - bn.RunningMean[2]) / Math.Sqrt(bn.RunningVar[2] + 1e-5) * bn.Weight[2] + bn.Bias[2];
        ((double)ye[1, 2]).Should().BeApproximately(expected, 1e-12);
        Jacobian.TestJacobian(bn, torch.Tensor(4, 3)).Should().BeLessThan(Check.Precision);
        bn.ToString().Should().Be("nn.BatchNormalization (2D) (3)");
        var sbn = nn.SpatialBatchNormalization(2);
        Check.Gradients(sbn, torch.Tensor(3, 2, 3, 3));
        sbn.ToString().Should().Be("nn.SpatialBatchNormalization (4D) (2)");
        var bad = () => sbn.Forward(torch.Tensor(2, 3, 3));
        bad.Should().Throw<ArgumentException>().WithMessage("*only mini-batch supported (4D tensor), got 3D*");
    }

    [Fact]
    public void DropoutScalesInTrainingAndPassesInEvaluation()
    {
        var d = nn.Dropout(0.25);
        var x = torch.Tensor(1000).Fill(1);
        Tensor y = d.Forward(x);
        y.ToArray().Should().OnlyContain(v => v == 0 || Math.Abs(v - 1 / 0.75) < 1e-12);
        y.ToArray().Count(v => v == 0).Should().BeInRange(150, 350);
        Tensor g = d.Backward(x, torch.Tensor(1000).Fill(1));
        Check.Close(g, y, 0);
        d.Evaluate();
        ((Tensor)d.Forward(x)).ToArray().Should().OnlyContain(v => v == 1);
        var v1 = nn.Dropout(0.25, v1: true).Evaluate();
        ((Tensor)v1.Forward(x)).ToArray().Should().OnlyContain(v => v == 0.75);
        d.ToString().Should().Be("nn.Dropout(0.250000)");
        var sd = nn.SpatialDropout(0.5);
        Tensor s = sd.Forward(torch.Tensor(2, 4, 3, 3).Fill(1));
        for (int b = 1; b <= 2; b++)
            for (int c = 1; c <= 4; c++)
                s.Select(1, b).Select(1, c).ToArray().Distinct().Should().HaveCount(1);
    }

    [Fact]
    public void LookupTableGathersRowsAndAccumulatesGradients()
    {
        var lt = nn.LookupTable(5, 3);
        var idx = torch.LongTensor(new[] { 2.0, 5, 2 });
        Tensor y = lt.Forward(idx);
        y.Size().Should().Equal(3, 3);
        Check.Close(y.Select(1, 2), lt.Weight.Select(1, 5), 0);
        lt.ZeroGradParameters();
        lt.Backward(idx, torch.Tensor(3, 3).Fill(1));
        lt.GradWeight.Select(1, 2).ToArray().Should().OnlyContain(v => v == 2);
        lt.GradWeight.Select(1, 1).ToArray().Should().OnlyContain(v => v == 0);
        ((Tensor)lt.Forward(torch.LongTensor(new double[,] { { 1, 2 }, { 3, 4 } }))).Size().Should().Equal(2, 2, 3);
        var jf = Jacobian.Forward(lt, idx, lt.Weight);
        var jb = Jacobian.Backward(lt, idx, lt.Weight, lt.GradWeight);
        Check.Close(jb, jf, Check.Precision);
        var padded = nn.LookupTable(5, 3, paddingValue: 2);
        padded.ZeroGradParameters();
        padded.Backward(idx, torch.Tensor(3, 3).Fill(1));
        padded.GradWeight.Select(1, 2).ToArray().Should().OnlyContain(v => v == 0);
        var act = () => lt.Forward(torch.LongTensor(new[] { 0.0 }));
        act.Should().Throw<IndexOutOfRangeException>().WithMessage("*index 0*1..5*");
        var renorm = nn.LookupTable(4, 3, maxNorm: 1);
        renorm.Weight.Fill(2);
        renorm.Forward(torch.LongTensor(new[] { 1.0 }));
        Math.Sqrt(renorm.Weight.Select(1, 1).ToArray().Sum(v => v * v)).Should().BeApproximately(1, 1e-6);
        ((double)renorm.Weight[2, 1]).Should().Be(2);
    }
}
