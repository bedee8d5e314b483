namespace Torch.Nn.Tests;

[Collection("Console")] // captures the console, as OracleNnTests does
public class ContainerTests
{
    [Fact]
    public void MapTableSharesParametersAcrossElements()
    {
        var lin = nn.Linear(4, 2);
        var map = nn.MapTable(lin);
        Table outs = map.Forward(new Table(torch.Tensor(4).Uniform(), torch.Tensor(4).Uniform(), torch.Tensor(4).Uniform()));
        outs.Length.Should().Be(3);
        map.Size().Should().Be(3);
        lin.Weight.Fill(1);
        ((Linear)map.Get(3)).Weight.ToArray().Should().OnlyContain(v => v == 1);
        var net = nn.Sequential().Add(nn.SplitTable(1)).Add(nn.MapTable(nn.Linear(4, 2))).Add(nn.JoinTable(1));
        Jacobian.TestJacobian(net, torch.Tensor(3, 4)).Should().BeLessThan(Check.Precision);
        var inner = (MapTable)net.Get(2);
        var (ps, gs) = inner.Parameters();
        Jacobian.TestJacobianParameters(net, torch.Tensor(3, 4), ps[0], gs[0]).Should().BeLessThan(Check.Precision);
        net.GetParameters().Params.NElement().Should().Be(10);
    }

    [Fact]
    public void ParallelSlicesAndConcatenates()
    {
        var p = nn.Parallel(1, 1).Add(nn.Linear(3, 2)).Add(nn.Linear(3, 4));
        ((Tensor)p.Forward(torch.Tensor(2, 3).Uniform())).Size().Should().Equal(6);
        Check.Gradients(p, torch.Tensor(2, 3));
    }

    [Fact]
    public void DecoratorsBottleNaNMaxoutCReLU()
    {
        var bottle = nn.Bottle(nn.Linear(4, 3));
        ((Tensor)bottle.Forward(torch.Tensor(2, 5, 4).Uniform())).Size().Should().Equal(2, 5, 3);
        Check.Gradients(bottle, torch.Tensor(2, 3, 4));
        var nan = nn.NaN(nn.Log(), "log");
        var act = () => nan.Forward(torch.Tensor(new[] { -1.0 }));
        act.Should().Throw<InvalidOperationException>().WithMessage("*NaN*output*nn.Log*");
        ((Tensor)nan.Forward(torch.Tensor(new[] { 1.0 }))).ToArray().Should().Equal(0);
        var maxout = nn.Maxout(6, 3, 2);
        ((Tensor)maxout.Forward(torch.Tensor(4, 6).Uniform())).Size().Should().Equal(4, 3);
        Check.Gradients(maxout, torch.Tensor(2, 6));
        var crelu = nn.CReLU(1);
        ((Tensor)crelu.Forward(torch.Tensor(new[] { -1.0, 2 }))).ToArray().Should().Equal(0, 2, 1, 0);
        Jacobian.TestJacobian(nn.CReLU(1), torch.Tensor(3, 4)).Should().BeLessThan(Check.Precision);
        var dec = nn.Decorator(nn.Linear(3, 2));
        Check.Gradients(dec, torch.Tensor(3));
    }

    [Fact]
    public void LayerNormalizationAndTemporalSubSampling()
    {
        var ln = nn.LayerNormalization(5);
        Tensor y = ln.Forward(torch.Tensor(5).Uniform(-2, 2)); // a batch follows Torch7's layout (OracleNnTests)
        y.ToArray().Average().Should().BeApproximately(0, 1e-12);
        y.ToArray().Sum(v => v * v).Should().BeApproximately(5, 1e-8);
        Check.Gradients(nn.LayerNormalization(4), torch.Tensor(3, 4));
        var ts = nn.TemporalSubSampling(3, 2, 2);
        ((Tensor)ts.Forward(torch.Tensor(6, 3).Uniform())).Size().Should().Equal(3, 3);
        Check.Gradients(ts, torch.Tensor(2, 5, 3));
    }

    [Fact]
    public void CriterionWrappersAndStochasticGradient()
    {
        var y = torch.Tensor(new[] { 1.0, 2 });
        var t = torch.Tensor(new[] { 0.0, 0 });
        LuaValue loss = nn.CriterionTable(nn.MSECriterion()).Forward(new Table(y, t));
        ((double)loss).Should().Be(2.5);
        var mc = nn.ModuleCriterion(nn.ClassNLLCriterion(), nn.LogSoftMax());
        var scores = torch.Tensor(3, 4).Uniform();
        var cls = torch.Tensor(new[] { 1.0, 4, 2 });
        mc.Forward(scores, cls).Should().BeApproximately(nn.CrossEntropyCriterion().Forward(scores, cls), 1e-14);
        Jacobian.TestCriterion(mc, scores, cls).Should().BeLessThan(Check.Precision);

        torch.ManualSeed(3);
        var net = nn.Sequential().Add(nn.Linear(2, 1));
        var data = new List<(LuaValue, LuaValue)>();
        for (int i = 0; i < 20; i++)
        {
            var x = torch.Tensor(2).Uniform(-1, 1);
            data.Add((x, torch.Tensor(1).Fill(2 * (double)x[1] - (double)x[2] + 0.5)));
        }
        var trainer = nn.StochasticGradient(net, nn.MSECriterion());
        trainer.LearningRate = 0.1;
        trainer.Verbose = false;
        var errors = new List<double>();
        trainer.HookIteration = (_, _, e) => errors.Add(e);
        trainer.Train(data);
        errors.Should().HaveCount(25);
        errors[^1].Should().BeLessThan(errors[0] / 10);
    }
}

public class SmallModuleTests
{
    [Fact]
    public void VolumetricDropoutClampPrintSize()
    {
        var vd = nn.VolumetricDropout(0.5);
        Tensor y = vd.Forward(torch.Tensor(2, 3, 2, 2, 2).Fill(1));
        for (int c = 1; c <= 3; c++) y.Select(1, 1).Select(1, c).ToArray().Distinct().Should().HaveCount(1);
        ((Tensor)nn.Clamp(-0.5, 0.5).Forward(torch.Tensor(new[] { -1.0, 0.2, 3 }))).ToArray().Should().Equal(-0.5, 0.2, 0.5);
        Jacobian.TestJacobian(nn.Clamp(-0.5, 0.5), torch.Tensor(5)).Should().BeLessThan(Check.Precision);
        var ps = nn.PrintSize("here");
        var x = torch.Tensor(2, 3);
        var writer = new StringWriter();
        var old = Console.Out;
        Console.SetOut(writer);
        try { ps.Forward(x).Object.Should().BeSameAs(x); }
        finally { Console.SetOut(old); }
        writer.ToString().ReplaceLineEndings("\n").Should().Contain("here:input\n\t 2\n 3\n[torch.LongStorage of size 2]\n");
    }
}

public class LateModuleTests
{
    [Fact]
    public void DepthConcatCentresSmallerOutputs()
    {
        var dc = nn.DepthConcat(1).Add(nn.SpatialConvolution(1, 2, 3, 3)).Add(nn.SpatialConvolution(1, 1, 1, 1));
        var x = torch.Tensor(1, 5, 5).Uniform();
        Tensor y = dc.Forward(x);
        y.Size().Should().Equal(3, 5, 5);
        Tensor small = dc.Get(1).Output;
        Check.Close(y.Narrow(1, 1, 2).Narrow(2, 2, 3).Narrow(3, 2, 3), small, 0);
        ((double)y[1, 1, 1]).Should().Be(0);
        Check.Gradients(dc, torch.Tensor(1, 5, 5));
    }

    [Fact]
    public void ZipOneToManyAndCAddTensorTable()
    {
        var v = torch.Tensor(new[] { 1.0, 2 });
        var a = torch.Tensor(new[] { 10.0, 20 });
        var b = torch.Tensor(new[] { 30.0, 40 });
        Table z = nn.ZipTableOneToMany().Forward(new Table(v, new Table(a, b)));
        ((Tensor)((Table)z[2])[1]).Should().BeSameAs(v);
        Table gz = nn.ZipTableOneToMany().Backward(new Table(v, new Table(a, b)), new Table(new Table(a, b), new Table(b, a)));
        ((Tensor)gz[1]).ToArray().Should().Equal(40, 60);
        Table s = nn.CAddTensorTable().Forward(new Table(v, new Table(a, b)));
        ((Tensor)s[2]).ToArray().Should().Equal(31, 42);
        Table gs = nn.CAddTensorTable().Backward(new Table(v, new Table(a, b)), new Table(a, b));
        ((Tensor)gs[1]).ToArray().Should().Equal(40, 60);
    }

    [Fact]
    public void LateLayersPassJacobian()
    {
        Check.Gradients(nn.LinearWeightNorm(4, 3), torch.Tensor(2, 4));
        var lwn = nn.LinearWeightNorm(4, 3);
        Tensor y = lwn.Forward(torch.Tensor(4).Fill(1));
        var lin = nn.Linear(4, 3);
        lin.Weight.Copy(lwn.V);
        lin.Bias.Copy(lwn.Bias);
        Check.Close(y, lin.Forward(torch.Tensor(4).Fill(1)), 1e-12);
        Check.Gradients(nn.VolumetricFullConvolution(2, 1, 2, 2, 2, 2, 2, 2), torch.Tensor(2, 2, 2, 2));
        Check.Gradients(nn.VolumetricDilatedConvolution(1, 2, 2, 2, 2, 1, 1, 1, 0, 0, 0, 2, 2, 2), torch.Tensor(1, 4, 4, 4));
        Jacobian.TestJacobian(nn.VolumetricDilatedMaxPooling(2, 2, 2, 1, 1, 1, 0, 0, 0, 2, 2, 2), torch.Tensor(1, 4, 4, 4)).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(nn.VolumetricReplicationPadding(1, 0, 1, 0, 0, 1), torch.Tensor(1, 2, 2, 2)).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(nn.SpatialLPPooling(2, 2, 2, 2), torch.Tensor(2, 4, 4), 0.5, 2).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(nn.TemporalDynamicKMaxPooling(2, 0.5), torch.Tensor(5, 3)).Should().BeLessThan(Check.Precision);
        ((Tensor)nn.TemporalDynamicKMaxPooling(2).Forward(torch.Tensor(new double[,] { { 1 }, { 5 }, { 2 }, { 4 } }))).ToArray().Should().Equal(5, 4);
        ((Tensor)nn.VolumetricFullConvolution(2, 1, 2, 2, 2, 2, 2, 2).Forward(torch.Tensor(2, 3, 3, 3))).Size().Should().Equal(1, 6, 6, 6);
    }

    [Fact]
    public void MaxUnpoolingPutsValuesBackAtTheMaxima()
    {
        var pool = nn.SpatialMaxPooling(2, 2);
        var unpool = nn.SpatialMaxUnpooling(pool);
        var x = torch.Tensor(new double[,,] { { { 1, 5, 2, 0 }, { 3, 4, 8, 1 } } });
        Tensor p = pool.Forward(x);
        p.ToArray().Should().Equal(5, 8);
        pool.Indices.ToArray().Should().Equal(2, 7);
        Tensor u = unpool.Forward(p);
        u.ToArray().Should().Equal(0, 5, 0, 0, 0, 0, 8, 0);
        unpool.ToString().Should().Be("nn.SpatialMaxUnpooling associated to nn.SpatialMaxPooling(2x2, 2,2)");
        var net = nn.Sequential().Add(pool).Add(unpool);
        Jacobian.TestJacobian(net, torch.Tensor(1, 4, 4)).Should().BeLessThan(Check.Precision);
    }
}

public class DecoratorAndErrorTests
{
    [Fact]
    public void DontCastKeepsTheModuleTypeAndConvertsAtTheBorders()
    {
        var inner = nn.Linear(3, 2);
        var net = nn.Sequential().Add(nn.DontCast(inner, castin: true, castout: true)).Add(nn.Tanh());
        net.Float();
        inner.Weight.Type().Should().Be("torch.DoubleTensor");
        var x = torch.FloatTensor(3).Uniform();
        Tensor y = net.Forward(x);
        y.Type().Should().Be("torch.FloatTensor");
        Tensor g = net.Backward(x, torch.FloatTensor(2).Fill(1));
        g.Type().Should().Be("torch.FloatTensor");
    }

    [Fact]
    public void ProfileCountsCalls()
    {
        var p = nn.Profile(nn.Linear(3, 2), 1000);
        var x = torch.Tensor(3).Uniform();
        p.Forward(x);
        p.Backward(x, torch.Tensor(2).Fill(1));
        p.NumFwds.Should().Be(1);
        p.NumBwds.Should().Be(1);
        p.SummedFwdTime.Should().BeGreaterThan(0);
        Check.Gradients(nn.Profile(nn.Linear(3, 2)), torch.Tensor(3));
    }

    [Fact]
    public void AutoCropMSECropsTheCentre()
    {
        // Torch7 crops the target (the larger one) to the input's size
        var x = torch.Tensor(1, 2, 2).Uniform();
        var t = torch.Tensor(1, 4, 4).Uniform();
        var crop = t.Narrow(2, 2, 2).Narrow(3, 2, 2).Clone();
        nn.SpatialAutoCropMSECriterion().Forward(x, t).Should().BeApproximately(nn.MSECriterion().Forward(x, crop), 1e-15);
        Jacobian.TestCriterion(nn.SpatialAutoCropMSECriterion(), x, t).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void LibtorchErrorsNameTheModuleAndDoNotCrash()
    {
        var net = nn.Sequential().Add(nn.Identity()).Add(nn.SpatialUpSamplingBilinear(10, 0));
        var act = () => net.Forward(torch.Tensor(1, 3, 3).Uniform());
        act.Should().Throw<ArgumentException>().WithMessage("In 2 module of nn.Sequential:\nnn.SpatialUpSamplingBilinear*1x3x3*");
        var wrongType = () => nn.Sequential().Add(nn.SpatialConvolution(1, 2, 2, 2)).Forward(torch.FloatTensor(1, 3, 3));
        wrongType.Should().Throw<ArgumentException>().WithMessage("*nn.SpatialConvolution(1 -> 2, 2x2)*torch.DoubleTensor*torch.FloatTensor*");
        var table = () => nn.Tanh().Forward(new Table(torch.Tensor(2)));
        table.Should().Throw<ArgumentException>().WithMessage("nn.Tanh: expected a Tensor as input, got table");
        var crit = () => nn.MSECriterion().Forward(torch.Tensor(3), torch.Tensor(4));
        crit.Should().Throw<ArgumentException>().WithMessage("nn.MSECriterion*same number of elements*3*4*");
    }
}

public class LocalConvolutionTests
{
    [Fact]
    public void LocalConvolutionWithTiedWeightsEqualsAConvolution()
    {
        var local = nn.SpatialConvolutionLocal(2, 3, 5, 4, 3, 2, 1, 1, 1);
        var conv = nn.SpatialConvolution(2, 3, 3, 2, 1, 1, 1);
        for (int h = 1; h <= local.OH; h++)
            for (int w = 1; w <= local.OW; w++)
            {
                using var slot = local.Weight.Select(1, h).Select(1, w);
                slot.Copy(conv.Weight);
                for (int o = 1; o <= 3; o++) local.Bias[o, h, w] = conv.Bias[o];
            }
        var x = torch.Tensor(2, 2, 4, 5).Uniform();
        Check.Close(local.Forward(x), conv.Forward(x), 1e-12);
        local.ToString().Should().Be("nn.SpatialConvolutionLocal(2 -> 3, 5x4, 3x2, 1,1, 1,1)");
        Check.Gradients(nn.SpatialConvolutionLocal(1, 2, 3, 3, 2, 2), torch.Tensor(1, 3, 3));
        var act = () => local.Forward(torch.Tensor(2, 5, 5));
        act.Should().Throw<ArgumentException>().WithMessage("*inconsistent with expected input size (2x4x5)*");
    }
}

public class LocalNormalizationTests
{
    [Fact]
    public void SubtractiveNormalizationZeroesAConstantImage()
    {
        Tensor y = nn.SpatialSubtractiveNormalization(2, torch.Tensor(3, 3).Fill(1)).Forward(torch.Tensor(2, 5, 5).Fill(4));
        y.ToArray().Should().OnlyContain(v => Math.Abs(v) < 1e-12);
        Tensor y1 = nn.SpatialSubtractiveNormalization(1, torch.Tensor(3).Fill(1)).Forward(torch.Tensor(1, 4, 4).Fill(2));
        y1.ToArray().Should().OnlyContain(v => Math.Abs(v) < 1e-12);
        var x = torch.Tensor(1, 3, 3).Uniform();
        Tensor centre = nn.SpatialSubtractiveNormalization(1, torch.Tensor(3, 3).Fill(1)).Forward(x);
        ((double)centre[1, 2, 2]).Should().BeApproximately((double)x[1, 2, 2] - x.ToArray().Average(), 1e-12);
    }

    [Fact]
    public void DivisiveNormalizationIsScaleInvariantAndContrastiveComposes()
    {
        var x = torch.Tensor(2, 4, 4).Uniform(0.5, 1);
        var d = nn.SpatialDivisiveNormalization(2, torch.Tensor(3, 3).Fill(1));
        var y1 = ((Tensor)d.Forward(x)).Clone();
        Tensor y2 = d.Forward(x.Clone().Apply(v => v * 3));
        Check.Close(y2, y1, 1e-12);
        var c = nn.SpatialContrastiveNormalization(2, torch.Tensor(3, 3).Fill(1));
        Tensor yc = c.Forward(x);
        Tensor expected = nn.SpatialDivisiveNormalization(2, torch.Tensor(3, 3).Fill(1)).Forward(nn.SpatialSubtractiveNormalization(2, torch.Tensor(3, 3).Fill(1)).Forward(x));
        Check.Close(yc, expected, 1e-12);
        Jacobian.TestJacobian(nn.SpatialSubtractiveNormalization(2, torch.Tensor(3, 3).Fill(1)), torch.Tensor(2, 4, 4)).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(nn.SpatialDivisiveNormalization(1, torch.Tensor(3).Fill(1)), torch.Tensor(1, 4, 4), 0.5, 2).Should().BeLessThan(Check.Precision);
    }
}

public class UpSamplingTests
{
    [Fact]
    public void UpSamplingNearestAndLinear()
    {
        var x = torch.Tensor(new double[,,,] { { { { 1, 2 }, { 3, 4 } } } });
        Tensor n = nn.UpSampling(2).Forward(x);
        n.Size().Should().Equal(1, 1, 4, 4);
        n.Select(3, 1).ToArray().Should().Equal(1, 1, 2, 2);
        Tensor l = nn.UpSampling(2, "linear").Forward(x);
        l.Size().Should().Equal(1, 1, 4, 4);
        ((double)l[1, 1, 1, 1]).Should().Be(1);
        ((double)l[1, 1, 4, 4]).Should().Be(4);
        ((Tensor)nn.UpSampling(3, 5).Forward(x)).Size().Should().Equal(1, 1, 3, 5);
        ((Tensor)nn.UpSampling(2).Forward(torch.Tensor(1, 1, 2, 2, 2))).Size().Should().Equal(1, 1, 4, 4, 4);
        nn.UpSampling(2).ToString().Should().Be("nn.UpSampling(2x, nearest)");
        Jacobian.TestJacobian(nn.UpSampling(2, "linear"), torch.Tensor(1, 1, 2, 3)).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(nn.UpSampling(2), torch.Tensor(1, 1, 2, 2, 2)).Should().BeLessThan(Check.Precision);
    }
}

public class VolumetricUnpoolingTests
{
    [Fact]
    public void VolumetricMaxUnpoolingInvertsThePoolingSupport()
    {
        var pool = nn.VolumetricMaxPooling(2, 2, 2);
        var unpool = nn.VolumetricMaxUnpooling(pool);
        var x = torch.Tensor(1, 2, 2, 2).Uniform();
        x[1, 2, 1, 2] = 5;
        Tensor p = pool.Forward(x);
        ((double)p[1, 1, 1, 1]).Should().Be(5);
        Tensor u = unpool.Forward(p);
        u.Size().Should().Equal(1, 2, 2, 2);
        ((double)u[1, 2, 1, 2]).Should().Be(5);
        u.ToArray().Count(v => v != 0).Should().Be(1);
        Jacobian.TestJacobian(nn.Sequential().Add(pool).Add(unpool), torch.Tensor(2, 1, 4, 2, 2)).Should().BeLessThan(Check.Precision);
        var act = () => nn.VolumetricMaxUnpooling(nn.VolumetricMaxPooling(2, 2, 2)).Forward(torch.Tensor(1, 1, 1, 1));
        act.Should().Throw<ArgumentException>().WithMessage("*run the pooling module first*");
    }
}

public class RowConvolutionTests
{
    [Fact]
    public void RowConvolutionConvolvesEachFeatureOverTime()
    {
        var rc = nn.TemporalRowConvolution(2, 2);
        rc.Weight.Copy(torch.Tensor(new double[] { 1, 2, 3, 4 }));
        rc.Bias.Fill(0);
        var x = torch.Tensor(new double[,] { { 1, 10 }, { 2, 20 }, { 3, 30 } });
        Tensor y = rc.Forward(x);
        y.Size().Should().Equal(2, 2);
        y.ToArray().Should().Equal(1 * 1 + 2 * 2, 3 * 10 + 4 * 20, 1 * 2 + 2 * 3, 3 * 20 + 4 * 30);
        Tensor yf = nn.TemporalRowConvolution(2, 2, 1, true).Forward(torch.Tensor(2, 5));
        yf.Size().Should().Equal(2, 4);
        Check.Gradients(nn.TemporalRowConvolution(3, 2, 2), torch.Tensor(2, 5, 3));
        Check.Gradients(nn.TemporalRowConvolution(3, 2, 1, true), torch.Tensor(3, 4));
    }
}

public class ConvolutionMapTests
{
    [Fact]
    public void ConnectionTables()
    {
        nn.tables.Full(2, 3).ToArray().Should().Equal(1, 1, 2, 1, 1, 2, 2, 2, 1, 3, 2, 3);
        nn.tables.OneToOne(2).ToArray().Should().Equal(1, 1, 2, 2);
        var r = nn.tables.Random(6, 4, 3);
        r.Size().Should().Equal(12, 2);
        for (int o = 1; o <= 4; o++) r.Narrow(1, 3 * o - 2, 3).Select(2, 1).ToArray().Distinct().Should().HaveCount(3);
    }

    [Fact]
    public void FullMapEqualsAConvolutionAndGradientsCheck()
    {
        var map = nn.SpatialConvolutionMap(nn.tables.Full(2, 3), 3, 3);
        var conv = nn.SpatialConvolution(2, 3, 3, 3);
        for (int k = 1; k <= 6; k++)
        {
            int i = (k - 1) % 2 + 1, o = (k - 1) / 2 + 1;
            using var kernel = conv.Weight.Select(1, o).Select(1, i);
            map.Weight.Select(1, k).Copy(kernel);
        }
        map.Bias.Copy(conv.Bias);
        var x = torch.Tensor(2, 5, 5).Uniform();
        Check.Close(map.Forward(x), conv.Forward(x), 1e-12);
        Check.Gradients(nn.SpatialConvolutionMap(nn.tables.OneToOne(2), 2, 2), torch.Tensor(2, 3, 3));
        Check.Gradients(nn.SpatialFullConvolutionMap(nn.tables.Full(2, 1), 2, 2, 2, 2), torch.Tensor(2, 2, 2));
        ((Tensor)nn.SpatialFullConvolutionMap(nn.tables.OneToOne(2), 3, 3, 2, 2).Forward(torch.Tensor(2, 4, 4))).Size().Should().Equal(2, 9, 9);
    }
}

public class PartialLinearTests
{
    [Fact]
    public void PartialLinearComputesTheSelectedColumns()
    {
        var pl = nn.PartialLinear(3, 5);
        pl.Bias.Uniform();
        var x = torch.Tensor(2, 3).Uniform();
        Tensor full = ((Tensor)pl.Forward(x)).Clone();
        full.Size().Should().Equal(2, 5);
        pl.SetPartition(torch.Tensor(new[] { 2.0, 5 }));
        Tensor part = pl.Forward(x);
        part.Size().Should().Equal(2, 2);
        Check.Close(part.Select(2, 2), full.Select(2, 5), 1e-14);
        Check.Gradients(pl, torch.Tensor(2, 3));
        pl.ZeroGradParameters();
        pl.Backward(x, torch.Tensor(2, 2).Fill(1));
        pl.GradWeight.Select(1, 1).ToArray().Should().OnlyContain(v => v == 0);
        pl.ToString().Should().Be("nn.PartialLinear(3 -> 5)");
    }
}

public class WeightNormTests
{
    [Fact]
    public void WeightNormReparameterisesTheWeight()
    {
        var lin = nn.Linear(4, 3);
        var wn = nn.WeightNorm(lin);
        var x = torch.Tensor(2, 4).Uniform();
        wn.Forward(x);
        var norms = Enumerable.Range(1, 3).Select(r => Math.Sqrt(lin.Weight.Select(1, r).ToArray().Sum(v => v * v))).ToArray();
        for (int r = 0; r < 3; r++) norms[r].Should().BeApproximately(wn.G.ToArray()[r] * Math.Sqrt(wn.V.Select(1, r + 1).ToArray().Sum(v => v * v)) / Math.Sqrt(wn.V.Select(1, r + 1).ToArray().Sum(v => v * v) + 1e-4), 1e-12);
        Jacobian.TestJacobian(wn, torch.Tensor(2, 4)).Should().BeLessThan(Check.Precision);
        var (ps, gs) = wn.Parameters();
        Jacobian.TestJacobianParameters(wn, torch.Tensor(2, 4), ps[0], gs[0]).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobianParameters(wn, torch.Tensor(2, 4), ps[1], gs[1]).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(nn.WeightNorm(nn.SpatialConvolution(2, 3, 2, 2)), torch.Tensor(2, 3, 3)).Should().BeLessThan(Check.Precision);
        var conv = nn.WeightNorm(nn.SpatialConvolution(2, 3, 2, 2));
        var (cp, cg) = conv.Parameters();
        Jacobian.TestJacobianParameters(conv, torch.Tensor(2, 3, 3), cp[0], cg[0]).Should().BeLessThan(Check.Precision);
        wn.ToString().Should().Be("nn.WeightNorm @ nn.Linear(4 -> 3)"); // as Torch7 prints it (a Decorator)
        wn.G.Size().Should().Equal(3, 1); // Lua's g:norm(v, 2, 2) keeps the dimension
    }
}

public class FeatureLPPoolingTests
{
    [Fact]
    public void PoolsAcrossFeatures()
    {
        var x = torch.Tensor(new[] { 3.0, 4, 0, 5 });
        ((Tensor)nn.FeatureLPPooling(2, 2, 2, false).Forward(x)).ToArray().Should().Equal(5, 5);
        ((Tensor)nn.FeatureLPPooling(3, 1, 2, true).Forward(torch.Tensor(2, 6, 4))).Size().Should().Equal(2, 4, 4);
        Jacobian.TestJacobian(nn.FeatureLPPooling(2, 1, 2, true), torch.Tensor(2, 4, 3), 0.5, 2).Should().BeLessThan(Check.Precision);
    }
}

public class ConvertTests
{
    [Fact]
    public void ConvertBetweenLayouts()
    {
        var x = torch.Tensor(2, 3, 4, 5).Uniform();
        Tensor bf = nn.Convert("bchw", "bf").Forward(x);
        bf.Size().Should().Equal(2, 60);
        Check.Close(bf.Select(1, 2), x.Select(1, 2).Contiguous().View(60), 0);
        Tensor hwc = nn.Convert("bchw", "bhwc").Forward(x);
        hwc.Size().Should().Equal(2, 4, 5, 3);
        ((double)hwc[1, 2, 3, 2]).Should().Be((double)x[1, 2, 2, 3]);
        Tensor single = nn.Convert("chw", "f").Forward(torch.Tensor(3, 2, 2).Uniform());
        single.Size().Should().Equal(12);
        ((Tensor)nn.Convert("bf", "b").Forward(torch.Tensor(4, 1))).Size().Should().Equal(4);
        ((Tensor)nn.Convert("b", "bt").Forward(torch.Tensor(4))).Size().Should().Equal(4, 1);
        Jacobian.TestJacobian(nn.Convert("bchw", "bwhc"), torch.Tensor(2, 2, 3, 2)).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(nn.Convert("chw", "f"), torch.Tensor(2, 3, 2)).Should().BeLessThan(Check.Precision);
        var bad = () => nn.Convert("bchw", "bt").Forward(x);
        bad.Should().Throw<ArgumentException>().WithMessage("*cannot convert shape 'bchw' to bt*");
    }
}

public class FractionalPoolingTests
{
    [Fact]
    public void FractionalPoolingPicksInputMaximaAndChecksWithFixedRegions()
    {
        var p = nn.SpatialFractionalMaxPooling(2, 2, 0.5, 0.5);
        var x = torch.Tensor(2, 10, 10).Uniform();
        Tensor y = p.Forward(x);
        y.Size().Should().Equal(2, 5, 5);
        var values = new HashSet<double>(x.ToArray());
        y.ToArray().Should().OnlyContain(v => values.Contains(v));
        ((Tensor)nn.SpatialFractionalMaxPooling(2, 2, 4, 3).Forward(torch.Tensor(1, 2, 9, 9))).Size().Should().Equal(1, 2, 3, 4);
        Jacobian.TestJacobian(nn.SpatialFractionalMaxPooling(2, 2, 3, 3).FixPoolingRegions(), torch.Tensor(2, 6, 6)).Should().BeLessThan(Check.Precision);
        var v = nn.VolumetricFractionalMaxPooling(2, 2, 2, 2, 2, 2).FixPoolingRegions();
        ((Tensor)v.Forward(torch.Tensor(1, 5, 5, 5))).Size().Should().Equal(1, 2, 2, 2);
        Jacobian.TestJacobian(v, torch.Tensor(1, 5, 5, 5)).Should().BeLessThan(Check.Precision);
    }
}
