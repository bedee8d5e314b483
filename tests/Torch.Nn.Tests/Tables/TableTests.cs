namespace Torch.Nn.Tests;

public class TableTests
{
    [Fact]
    public void CMulAndCAddTablesKeepTheirGradInputTableAsLua()
    {
        // CMulTable.lua / CAddTable.lua: self.gradInput is one table for the module's life, its tensors reused, entries past
        // #input set to nil; values by hand: d(a b c)/da = g b c, and CAddTable passes g to each input
        var a = torch.Tensor(2, 3).Uniform(-1, 1);
        var b = torch.Tensor(2, 3).Uniform(-1, 1);
        var c = torch.Tensor(2, 3).Uniform(-1, 1);
        var g = torch.Tensor(2, 3).Uniform(-1, 1);
        foreach (var m in new Module[] { nn.CMulTable(), nn.CAddTable() })
        {
            bool mul = m is CMulTable;
            m.Forward(new Table(a, b, c));
            Table three = m.Backward(new Table(a, b, c), g);
            var first = (Tensor)three[1];
            var expected = mul ? g.Clone().Cmul(b).Cmul(c) : g;
            Check.Close(first, expected, 0);
            // a strided operand takes libtorch's route: the same values
            var strided = torch.Tensor(3, 2).T().Copy(b);
            m.Forward(new Table(a, strided));
            Table two = m.Backward(new Table(a, strided), g);
            ReferenceEquals(two, three).Should().BeTrue($"{m} keeps its gradInput table");
            two.Length.Should().Be(2);
            ReferenceEquals(two[1].Object, first).Should().BeTrue($"{m} reuses its gradInput tensors");
            Check.Close((Tensor)two[1], mul ? g.Clone().Cmul(b) : g, 0);
            Check.Close((Tensor)two[2], mul ? g.Clone().Cmul(a) : g, 0);
            Check.Close((Tensor)m.Output, mul ? a.Clone().Cmul(b) : a.Clone().Add(b), 0);
        }
    }

    [Fact]
    public void DesignSnippetConcatTableAndJoinTable()
    {
        var x5 = torch.Tensor(5).Uniform();
        var ct = nn.ConcatTable().Add(nn.Linear(5, 3)).Add(nn.Linear(5, 2));
        Table outs = ct.Forward(x5);
        outs.Length.Should().Be(2);
        Tensor o1 = outs[1];
        o1.Size().Should().Equal(3);
        Tensor joined = nn.JoinTable(1).Forward(outs);
        joined.Size().Should().Equal(5);
        Check.Close(joined.Narrow(1, 4, 2), ((Tensor)outs[2]).ToArray(), 0);
    }

    [Fact]
    public void ConcatTableGradientIsTheSumOfBranches()
    {
        var net = nn.Sequential().Add(nn.ConcatTable().Add(nn.Linear(4, 3)).Add(nn.Tanh())).Add(nn.JoinTable(1));
        Jacobian.TestJacobian(net, torch.Tensor(4)).Should().BeLessThan(Check.Precision);
        var batch = nn.Sequential().Add(nn.ConcatTable().Add(nn.Linear(4, 3)).Add(nn.Identity())).Add(nn.JoinTable(1, 1));
        Jacobian.TestJacobian(batch, torch.Tensor(2, 4)).Should().BeLessThan(Check.Precision);
        var (ps, gs) = batch.Parameters();
        Jacobian.TestJacobianParameters(batch, torch.Tensor(2, 4), ps[0], gs[0]).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void ParallelTableAppliesModuleIToElementI()
    {
        var net = nn.Sequential().Add(nn.SplitTable(1)).Add(nn.ParallelTable().Add(nn.Linear(3, 2)).Add(nn.Tanh())).Add(nn.JoinTable(1));
        Tensor y = net.Forward(torch.Tensor(2, 3).Uniform());
        y.Size().Should().Equal(5);
        Jacobian.TestJacobian(net, torch.Tensor(2, 3)).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void ConcatConcatenatesAlongADimension()
    {
        var c = nn.Concat(1).Add(nn.Linear(4, 3)).Add(nn.Linear(4, 2));
        Tensor y = c.Forward(torch.Tensor(4).Uniform());
        y.Size().Should().Equal(5);
        Check.Gradients(c, torch.Tensor(4));
        var c2 = nn.Concat(2).Add(nn.Linear(4, 3)).Add(nn.Tanh());
        ((Tensor)c2.Forward(torch.Tensor(2, 4).Uniform())).Size().Should().Equal(2, 7);
        Jacobian.TestJacobian(c2, torch.Tensor(2, 4)).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void BranchContainersPrintLikeTorch7()
    {
        var ct = nn.ConcatTable().Add(nn.Linear(5, 3)).Add(nn.Tanh());
        ct.ToString().Should().Be("nn.ConcatTable {\n  input\n    |`-> (1): nn.Linear(5 -> 3)\n     `-> (2): nn.Tanh\n     ... -> output\n}");
    }

    [Fact]
    public void CAddSelectNarrowSelect()
    {
        var a = torch.Tensor(new[] { 1.0, 2 });
        var b = torch.Tensor(new[] { 10.0, 20 });
        ((Tensor)nn.CAddTable().Forward(new Table(a, b))).ToArray().Should().Equal(11, 22);
        ((Tensor)nn.SelectTable(-1).Forward(new Table(a, b))).Should().BeSameAs(b);
        Table g = nn.SelectTable(2).Backward(new Table(a, b), torch.Tensor(new[] { 5.0, 6 }));
        ((Tensor)g[1]).ToArray().Should().Equal(0, 0);
        ((Tensor)g[2]).ToArray().Should().Equal(5, 6);
        var x = torch.Tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        ((Tensor)nn.Narrow(2, 2, 2).Forward(x)).ToArray().Should().Equal(2, 3, 5, 6);
        ((Tensor)nn.Narrow(2, 2, 1).Forward(x)).ToArray().Should().Equal(2, 5);
        ((Tensor)nn.Narrow(2, 2, -1).Forward(x)).ToArray().Should().Equal(2, 3, 5, 6); // Torch7's Narrow.lua: length = size - index + length + 2
        ((Tensor)nn.Select(1, -1).Forward(x)).ToArray().Should().Equal(4, 5, 6);
        Jacobian.TestJacobian(nn.Narrow(2, 2, 2), torch.Tensor(3, 4)).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(nn.Select(2, 3), torch.Tensor(3, 4)).Should().BeLessThan(Check.Precision);
        var sum = nn.Sequential().Add(nn.SplitTable(2)).Add(nn.CAddTable());
        Jacobian.TestJacobian(sum, torch.Tensor(3, 4)).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void SplitTable_backward_writes_each_slice_and_zeroes_those_without_a_gradient()
    {
        // SplitTable.lua: gradInput:select(d, i):copy(gradOutput[i]), or :zero() where gradOutput[i] is nil; the buffer is reused
        var split = nn.SplitTable(2);
        var x = torch.Tensor(2, 3).Uniform();
        split.Forward(x);
        var full = new Table(torch.Tensor(new[] { 1.0, 2 }), torch.Tensor(new[] { 3.0, 4 }), torch.Tensor(new[] { 5.0, 6 }));
        Tensor gi = split.Backward(x, full);
        gi.ToArray().Should().Equal(1, 3, 5, 2, 4, 6);
        var holes = new Table();
        holes[1] = torch.Tensor(new[] { 7.0, 8 });
        holes[3] = torch.Tensor(new double[,] { { 9 }, { 10 } }); // any shape with the slice's number of elements, as Lua's copy
        Tensor again = split.Backward(x, holes);
        again.Should().BeSameAs(gi);
        again.ToArray().Should().Equal(7, 0, 9, 8, 0, 10);
        var wrong = new Table(torch.Tensor(3), torch.Tensor(2), torch.Tensor(2));
        var act = () => split.Backward(x, wrong);
        act.Should().Throw<ArgumentException>().WithMessage("*nn.SplitTable*element 1*2 elements*");
    }

    [Fact]
    public void ViewAndReshape()
    {
        var x = torch.Tensor(2, 3, 2).Uniform();
        Tensor v = nn.View(6).Forward(x);
        v.Size().Should().Equal(2, 6);
        Tensor v2 = nn.View(-1).SetNumInputDims(2).Forward(x);
        v2.Size().Should().Equal(2, 6);
        ((Tensor)nn.View(3, 4).Forward(x)).Size().Should().Equal(3, 4);
        ((Tensor)nn.Reshape(6).Forward(x)).Size().Should().Equal(2, 6);
        ((Tensor)nn.Reshape(new long[] { 12 }, false).Forward(x)).Size().Should().Equal(12);
        Jacobian.TestJacobian(nn.View(6), torch.Tensor(2, 3, 2)).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(nn.Reshape(3, 2), torch.Tensor(4, 6)).Should().BeLessThan(Check.Precision);
        var act = () => nn.View(5).Forward(x);
        act.Should().Throw<ArgumentException>().WithMessage("*nn.View(5)*2x3x2*5*");
    }
}

public class NestedPrintTests
{
    [Fact]
    public void NestedBranchesAndViewsPrintLikeTorch7()
    {
        var inner = nn.Sequential().Add(nn.Linear(2, 2)).Add(nn.Tanh());
        var ct = nn.ConcatTable().Add(inner).Add(nn.Identity());
        ct.ToString().Should().Be(
            "nn.ConcatTable {\n  input\n    |`-> (1): nn.Sequential {\n    |      [input -> (1) -> (2) -> output]\n    |      (1): nn.Linear(2 -> 2)\n    |      (2): nn.Tanh\n    |    }\n" +
            "     `-> (2): nn.Identity\n     ... -> output\n}");
        nn.View(-1, 6).ToString().Should().Be("nn.View(-1, 6)");
        nn.Reshape(2, 3).ToString().Should().Be("nn.Reshape(2x3)");
    }
}
