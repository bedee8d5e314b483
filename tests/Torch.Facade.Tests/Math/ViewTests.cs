namespace Torch.Tests.Math;

/// <summary>Views, copies and fills of reference §1.3–§1.5: geometry and storage sharing as Torch7 has them.</summary>
public class ViewTests
{
    static Tensor Grid() => torch.Range(1, 12).View(3, 4);

    [Fact]
    public void Narrow_sub_select_share_storage_with_one_based_offsets()
    {
        var x = Grid();
        var n = x.Narrow(2, 2, 2);
        n.Size().Should().Equal(3, 2);
        n.StorageOffset().Should().Be(2);
        n.ShouldEqual(2, 3, 6, 7, 10, 11);
        var s = x.Sub(2, 3, 1, -2);
        s.ShouldEqual(5, 6, 7, 9, 10, 11);
        s.Fill(0);
        x.ShouldEqual(1, 2, 3, 4, 0, 0, 0, 8, 0, 0, 0, 12);
        var act = () => x.Narrow(1, 3, 2);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Narrow*3..4*size 3*");
    }

    [Fact]
    public void Transpose_permute_unfold_expand()
    {
        var x = Grid();
        var t = x.T();
        t.Size().Should().Equal(4, 3);
        t.Stride().Should().Equal(1, 4);
        t.IsContiguous().Should().BeFalse();
        t.Contiguous().ShouldEqual(1, 5, 9, 2, 6, 10, 3, 7, 11, 4, 8, 12);
        var cube = torch.Range(1, 24).View(2, 3, 4);
        var p = cube.Permute(3, 1, 2);
        p.Size().Should().Equal(4, 2, 3);
        ((double)p[2, 1, 3]).Should().Be(10);
        var u = torch.Range(1, 7).Unfold(1, 2, 1);
        u.Size().Should().Equal(6, 2);
        u.Select(1, 3).ShouldEqual(3, 4);
        var e = torch.Tensor(new double[,] { { 1 }, { 2 } }).Expand(2, 3);
        e.Stride().Should().Equal(1, 0);
        e.ShouldEqual(1, 1, 1, 2, 2, 2);
        var bad = () => torch.Ones(2, 2).Expand(3, 2);
        bad.Should().Throw<ArgumentException>().WithMessage("*Expand*singleton*");
    }

    [Fact]
    public void View_needs_contiguity_and_takes_one_minus_one()
    {
        var x = torch.Range(1, 6);
        x.View(2, -1).Size().Should().Equal(2, 3);
        x.ViewAs(torch.Tensor(3, 2)).Size().Should().Equal(3, 2);
        var act = () => Grid().T().View(12);
        act.Should().Throw<InvalidOperationException>().WithMessage("*contiguous*");
        torch.Zeros(2, 1, 3).Squeeze().Size().Should().Equal(2, 3);
        torch.Zeros(2, 1, 3).Squeeze(2).Size().Should().Equal(2, 3);
        var one = torch.Squeeze(torch.Ones(1, 1).Fill(5));
        one.Size().Should().Equal(1);
        ((double)one[1]).Should().Be(5, "Torch7 keeps one dimension of size 1 (Lua then returns the number)");
        torch.Zeros(2, 3).Unsqueeze(1).Size().Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Set_clone_copy_resize()
    {
        var a = Grid();
        var b = torch.Tensor().Set(a);
        b.IsSetTo(a).Should().BeTrue();
        b[1, 1] = 100;
        ((double)a[1, 1]).Should().Be(100);
        var c = a.Clone();
        c[1, 1] = 0;
        ((double)a[1, 1]).Should().Be(100);
        var f = torch.FloatTensor(2, 6).Copy(a);
        f.Type().Should().Be("torch.FloatTensor");
        f.ToArray()[1].Should().Be(2);
        var r = torch.Tensor(2, 2).Resize(3);
        r.Size().Should().Equal(3);
        r.ResizeAs(a).Size().Should().Equal(3, 4);
        var x = torch.Range(1, 4);
        x.Narrow(1, 2, 3).Copy(x.Narrow(1, 1, 3));
        x.ShouldEqual(1, 1, 2, 3);
        var act = () => torch.Tensor(3).Copy(torch.Tensor(4));
        act.Should().Throw<ArgumentException>().WithMessage("*Copy*4*3*");
    }

    [Fact]
    public void Apply_map_map2_visit_in_row_major_order()
    {
        int i = 0;
        var x = torch.Tensor(2, 2).Apply(_ => ++i);
        x.ShouldEqual(1, 2, 3, 4);
        x.Map(torch.Tensor(2, 2).Fill(10), (a, b) => a * b).ShouldEqual(10, 20, 30, 40);
        x.Map2(M.V(1, 1, 1, 1), M.V(1, 2, 3, 4), (a, b, c) => a + b * c).ShouldEqual(11, 22, 33, 44);
        var rows = (object[])Grid().ToTable();
        ((double[])rows[2]).Should().Equal(9, 10, 11, 12);
    }

    [Fact]
    public void Mask_indexing_reads_and_writes_like_lua()
    {
        var a = M.V(0.5694, 0.5264, 0.3041, 0.4159);
        var b = M.V(0.2950, 0.4867, 0.9133, 0.1291);
        a[torch.Gt(a, b)] = 10;
        a.ShouldEqual(10, 10, 0.3041, 10);
        a[torch.Gt(a, 1)] = -1;
        a.ShouldEqual(-1, -1, 0.3041, -1);
        Tensor picked = a[torch.Lt(a, 0)];
        picked.ShouldEqual(-1, -1, -1);
        a[torch.Lt(a, 0)] = M.V(7, 8, 9);
        a.ShouldEqual(7, 8, 0.3041, 9);
    }
}
