namespace Torch.Tests.Math;

public class IndexTests
{
    static Tensor X() => M.Mat(new double[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } });

    [Fact]
    public void Index_copies_slices_at_one_based_indices()
    {
        var x = X();
        var r = x.Index(1, M.L(3, 1));
        r.ShouldEqual(7, 8, 9, 1, 2, 3);
        r[1, 1] = 0;
        x[3, 1].Should().Be((Subscript)7, "Index copies");
        torch.Index(x, 2, M.L(2)).ShouldEqual(2, 5, 8);
        var act = () => x.Index(1, M.L(0));
        act.Should().Throw<IndexOutOfRangeException>().WithMessage("*Index*index 0*1..3*");
        var act2 = () => x.Index(1, M.L(4));
        act2.Should().Throw<IndexOutOfRangeException>().WithMessage("*index 4*1..3*");
        var act3 = () => x.Index(1, M.V(1));
        act3.Should().Throw<ArgumentException>().WithMessage("*LongTensor*DoubleTensor*");
    }

    [Fact]
    public void IndexCopy_IndexAdd_IndexFill()
    {
        var x = torch.Zeros(3, 2);
        x.IndexCopy(1, M.L(3, 1), M.Mat(new double[,] { { 1, 2 }, { 3, 4 } })).ShouldEqual(3, 4, 0, 0, 1, 2);
        x.IndexAdd(1, M.L(3, 3), M.Mat(new double[,] { { 1, 1 }, { 1, 1 } })).ShouldEqual(3, 4, 0, 0, 3, 4);
        x.IndexFill(2, M.L(1), -1).ShouldEqual(-1, 4, -1, 0, -1, 4);
        var act = () => x.IndexCopy(1, M.L(1), M.V(1, 2, 3));
        act.Should().Throw<ArgumentException>().WithMessage("*IndexCopy*1x2*");
    }

    [Fact]
    public void Gather_and_scatter_take_one_based_indices()
    {
        var x = X();
        var idx = torch.LongTensor(new double[,] { { 3, 1 }, { 2, 2 }, { 1, 3 } });
        torch.Gather(x, 2, idx).ShouldEqual(3, 1, 5, 5, 7, 9);
        var y = torch.Zeros(3, 3);
        y.Scatter(2, idx, torch.Ones(3, 2)).ShouldEqual(1, 0, 1, 0, 1, 0, 1, 0, 1);
        torch.Zeros(2, 2).Scatter(1, torch.LongTensor(new double[,] { { 2, 1 } }), 5).ShouldEqual(0, 5, 5, 0);
        var act = () => x.Gather(2, torch.LongTensor(new double[,] { { 4 }, { 1 }, { 1 } }));
        act.Should().Throw<IndexOutOfRangeException>().WithMessage("*Gather*4*1..3*");
    }

    [Fact]
    public void Masked_operations_use_byte_masks()
    {
        var x = X();
        var mask = torch.Gt(x, 5);
        x.MaskedSelect(mask).ShouldEqual(6, 7, 8, 9);
        x.MaskedSelect(mask).Dim().Should().Be(1);
        torch.Tensor(new double[] { 1, -2, 3, -4 }).MaskedFill(torch.Lt(M.V(1, -2, 3, -4), 0), 0).ShouldEqual(1, 0, 3, 0);
        var z = torch.Zeros(4);
        z.MaskedCopy(torch.ByteTensor(new byte[] { 0, 1, 0, 1 }), M.V(7, 8, 9)).ShouldEqual(0, 7, 0, 8);
        var act = () => z.MaskedCopy(torch.ByteTensor(new byte[] { 1, 1, 1, 1 }), M.V(1));
        act.Should().Throw<ArgumentException>().WithMessage("*MaskedCopy*4*1*");
        var act2 = () => z.MaskedFill(M.V(1, 0, 0, 0), 1);
        act2.Should().Throw<ArgumentException>().WithMessage("*ByteTensor*DoubleTensor*");
    }

    [Fact]
    public void Nonzero_gives_one_based_rows()
    {
        var x = M.Mat(new double[,] { { 0, 2 }, { 3, 0 } });
        var nz = x.Nonzero();
        nz.Type().Should().Be("torch.LongTensor");
        nz.Size().Should().Equal(2, 2);
        nz.ShouldEqual(1, 2, 2, 1);
        torch.Nonzero(torch.Zeros(3)).NElement().Should().Be(0);
    }
}
