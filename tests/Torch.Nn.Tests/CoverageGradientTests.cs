namespace Torch.Nn.Tests;

/// <summary>Jacobian checks (input and every parameter) of the modules beyond the core, single sample and batch, as nn's test.lua does.</summary>
public class CoverageGradientTests
{
    public static TheoryData<string> Parametric => new()
    {
        "Add", "AddScalar", "Mul", "CMul", "CAdd", "Euclidean", "WeightedEuclidean", "Cosine", "PReLU", "PReLUShared",
        "SpatialFullConvolution", "SpatialDilatedConvolution", "SpatialSubSampling", "TemporalConvolution", "VolumetricConvolution",
        "VolumetricBatchNormalization",
    };

    static (Module M, Tensor X) Make(string name) => name switch
    {
        "Add" => (nn.Add(4), torch.Tensor(3, 4)),
        "AddScalar" => (nn.Add(4, true), torch.Tensor(4)),
        "Mul" => (nn.Mul(), torch.Tensor(2, 3)),
        "CMul" => (nn.CMul(3, 2), torch.Tensor(4, 3, 2)),
        "CAdd" => (nn.CAdd(3), torch.Tensor(2, 3)),
        "Euclidean" => (nn.Euclidean(4, 3), torch.Tensor(2, 4)),
        "WeightedEuclidean" => (nn.WeightedEuclidean(3, 2), torch.Tensor(3)),
        "Cosine" => (nn.Cosine(4, 3), torch.Tensor(2, 4)),
        "PReLU" => (nn.PReLU(3), torch.Tensor(2, 3, 2, 2)),
        "PReLUShared" => (nn.PReLU(), torch.Tensor(5)),
        "SpatialFullConvolution" => (nn.SpatialFullConvolution(2, 3, 3, 3, 2, 2, 1, 1, 1, 1), torch.Tensor(2, 3, 3)),
        "SpatialDilatedConvolution" => (nn.SpatialDilatedConvolution(2, 2, 2, 2, 1, 1, 1, 1, 2, 2), torch.Tensor(1, 2, 4, 4)),
        "SpatialSubSampling" => (nn.SpatialSubSampling(2, 2, 2, 2, 2), torch.Tensor(2, 4, 4)),
        "TemporalConvolution" => (nn.TemporalConvolution(3, 2, 2, 1), torch.Tensor(2, 4, 3)),
        "VolumetricConvolution" => (nn.VolumetricConvolution(2, 2, 2, 2, 2), torch.Tensor(2, 3, 3, 3)),
        "VolumetricBatchNormalization" => (nn.VolumetricBatchNormalization(2), torch.Tensor(2, 2, 2, 2, 2)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Parametric))]
    public void ParametricModulesPassJacobian(string name)
    {
        var (m, x) = Make(name);
        Check.Gradients(m, x);
    }

    public static TheoryData<string> Plain => new()
    {
        "Squeeze", "Unsqueeze", "Replicate", "Transpose", "Padding", "PaddingBefore", "Sum", "Mean", "Max", "Min", "Normalize", "NormalizeInf",
        "Contiguous", "Collapse", "PixelShuffle", "SpatialZeroPadding", "SpatialReflectionPadding", "SpatialReplicationPadding",
        "SpatialUpSamplingNearest", "SpatialUpSamplingBilinear", "SpatialAdaptiveMaxPooling", "SpatialAdaptiveAveragePooling",
        "SpatialDilatedMaxPooling", "SpatialCrossMapLRN", "TemporalMaxPooling", "VolumetricMaxPooling", "VolumetricAveragePooling",
        "SpatialSoftMax", "Sequential",
    };

    static (Module M, Tensor X) MakePlain(string name) => name switch
    {
        "Squeeze" => (nn.Squeeze(), torch.Tensor(3, 1, 2)),
        "Unsqueeze" => (nn.Unsqueeze(2), torch.Tensor(3, 2)),
        "Replicate" => (nn.Replicate(3, 2), torch.Tensor(2, 2)),
        "Transpose" => (nn.Transpose(new[] { 1, 2 }, new[] { 2, 3 }), torch.Tensor(2, 3, 4)),
        "Padding" => (nn.Padding(1, 2), torch.Tensor(3)),
        "PaddingBefore" => (nn.Padding(1, -2, 1, 5), torch.Tensor(2, 3)),
        "Sum" => (nn.Sum(2), torch.Tensor(3, 4)),
        "Mean" => (nn.Mean(1, 1), torch.Tensor(3, 4)),
        "Max" => (nn.Max(2), torch.Tensor(3, 4)),
        "Min" => (nn.Min(1), torch.Tensor(3, 4)),
        "Normalize" => (nn.Normalize(2), torch.Tensor(3, 4)),
        "NormalizeInf" => (nn.Normalize(double.PositiveInfinity), torch.Tensor(4)),
        "Contiguous" => (nn.Contiguous(), torch.Tensor(3, 4)),
        "Collapse" => (nn.Collapse(2), torch.Tensor(2, 3, 2)),
        "PixelShuffle" => (nn.PixelShuffle(2), torch.Tensor(4, 2, 2)),
        "SpatialZeroPadding" => (nn.SpatialZeroPadding(1, -1, 2, 0), torch.Tensor(1, 3, 3)),
        "SpatialReflectionPadding" => (nn.SpatialReflectionPadding(1, 1, 2, 1), torch.Tensor(2, 1, 3, 3)),
        "SpatialReplicationPadding" => (nn.SpatialReplicationPadding(1, 0, 1, 2), torch.Tensor(1, 3, 3)),
        "SpatialUpSamplingNearest" => (nn.SpatialUpSamplingNearest(2), torch.Tensor(1, 2, 2)),
        "SpatialUpSamplingBilinear" => (nn.SpatialUpSamplingBilinear(2), torch.Tensor(1, 2, 3)),
        "SpatialAdaptiveMaxPooling" => (nn.SpatialAdaptiveMaxPooling(2, 2), torch.Tensor(1, 5, 4)),
        "SpatialAdaptiveAveragePooling" => (nn.SpatialAdaptiveAveragePooling(2, 3), torch.Tensor(2, 1, 5, 4)),
        "SpatialDilatedMaxPooling" => (nn.SpatialDilatedMaxPooling(2, 2, 1, 1, 0, 0, 2, 2), torch.Tensor(1, 5, 5)),
        "SpatialCrossMapLRN" => (nn.SpatialCrossMapLRN(3), torch.Tensor(4, 2, 2)),
        "TemporalMaxPooling" => (nn.TemporalMaxPooling(2), torch.Tensor(6, 2)),
        "VolumetricMaxPooling" => (nn.VolumetricMaxPooling(2, 2, 2), torch.Tensor(1, 4, 4, 4)),
        "VolumetricAveragePooling" => (nn.VolumetricAveragePooling(2, 2, 2), torch.Tensor(1, 1, 4, 2, 2)),
        "SpatialSoftMax" => (nn.SpatialSoftMax(), torch.Tensor(3, 2, 2)),
        "Sequential" => (nn.Sequential().Add(nn.Linear(3, 4)).Add(nn.ReLU()).Add(nn.Linear(4, 2)), torch.Tensor(3)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Plain))]
    public void ParameterlessModulesPassJacobian(string name)
    {
        var (m, x) = MakePlain(name);
        double precision = name == "SpatialSoftMax" ? 1.1e-4 : Check.Precision;
        Jacobian.TestJacobian(m, x).Should().BeLessThan(precision);
    }

    [Fact]
    public void ShapesFollowTorch7()
    {
        ((Tensor)nn.SpatialFullConvolution(8, 3, 4, 4, 2, 2, 1, 1).Forward(torch.Tensor(8, 5, 5).Uniform())).Size().Should().Equal(3, 10, 10);
        ((Tensor)nn.SpatialUpSamplingBilinear(2).Forward(torch.Tensor(3, 4, 4))).Size().Should().Equal(3, 8, 8);
        ((Tensor)nn.SpatialUpSamplingNearest(3).Forward(torch.Tensor(2, 1, 2, 2))).Size().Should().Equal(2, 1, 6, 6);
        ((Tensor)nn.TemporalConvolution(5, 8, 3, 2).Forward(torch.Tensor(9, 5).Uniform())).Size().Should().Equal(4, 8);
        ((Tensor)nn.SpatialZeroPadding(1, 1, 2, 2).Forward(torch.Tensor(3, 4, 4))).Size().Should().Equal(3, 8, 6);
        ((Tensor)nn.Sum(1).Forward(torch.Tensor(3))).Size().Should().Equal(1);
        ((Tensor)nn.Sum(2, squeeze: false).Forward(torch.Tensor(3, 4))).Size().Should().Equal(3, 1);
        ((Tensor)nn.Max(1, 1).Forward(torch.Tensor(5, 4))).Size().Should().Equal(5);
        ((Tensor)nn.Replicate(3).Forward(torch.Tensor(5))).Size().Should().Equal(3, 5);
        ((Tensor)nn.Unsqueeze(1, 1).Forward(torch.Tensor(2, 5))).Size().Should().Equal(2, 1, 5);
        ((Tensor)nn.OneHot(4).Forward(torch.LongTensor(new[] { 2.0, 4 }))).ToArray().Should().Equal(0, 1, 0, 0, 0, 0, 0, 1);
        Tensor sub = nn.SpatialSubSampling(1, 2, 2, 2, 2).Forward(torch.Tensor(1, 4, 4).Fill(1));
        sub.Size().Should().Equal(1, 2, 2);
    }

    [Fact]
    public void TableModulesPassJacobian()
    {
        Module Wrap(Module m, int n) => nn.Sequential().Add(nn.SplitTable(1)).Add(m);
        foreach (var m in new Module[] { nn.CSubTable(), nn.CMulTable(), nn.CDivTable(), nn.CMaxTable(), nn.CMinTable(), nn.DotProduct(), nn.CosineDistance(), nn.PairwiseDistance(2), nn.PairwiseDistance(1) })
            Jacobian.TestJacobian(Wrap(m, 2), torch.Tensor(2, 5), 0.5, 2).Should().BeLessThan(Check.Precision, m.ToString());
        Jacobian.TestJacobian(nn.Sequential().Add(nn.SplitTable(1)).Add(nn.CMulTable()), torch.Tensor(3, 4)).Should().BeLessThan(Check.Precision);
        var mm = nn.Sequential().Add(nn.ConcatTable().Add(nn.Narrow(2, 1, 3)).Add(nn.Narrow(2, 4, 3))).Add(nn.ParallelTable().Add(nn.Identity()).Add(nn.Transpose(new[] { 1, 2 }))).Add(nn.MM());
        Jacobian.TestJacobian(mm, torch.Tensor(3, 6)).Should().BeLessThan(Check.Precision);
        var mv = nn.Sequential().Add(nn.ConcatTable().Add(nn.Narrow(2, 1, 3)).Add(nn.Select(2, 4))).Add(nn.MV(true));
        Jacobian.TestJacobian(mv, torch.Tensor(3, 4)).Should().BeLessThan(Check.Precision);
        var bil = nn.Bilinear(3, 2, 4);
        var net = nn.Sequential().Add(nn.ConcatTable().Add(nn.Narrow(2, 1, 3)).Add(nn.Narrow(2, 4, 2))).Add(bil);
        Check.Gradients(net, torch.Tensor(5, 5));
        var mix = nn.Sequential().Add(nn.ConcatTable().Add(nn.Sequential().Add(nn.Narrow(2, 1, 2)).Add(nn.SoftMax()))
            .Add(nn.Sequential().Add(nn.Narrow(2, 3, 6)).Add(nn.View(2, 3)).Add(nn.SplitTable(2)))).Add(nn.MixtureTable());
        Jacobian.TestJacobian(mix, torch.Tensor(4, 8)).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void TableRearrangements()
    {
        var a = torch.Tensor(2).Fill(1);
        var b = torch.Tensor(2).Fill(2);
        var c = torch.Tensor(2).Fill(3);
        Table n = nn.NarrowTable(2, 2).Forward(new Table(a, b, c));
        ((Tensor)n[1]).Should().BeSameAs(b);
        Table f = nn.FlattenTable().Forward(new Table(a, new Table(b, c)));
        f.Length.Should().Be(3);
        Table g = nn.FlattenTable().Backward(new Table(a, new Table(b, c)), new Table(a, b, c));
        ((Tensor)((Table)g[2])[2]).Should().BeSameAs(c);
        Table z = nn.ZipTable().Forward(new Table(new Table(a, b), new Table(c, a)));
        ((Tensor)((Table)z[1])[2]).Should().BeSameAs(c);
        Table gn = nn.NarrowTable(2).Backward(new Table(a, b, c), new Table(c));
        ((Tensor)gn[1]).ToArray().Should().Equal(0, 0);
    }

    [Fact]
    public void MiscLayersBehaveLikeTorch7()
    {
        var x = torch.Tensor(new[] { -1.0, 2 });
        ((Tensor)nn.GradientReversal(0.5).Backward(x, torch.Tensor(new[] { 2.0, 4 }))).ToArray().Should().Equal(-1, -2);
        ((Tensor)nn.ZeroGrad().Backward(x, torch.Tensor(new[] { 2.0, 4 }))).ToArray().Should().Equal(0, 0);
        var pen = nn.L1Penalty(0.5);
        pen.Forward(x);
        pen.Loss.Should().Be(1.5);
        ((Tensor)pen.Backward(x, torch.Tensor(2).Zero())).ToArray().Should().Equal(-0.5, 0.5);
        ((Tensor)nn.Constant(torch.Tensor(new[] { 7.0, 8 }), 1).Forward(torch.Tensor(3, 5))).Size().Should().Equal(3, 2);
        var noise = nn.WhiteNoise(0, 0.1);
        ((Tensor)noise.Forward(torch.Tensor(1000).Zero())).ToArray().Select(Math.Abs).Max().Should().BeGreaterThan(0.1);
        noise.Evaluate();
        ((Tensor)noise.Forward(x)).ToArray().Should().Equal(-1, 2);
        Tensor f = nn.Copy("torch.DoubleTensor", "torch.FloatTensor").Forward(x);
        f.Type().Should().Be("torch.FloatTensor");
        var t = torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        ((Tensor)nn.Index(1).Forward(new Table(t, torch.LongTensor(new[] { 3.0, 1 })))).ToArray().Should().Equal(5, 6, 1, 2);
        ((Tensor)nn.MaskedSelect().Forward(new Table(t, torch.ByteTensor(new byte[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } })))).ToArray().Should().Equal(1, 4, 5, 6);
        var rr = nn.RReLU();
        Tensor ry = rr.Forward(torch.Tensor(new[] { -1.0, 1 }));
        ry[1].Should().BeOfType<Subscript>();
        ((double)ry[1]).Should().BeInRange(-1.0 / 3, -1.0 / 8);
        ((Tensor)rr.Backward(torch.Tensor(new[] { -1.0, 1 }), torch.Tensor(2).Fill(1))).ToArray()[1].Should().Be(1);
        rr.Evaluate();
        ((double)((Tensor)rr.Forward(torch.Tensor(new[] { -1.0 })))[1]).Should().BeApproximately(-(1.0 / 8 + 1.0 / 3) / 2, 1e-15);
    }
}

public class BatchVsSingleTests
{
    public static TheoryData<string> Names => new()
    {
        "Linear", "SpatialConvolution", "SpatialMaxPooling", "LogSoftMax", "SoftMax", "Tanh", "Euclidean", "Cosine", "PReLU",
        "TemporalConvolution", "SpatialFullConvolution", "VolumetricConvolution", "LinearReLU", "Sequential",
    };

    static (Module M, Tensor Sample) Make(string name) => name switch
    {
        "Linear" => (nn.Linear(4, 3), torch.Tensor(4)),
        "SpatialConvolution" => (nn.SpatialConvolution(2, 3, 2, 2, 1, 1, 1), torch.Tensor(2, 4, 4)),
        "SpatialMaxPooling" => (nn.SpatialMaxPooling(2, 2), torch.Tensor(2, 4, 4)),
        "LogSoftMax" => (nn.LogSoftMax(), torch.Tensor(5)),
        "SoftMax" => (nn.SoftMax(), torch.Tensor(5)),
        "Tanh" => (nn.Tanh(), torch.Tensor(5)),
        "Euclidean" => (nn.Euclidean(4, 3), torch.Tensor(4)),
        "Cosine" => (nn.Cosine(4, 3), torch.Tensor(4)),
        "PReLU" => (nn.PReLU(2), torch.Tensor(2, 3, 3)),
        "TemporalConvolution" => (nn.TemporalConvolution(3, 2, 2), torch.Tensor(5, 3)),
        "SpatialFullConvolution" => (nn.SpatialFullConvolution(2, 2, 3, 3, 2, 2), torch.Tensor(2, 3, 3)),
        "VolumetricConvolution" => (nn.VolumetricConvolution(1, 2, 2, 2, 2), torch.Tensor(1, 3, 3, 3)),
        "LinearReLU" => (nn.Sequential().Add(nn.Linear(3, 3)).Add(nn.ReLU()), torch.Tensor(3)),
        "Sequential" => (nn.Sequential().Add(nn.SpatialConvolution(1, 2, 3, 3)).Add(nn.Tanh()).Add(nn.View(4)).Add(nn.Linear(4, 2)), torch.Tensor(1, 4, 3)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void BatchOfOneEqualsTheSingleSample(string name)
    {
        var (m, x) = Make(name);
        Jacobian.TestBatchVsSingle(m, x.Uniform(-1, 1)).Should().BeLessThan(1e-8);
    }
}
