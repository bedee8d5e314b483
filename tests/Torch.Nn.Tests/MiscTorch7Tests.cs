namespace Torch.Nn.Tests;

/// <summary>Torch7 details of MapTable, ParallelCriterion, BCECriterion, VolumetricMaxPooling and the full convolutions' table input,
/// each checked against a value worked out by hand from the Lua/THNN source.</summary>
public class MiscTorch7Tests
{
    [Fact]
    public void MapTableClonesAlwaysShareAndClearStateDropsThem()
    {
        var lin = nn.Linear(3, 2);
        var map = nn.MapTable(lin, false); // Lua: self.shared = shared or true
        map.Forward(new Table(torch.Tensor(3).Uniform(), torch.Tensor(3).Uniform(), torch.Tensor(3).Uniform()));
        map.Size().Should().Be(3);
        lin.Weight.Fill(2);
        lin.GradBias.Fill(5);
        ((Linear)map.Get(3)).Weight.ToArray().Should().OnlyContain(v => v == 2);
        ((Linear)map.Get(2)).GradBias.ToArray().Should().OnlyContain(v => v == 5);
        map.Parameters().Params.Count.Should().Be(6); // Container:parameters lists every clone's (shared) tensors
        map.GetParameters().Params.NElement().Should().Be(8);
        map.ClearState();
        map.Size().Should().Be(1);
        map.Get(1).Should().BeSameAs(lin);
        map.Resize(4).Size().Should().Be(4);
        map.Resize(2).Size().Should().Be(2);
    }

    [Fact]
    public void ParallelCriterionGivesZeroGradientsToInputsWithoutACriterion()
    {
        var a = torch.Tensor(new[] { 1.0, 3.0 });
        var t = torch.Tensor(new[] { 0.0, 0.0 });
        var pc = nn.ParallelCriterion(true).Add(nn.MSECriterion(), 0.5);
        Table g = pc.Backward(new Table(a, torch.Tensor(3).Fill(7), new Table(torch.Tensor(2, 2).Fill(1))), t);
        ((Tensor)g[1]).ToArray().Should().Equal(0.5 * 2 * 1 / 2, 0.5 * 2 * 3 / 2); // w * 2 (x - t) / n
        ((Tensor)g[2]).ToArray().Should().Equal(0, 0, 0);
        Table nested = g[3];
        ((Tensor)nested[1]).Size().Should().Equal(2, 2);
        ((Tensor)nested[1]).ToArray().Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public void BCECriterionRejectsInputsOutsideZeroOne()
    {
        var bce = nn.BCECriterion();
        var act = () => bce.Forward(torch.Tensor(new[] { 0.5, 1.5 }), torch.Tensor(new[] { 1.0, 0.0 }));
        act.Should().Throw<ArgumentException>().WithMessage("nn.BCECriterion: input value should be between 0~1, but got 1.500000");
        bce.Forward(torch.Tensor(new[] { 0.0, 1.0 }), torch.Tensor(new[] { 0.0, 1.0 })).Should().BeApproximately(0, 1e-9);
    }

    [Fact]
    public void VolumetricMaxPoolingCeilAndFloor()
    {
        var p = nn.VolumetricMaxPooling(2, 2, 2);
        var x = torch.Tensor(1, 5, 5, 5).Uniform();
        // THNN: ceil((5 - 2) / 2) + 1 = 3, floor((5 - 2) / 2) + 1 = 2
        ((Tensor)p.Ceil().Forward(x)).Size().Should().Equal(1, 3, 3, 3);
        ((Tensor)p.Floor().Forward(x)).Size().Should().Equal(1, 2, 2, 2);
    }

    [Fact]
    public void SpatialFullConvolutionTakesItsAdjustmentsFromATarget()
    {
        var c = nn.SpatialFullConvolution(2, 3, 3, 3, 2, 2, 1, 1);
        var x = torch.Tensor(2, 4, 4).Uniform();
        var target = torch.Tensor(3, 8, 7);
        // adjH = (8 + 2 - 3) % 2 = 1, adjW = (7 + 2 - 3) % 2 = 0
        var reference = nn.SpatialFullConvolution(2, 3, 3, 3, 2, 2, 1, 1, 0, 1);
        reference.Weight.Copy(c.Weight);
        reference.Bias.Copy(c.Bias);
        Tensor y = c.Forward(new Table(x, target));
        y.Size().Should().Equal(3, 8, 7);
        y.ToArray().Should().Equal(((Tensor)reference.Forward(x)).ToArray());
        var gy = torch.Tensor(3, 8, 7).Uniform();
        Table g = c.Backward(new Table(x, target), gy);
        ((Tensor)g[1]).ToArray().Should().Equal(((Tensor)reference.Backward(x, gy)).ToArray());
        ((Tensor)g[2]).Size().Should().Equal(3, 8, 7);
        ((Tensor)g[2]).ToArray().Should().OnlyContain(v => v == 0);
        c.GradWeight.ToArray().Should().Equal(reference.GradWeight.ToArray());
    }

    [Fact]
    public void VolumetricFullConvolutionTakesItsAdjustmentsFromATarget()
    {
        var c = nn.VolumetricFullConvolution(1, 2, 3, 3, 3, 2, 2, 2, 1, 1, 1);
        // adj = (6 + 2 - 3) % 2 = 1 in each dimension: (3 - 1) 2 - 2 + 3 + 1 = 6
        Tensor y = c.Forward(new Table(torch.Tensor(2, 1, 3, 3, 3).Uniform(), torch.Tensor(2, 2, 6, 6, 6)));
        y.Size().Should().Equal(2, 2, 6, 6, 6);
    }
}

public class MiscTorch7AuditTests
{
    [Fact]
    public void VolumetricConvolutionPaddingDefaultsChainFromPadT()
    {
        // Lua: padW = padW or padT, padH = padH or padW
        var c = nn.VolumetricConvolution(1, 1, 3, 3, 3, 1, 1, 1, 1);
        (c.PadT, c.PadW, c.PadH).Should().Be((1, 1, 1));
        ((Tensor)c.Forward(torch.Tensor(1, 4, 4, 4).Uniform())).Size().Should().Equal(1, 4, 4, 4);
        var d = nn.VolumetricConvolution(1, 1, 3, 3, 3, 1, 1, 1, 1, 0);
        (d.PadT, d.PadW, d.PadH).Should().Be((1, 0, 0));
    }
}
