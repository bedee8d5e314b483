namespace Torch.Nn.Tests;

/// <summary>nn.utils as Lua's utils.lua defines it: structure-following helpers over tensors and tables.</summary>
public class UtilsTests
{
    static Table Pair() => new(torch.Tensor(new double[] { 1, 2 }), new Table(torch.Tensor(new double[,] { { 3, 4, 5 } })));

    [Fact]
    public void ResizeFillAddCopyFollowTheStructure()
    {
        var src = Pair();
        Table made = nn.utils.RecursiveResizeAs(LuaValue.Nil, src);
        ((Tensor)made[1]).Size().Should().Equal(2);
        ((Tensor)((Table)made[2])[1]).Size().Should().Equal(1, 3);
        nn.utils.RecursiveFill(made, 2);
        nn.utils.RecursiveAdd(made, 0.5, src);
        ((Tensor)made[1]).ToArray().Should().Equal(2.5, 3);
        ((Tensor)((Table)made[2])[1]).ToArray().Should().Equal(3.5, 4, 4.5);
        nn.utils.RecursiveAdd(made, src);
        ((Tensor)made[1]).ToArray().Should().Equal(3.5, 5);
        Table copy = nn.utils.RecursiveCopy(new Table(torch.Tensor(7), torch.Tensor(1), torch.Tensor(1)), src);
        copy.Length.Should().Be(2, "extra entries are dropped");
        ((Tensor)copy[1]).ToArray().Should().Equal(1, 2);
        ReferenceEquals(copy[1].Object, src[1].Object).Should().BeFalse();
        var add = () => nn.utils.RecursiveAdd(made, new Table(torch.Tensor(2)));
        add.Should().Throw<ArgumentException>().WithMessage("*same structure*");
    }

    [Fact]
    public void TypeSingletonViewAndClear()
    {
        Table f = nn.utils.RecursiveType(Pair(), "torch.FloatTensor");
        ((Tensor)f[1]).Type().Should().Be("torch.FloatTensor");
        nn.utils.AddSingletonDimension(torch.Tensor(3, 4)).Size().Should().Equal(1, 3, 4);
        nn.utils.AddSingletonDimension(torch.Tensor(3, 4), 3).Size().Should().Equal(3, 4, 1);
        var t = torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } }).T();
        nn.utils.ContiguousView(null, t, 4).ToArray().Should().Equal(1, 3, 2, 4);
        var lin = nn.Linear(3, 2);
        lin.Forward(torch.Tensor(3).Uniform());
        nn.utils.Clear(lin, "output");
        ((Tensor)lin.Output).NElement().Should().Be(0);
        var bad = () => nn.utils.Clear(lin, "nothing");
        bad.Should().Throw<ArgumentException>().WithMessage("*no field 'nothing'*");
    }
}
