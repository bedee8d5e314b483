namespace Torch.Nn.Tests;

public class CriterionTests
{
    [Fact]
    public void MSEIsTheMeanSquaredError()
    {
        var x = torch.Tensor(new[] { 1.0, 2, 3 });
        var t = torch.Tensor(new[] { 0.0, 2, 5 });
        nn.MSECriterion().Forward(x, t).Should().BeApproximately(5.0 / 3, 1e-15);
        nn.MSECriterion(sizeAverage: false).Forward(x, t).Should().Be(5);
        Tensor g = nn.MSECriterion().Backward(x, t);
        Check.Close(g, new[] { 2.0 / 3, 0, -4.0 / 3 }, 1e-15);
    }

    [Fact]
    public void ClassNLLPicksMinusTheTargetLogProbability()
    {
        var x = torch.Tensor(new double[,] { { -1, -2, -3 }, { -0.5, -4, -6 } });
        var t = torch.Tensor(new[] { 3.0, 1 });
        var crit = nn.ClassNLLCriterion();
        crit.Forward(x, t).Should().BeApproximately((3 + 0.5) / 2, 1e-15);
        Tensor g = crit.Backward(x, t);
        g.ToArray().Should().Equal(0, 0, -0.5, -0.5, 0, 0);
        nn.ClassNLLCriterion().Forward(torch.Tensor(new[] { -1.0, -2 }), 2).Should().Be(2);
    }

    [Fact]
    public void ClassNLLWeightsAndIgnoreIndex()
    {
        var x = torch.Tensor(new double[,] { { -1, -2 }, { -3, -4 }, { -5, -6 } });
        var crit = nn.ClassNLLCriterion(torch.Tensor(new[] { 1.0, 3 }), ignoreIndex: 1);
        crit.Forward(x, torch.Tensor(new[] { 2.0, 1, 2 })).Should().BeApproximately((3 * 2 + 3 * 6) / 6.0, 1e-14);
        crit.TotalWeight.Should().Be(6);
    }

    [Fact]
    public void ClassNLLTargetOutOfRangeNamesTheClassCount()
    {
        var x = torch.Tensor(2, 10).Fill(-1);
        var act = () => nn.ClassNLLCriterion().Forward(x, torch.Tensor(new[] { 0.0, 3 }));
        act.Should().Throw<IndexOutOfRangeException>().WithMessage("*target 0*1..10*10 classes*");
        var act2 = () => nn.ClassNLLCriterion().Forward(x, torch.Tensor(new[] { 11.0, 3 }));
        act2.Should().Throw<IndexOutOfRangeException>().WithMessage("*11*");
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        var x = torch.Tensor(4, 3).Uniform(-2, 2);
        Jacobian.TestCriterion(nn.MSECriterion(), x, torch.Tensor(4, 3).Uniform()).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.ClassNLLCriterion(), x, torch.Tensor(new[] { 1.0, 3, 2, 2 })).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.ClassNLLCriterion(torch.Tensor(new[] { 0.5, 1, 2 }), false), x, torch.Tensor(new[] { 1.0, 3, 2, 2 }))
            .Should().BeLessThan(Check.Precision);
    }
}

public class MoreCriterionTests
{
    [Fact]
    public void CrossEntropyIsLogSoftMaxThenNll()
    {
        var x = torch.Tensor(3, 4).Uniform(-1, 1);
        var t = torch.Tensor(new[] { 1.0, 4, 2 });
        var ce = nn.CrossEntropyCriterion();
        var lsm = nn.LogSoftMax();
        double expected = nn.ClassNLLCriterion().Forward(lsm.Forward(x), t);
        ce.Forward(x, t).Should().BeApproximately(expected, 1e-14);
        Jacobian.TestCriterion(ce, x, t).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.CrossEntropyCriterion(), torch.Tensor(4).Uniform(), 3).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void BceMatchesItsFormula()
    {
        var x = torch.Tensor(new[] { 0.2, 0.9 });
        var t = torch.Tensor(new[] { 0.0, 1 });
        double expected = -(Math.Log(0.8 + 1e-12) + Math.Log(0.9 + 1e-12)) / 2;
        nn.BCECriterion().Forward(x, t).Should().BeApproximately(expected, 1e-15);
        Jacobian.TestCriterion(nn.BCECriterion(), torch.Tensor(3, 2).Uniform(0.1, 0.9), torch.Tensor(3, 2).Uniform()).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.BCECriterion(torch.Tensor(new[] { 1.0, 2 }), false), torch.Tensor(3, 2).Uniform(0.1, 0.9), torch.Tensor(3, 2).Uniform())
            .Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void ElementwiseCriterionsMatchFormulasAndGradients()
    {
        var x = torch.Tensor(new[] { 0.5, -2 });
        var t = torch.Tensor(new[] { 1.0, -1 });
        nn.AbsCriterion().Forward(x, t).Should().BeApproximately(0.75, 1e-15);
        nn.SmoothL1Criterion().Forward(x, t).Should().BeApproximately((0.125 + 0.5) / 2, 1e-15);
        nn.MarginCriterion().Forward(x, t).Should().BeApproximately(0.5 / 2, 1e-15);
        nn.SoftMarginCriterion().Forward(x, t).Should().BeApproximately((Math.Log(1 + Math.Exp(-0.5)) + Math.Log(1 + Math.Exp(-2))) / 2, 1e-15);
        nn.HingeEmbeddingCriterion().Forward(x, t).Should().BeApproximately((0.5 + 3) / 2, 1e-15);
        nn.L1Cost().Forward(x, LuaValue.Nil).Should().Be(2.5);
        var logp = torch.Tensor(new[] { Math.Log(0.5), Math.Log(0.5) });
        nn.DistKLDivCriterion().Forward(logp, torch.Tensor(new[] { 0.25, 0.75 }))
            .Should().BeApproximately((0.25 * (Math.Log(0.25) - Math.Log(0.5)) + 0.75 * (Math.Log(0.75) - Math.Log(0.5))) / 2, 1e-15);
        var xs = torch.Tensor(3, 4).Uniform(-2, 2);
        var ys = torch.Tensor(3, 4).Uniform(-1, 1).Apply(v => v > 0 ? 1 : -1);
        foreach (Criterion c in new Criterion[] { nn.AbsCriterion(), nn.SmoothL1Criterion(), nn.MarginCriterion(), nn.SoftMarginCriterion(), nn.HingeEmbeddingCriterion(1, false), nn.MSECriterion(false) })
            Jacobian.TestCriterion(c, xs, ys).Should().BeLessThan(Check.Precision, c.ToString());
        Jacobian.TestCriterion(nn.DistKLDivCriterion(), xs, torch.Tensor(3, 4).Uniform()).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.L1Cost(), xs, LuaValue.Nil).Should().BeLessThan(Check.Precision);
    }
}

public class CriterionCoverageTests
{
    [Fact]
    public void ClassificationCriterionsMatchFormulasAndGradients()
    {
        var x = torch.Tensor(new[] { 0.1, 0.2, 0.4, 0.8 });
        nn.MultiLabelMarginCriterion().Forward(x, torch.Tensor(new[] { 4.0, 1, 0, 0 }))
            .Should().BeApproximately(((1 - 0.6) + (1 - 0.4) + (1 + 0.1) + (1 + 0.3)) / 4, 1e-15);
        nn.MultiMarginCriterion().Forward(x, 4).Should().BeApproximately(((1 - 0.7) + (1 - 0.6) + (1 - 0.4)) / 4, 1e-15);
        var xs = torch.Tensor(3, 4).Uniform(-1, 1);
        var t = torch.Tensor(new[] { 2.0, 4, 1 });
        Jacobian.TestCriterion(nn.MultiMarginCriterion(), xs, t).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.MultiMarginCriterion(2, torch.Tensor(new[] { 1.0, 2, 0.5, 1 }), 0.5), xs, t).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.MultiLabelMarginCriterion(), xs, torch.Tensor(new double[,] { { 1, 3, 0, 0 }, { 2, 0, 0, 0 }, { 4, 3, 2, 0 } })).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.MultiLabelSoftMarginCriterion(), xs, torch.Tensor(3, 4).Uniform().Apply(v => v > 0.5 ? 1 : 0)).Should().BeLessThan(Check.Precision);
        var logp = torch.Tensor(2, 3, 2, 2).Uniform(-2, 0);
        var map = torch.Tensor(new double[,,] { { { 1, 2 }, { 3, 1 } }, { { 2, 2 }, { 3, 3 } } });
        Jacobian.TestCriterion(nn.SpatialClassNLLCriterion(), logp, map).Should().BeLessThan(Check.Precision);
        nn.SpatialClassNLLCriterion().Forward(logp, map).Should().BeApproximately(
            nn.ClassNLLCriterion().Forward(logp.Permute(1, 3, 4, 2).Contiguous().View(8, 3), map.Contiguous().View(8)), 1e-14);
    }

    [Fact]
    public void PairCriterionsMatchFormulasAndGradients()
    {
        var a = torch.Tensor(new[] { 1.0, 0 });
        var b = torch.Tensor(new[] { 1.0, 1 });
        nn.CosineEmbeddingCriterion().Forward(new Table(a, b), 1).Should().BeApproximately(1 - 1 / Math.Sqrt(2), 1e-12);
        nn.CosineEmbeddingCriterion(0.5).Forward(new Table(a, b), -1).Should().BeApproximately(1 / Math.Sqrt(2) - 0.5, 1e-12);
        nn.L1HingeEmbeddingCriterion(2).Forward(new Table(a, b), -1).Should().Be(1);
        nn.MarginRankingCriterion(1).Forward(new Table(torch.Tensor(new[] { 0.5 }), torch.Tensor(new[] { 1.0 })), 1).Should().Be(1.5);
        var x1 = torch.Tensor(3, 4).Uniform(-1, 1);
        var x2 = torch.Tensor(3, 4).Uniform(-1, 1);
        var y = torch.Tensor(new[] { 1.0, -1, 1 });
        Jacobian.TestCriterion(nn.CosineEmbeddingCriterion(0.1), new Table(x1, x2), y).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.MarginRankingCriterion(0.5), new Table(torch.Tensor(3).Uniform(), torch.Tensor(3).Uniform()), y).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.L1HingeEmbeddingCriterion(5), new Table(torch.Tensor(4).Uniform(), torch.Tensor(4).Uniform()), -1).Should().BeLessThan(Check.Precision);
        Jacobian.TestCriterion(nn.DistanceRatioCriterion(), new Table(torch.Tensor(3).Uniform(), torch.Tensor(3).Uniform()), LuaValue.Nil).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void CompositeCriterions()
    {
        var x = torch.Tensor(2, 3).Uniform();
        var t = torch.Tensor(2, 3).Uniform();
        var mc = nn.MultiCriterion().Add(nn.MSECriterion()).Add(nn.AbsCriterion(), 0.5);
        mc.Forward(x, t).Should().BeApproximately(nn.MSECriterion().Forward(x, t) + 0.5 * nn.AbsCriterion().Forward(x, t), 1e-14);
        Jacobian.TestCriterion(mc, x, t).Should().BeLessThan(Check.Precision);
        var pc = nn.ParallelCriterion().Add(nn.MSECriterion()).Add(nn.ClassNLLCriterion(), 2);
        var logp = torch.Tensor(2, 4).Uniform(-2, 0);
        var cls = torch.Tensor(new[] { 1.0, 3 });
        pc.Forward(new Table(x, logp), new Table(t, cls)).Should().BeApproximately(nn.MSECriterion().Forward(x, t) + 2 * nn.ClassNLLCriterion().Forward(logp, cls), 1e-14);
        Jacobian.TestCriterion(pc, new Table(x, logp), new Table(t, cls)).Should().BeLessThan(Check.Precision);
        var w = torch.Tensor(new[] { 1.0, 2, 3 });
        var wmse = nn.WeightedMSECriterion(w);
        wmse.Forward(x, t).Should().BeApproximately(nn.MSECriterion().Forward(x, torch.Tensor(2, 3).Copy(t).Map(torch.Tensor(new double[,] { { 1, 2, 3 }, { 1, 2, 3 } }), (a, b) => a * b)), 1e-14);
        Jacobian.TestCriterion(wmse, x, t).Should().BeLessThan(Check.Precision);
    }
}

public class SimplexCriterionTests
{
    [Fact]
    public void SimplexVerticesAreUnitAndEquidistant()
    {
        var c = nn.ClassSimplexCriterion(4);
        var s = c.Simplex;
        s.Size().Should().Equal(4, 4);
        for (int i = 1; i <= 4; i++)
        {
            var vi = s.Select(1, i).ToArray();
            vi.Sum(v => v * v).Should().BeApproximately(1, 1e-12);
            vi[3].Should().Be(0);
            for (int j = i + 1; j <= 4; j++)
                vi.Zip(s.Select(1, j).ToArray()).Sum(p => p.First * p.Second).Should().BeApproximately(-1.0 / 3, 1e-12);
        }
        var x = torch.Tensor(2, 4).Uniform();
        var t = torch.Tensor(new[] { 2.0, 4 });
        var embedded = torch.Tensor(2, 4);
        embedded.Select(1, 1).Copy(s.Select(1, 2));
        embedded.Select(1, 2).Copy(s.Select(1, 4));
        c.Forward(x, t).Should().BeApproximately(nn.MSECriterion().Forward(x, embedded), 1e-15);
        Jacobian.TestCriterion(c, x, t).Should().BeLessThan(Check.Precision);
        c.GetTopPrediction(embedded).ToArray().Should().Equal(2, 4);
    }
}

public class CriterionCloneTests
{
    [Fact]
    public void CloneAndTypeOfCriterions()
    {
        var mc = nn.MultiCriterion().Add(nn.MSECriterion(), 2);
        var copy = (MultiCriterion)mc.Clone();
        copy.Weights[1] = 5;
        mc.Weights[1].Should().Be(2);
        copy.Criterions[0].Should().NotBeSameAs(mc.Criterions[0]);
        var w = torch.Tensor(new[] { 1.0, 2 });
        var nll = nn.ClassNLLCriterion(w);
        nll.Float();
        nll.Weights!.Type().Should().Be("torch.FloatTensor");
        nll.Forward(torch.FloatTensor(new[] { -1f, -2f }), 2).Should().BeApproximately(2, 1e-6);
    }
}

public class ClassNLLShapeTests
{
    [Fact]
    public void PooledMapsWithSingletonTrailingDimensionsAreBatchesOfScores()
    {
        var x = torch.Tensor(2, 4, 1, 1).Uniform(-2, 0);
        var t = torch.Tensor(new[] { 3.0, 1 });
        var crit = nn.ClassNLLCriterion();
        crit.Forward(x, t).Should().BeApproximately(nn.ClassNLLCriterion().Forward(x.View(2, 4), t), 1e-15);
        Tensor g = crit.Backward(x, t);
        g.Size().Should().Equal(2, 4, 1, 1);
        var bad = () => crit.Forward(torch.Tensor(2, 4, 2), t);
        bad.Should().Throw<ArgumentException>().WithMessage("*1D (nClasses) or 2D*2x4x2*");
    }
}

/// <summary>Torch7 details checked against its Lua/THNN formulas: boundary gradients, defaults and normalisations.</summary>
public class CriterionTorch7DetailTests
{
    [Fact]
    public void HingeGradientsAtTheBoundaryFollowThnn()
    {
        // AbsCriterion_updateGradInput: (x - t) >= 0 ? norm : -norm, so +1/n where x = t.
        Tensor abs = nn.AbsCriterion().Backward(torch.Tensor(new[] { 1.0, 2 }), torch.Tensor(new[] { 1.0, 3 }));
        abs.ToArray().Should().Equal(0.5, -0.5);
        // MarginCriterion_updateGradInput: x y < margin ? -norm y : 0, so 0 where x y = margin.
        Tensor margin = nn.MarginCriterion().Backward(torch.Tensor(new[] { 1.0, 0.5 }), torch.Tensor(new[] { 1.0, 1 }));
        margin.ToArray().Should().Equal(0, -0.5);
        // MultiMarginCriterion: only z = margin - x_y + x_i > 0 counts; here z = 0 for class 1 and 0.5 for class 3 (g = 1/3).
        Tensor mm = nn.MultiMarginCriterion().Backward(torch.Tensor(new[] { 1.0, 2, 1.5 }), 2);
        Check.Close(mm, new[] { 0, -1.0 / 3, 1.0 / 3 }, 1e-15);
        // MultiLabelMarginCriterion: z = 1 - x_j + x_i > 0 only; target {2}: z = 0 for i = 1, 0.5 for i = 3 (g = 1/3).
        Tensor ml = nn.MultiLabelMarginCriterion().Backward(torch.Tensor(new[] { 1.0, 2, 1.5 }), torch.Tensor(new[] { 2.0, 0, 0 }));
        Check.Close(ml, new[] { 0, -1.0 / 3, 1.0 / 3 }, 1e-15);
        // CosineEmbeddingCriterion zeroes the gradient where the loss is <= 0: orthogonal vectors, y = -1, margin 0.
        var g = (Table)nn.CosineEmbeddingCriterion().Backward(new Table(torch.Tensor(new[] { 1.0, 0 }), torch.Tensor(new[] { 0.0, 1 })), -1).Object!;
        ((Tensor)g[1]).ToArray().Should().Equal(0, 0);
        ((Tensor)g[2]).ToArray().Should().Equal(0, 0);
    }

    [Fact]
    public void MultiLabelMarginCountsARepeatedTargetTwice()
    {
        // THNN loops over the target list, so class 1 listed twice adds its hinge terms twice: 2 (1 - 0.5 + 0.2) / 3.
        var x = torch.Tensor(new[] { 0.5, 0.2, 0.1 });
        nn.MultiLabelMarginCriterion().Forward(x, torch.Tensor(new[] { 1.0, 1, 0 }))
            .Should().BeApproximately(2 * ((1 - 0.5 + 0.2) + (1 - 0.5 + 0.1)) / 3, 1e-15);
    }

    [Fact]
    public void MarginRankingDefaultMarginIsOne()
    {
        var c = nn.MarginRankingCriterion();
        c.Margin.Should().Be(1);
        c.Forward(new Table(torch.Tensor(new[] { 2.0 }), torch.Tensor(new[] { 1.5 })), 1).Should().BeApproximately(0.5, 1e-15);
    }

    [Fact]
    public void L1HingeEmbeddingUsesTheWholeTensorDistance()
    {
        // Lua: d = input[1]:dist(input[2], 1) over all elements; y == -1 gives max(0, margin - d).
        var a = torch.Tensor(new double[,] { { 1, 0 }, { 0, 0 } });
        var b = torch.Tensor(new double[,] { { 0, 0 }, { 0, 2 } });
        nn.L1HingeEmbeddingCriterion(5).Forward(new Table(a, b), -1).Should().Be(2);
        nn.L1HingeEmbeddingCriterion(5).Forward(new Table(a, b), 1).Should().Be(3);
        var g = (Table)nn.L1HingeEmbeddingCriterion(5).Backward(new Table(a, b), -1).Object!;
        ((Tensor)g[1]).ToArray().Should().Equal(-1, 0, 0, 1);
        ((Tensor)g[2]).ToArray().Should().Equal(1, 0, 0, -1);
    }

    [Fact]
    public void DistanceRatioAveragesOverTheFirstDimension()
    {
        // Lua: sum(X + log(exp(-X) + exp(-Y))) / X:size(1).
        var x = torch.Tensor(new double[,] { { 0.5, 1 }, { 2, 0.25 } });
        var y = torch.Tensor(new double[,] { { 1.5, 0 }, { 1, 3 } });
        double expected = 0;
        for (int i = 0; i < 4; i++)
        {
            double xi = x.ToArray()[i], yi = y.ToArray()[i];
            expected += xi + Math.Log(Math.Exp(-xi) + Math.Exp(-yi));
        }
        nn.DistanceRatioCriterion().Forward(new Table(x, y), LuaValue.Nil).Should().BeApproximately(expected / 2, 1e-14);
        Jacobian.TestCriterion(nn.DistanceRatioCriterion(), new Table(x, y), LuaValue.Nil).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void WeightedMseKeepsACopyOfItsWeight()
    {
        var w = torch.Tensor(new[] { 1.0, 2 });
        var c = nn.WeightedMSECriterion(w);
        w.Fill(10);
        c.Forward(torch.Tensor(new[] { 0.0, 0 }), torch.Tensor(new[] { 1.0, 1 })).Should().BeApproximately((1 + 4) / 2.0, 1e-15);
    }

    [Fact]
    public void ClassNllGradientIsZeroWhenTheTotalWeightIsNotPositive()
    {
        // THNN ClassNLLCriterion_updateGradInput returns early unless total_weight > 0.
        var crit = nn.ClassNLLCriterion(torch.Tensor(new[] { -1.0, 0.5 }));
        var x = torch.Tensor(new double[,] { { -1, -2 }, { -3, -4 } });
        var t = torch.Tensor(new[] { 1.0, 1 });
        crit.Forward(x, t).Should().BeApproximately(-(1 + 3) / -2.0, 1e-15);
        ((Tensor)crit.Backward(x, t)).ToArray().Should().Equal(0, 0, 0, 0);
    }

    [Fact]
    public void SpatialClassNllWithZeroTotalWeightIsNotDivided()
    {
        var logp = torch.Tensor(1, 2, 1, 2).Fill(-1);
        var map = torch.Tensor(new double[,,] { { { 1, 1 } } });
        nn.SpatialClassNLLCriterion(torch.Tensor(new[] { 0.0, 1 })).Forward(logp, map).Should().Be(0);
    }
}
