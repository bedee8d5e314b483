namespace Torch.Tests.Math;

public class SortTests
{
    static Tensor X() => M.Mat(new double[,] { { -1.2470, -0.4288, -0.5337 }, { 0.8836, -0.1622, 0.9604 }, { 0.6297, 0.2397, 0.0746 } });

    [Fact]
    public void Sort_documented_example_along_the_last_dimension()
    {
        var (y, i) = torch.Sort(X());
        y.ShouldEqual(-1.2470, -0.5337, -0.4288, -0.1622, 0.8836, 0.9604, 0.0746, 0.2397, 0.6297);
        i.Type().Should().Be("torch.LongTensor");
        i.ShouldEqual(1, 3, 2, 2, 1, 3, 3, 2, 1);
        var (yd, id) = X().Sort(1, true);
        yd.ShouldEqual(0.8836, 0.2397, 0.9604, 0.6297, -0.1622, 0.0746, -1.2470, -0.4288, -0.5337);
        id.ShouldEqual(2, 3, 2, 3, 2, 3, 1, 1, 1);
    }

    [Fact]
    public void Topk_returns_the_smallest_by_default()
    {
        var x = M.V(5, 1, 4, 2, 3);
        var (v1, i1) = torch.Topk(x);
        v1.ShouldEqual(1); // k defaults to 1
        i1.ShouldEqual(2);
        var (v, i) = torch.Topk(x, 2);
        v.ShouldEqual(1, 2);
        i.ShouldEqual(2, 4);
        var (vl, il) = x.Topk(2, 1, true);
        vl.ShouldEqual(5, 4);
        il.ShouldEqual(1, 3);
        var act = () => x.Topk(6);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Topk*6*1..5*");
    }

    [Fact]
    public void Median_documented_example_and_kthvalue_mode()
    {
        var x = M.Mat(new double[,] { { 0.7860, 0.7687, -0.9362 }, { 0.0411, 0.5407, -0.3616 }, { -0.0129, -0.2499, -0.5786 } });
        var (y, i) = torch.Median(x, 2);
        y.Size().Should().Equal(3, 1);
        y.ShouldEqual(0.7687, 0.0411, -0.2499);
        i.ShouldEqual(2, 1, 2);
        var (y1, i1) = torch.Median(x, 1);
        y1.ShouldEqual(0.0411, 0.5407, -0.5786);
        i1.ShouldEqual(2, 2, 3);
        var (lower, li) = torch.Median(M.V(4, 1, 3, 2));
        lower.ShouldEqual(2); // the lower median of an even count, over the last dimension
        li.ShouldEqual(4);
        var (last, _) = x.Median();
        last.ShouldEqual(0.7687, 0.0411, -0.2499);

        var (k, ki) = torch.Kthvalue(M.V(9, 7, 8), 2);
        k.ShouldEqual(8);
        ki.ShouldEqual(3);
        k.Size().Should().Equal(1);
        var (mo, mi) = torch.Mode(M.V(2, 3, 2, 5));
        mo.ShouldEqual(2);
        mi.ShouldEqual(3);
        var (tie, ti) = torch.Mode(M.V(3, 1, 3, 1));
        tie.ShouldEqual(1); // the smallest of equally frequent values, as TH's mode
        ti.ShouldEqual(4);
        var (cm, ci) = torch.Mode(M.Mat(new double[,] { { 1, 7 }, { 1, 8 }, { 2, 8 } }), 1);
        cm.Size().Should().Equal(1, 2);
        cm.ShouldEqual(1, 8);
        ci.ShouldEqual(2, 3);
    }
}

public class SortIntoTests
{
    [Fact]
    public void Result_forms_fill_the_given_value_and_long_index_tensors()
    {
        var x = M.Mat(new double[,] { { 3, 1, 2 }, { 9, 8, 7 } });
        var v = torch.Tensor(); var i = torch.LongTensor();
        torch.Sort(v, i, x, 2, true).Values.Should().BeSameAs(v);
        v.ShouldEqual(3, 2, 1, 9, 8, 7);
        i.ShouldEqual(1, 3, 2, 1, 2, 3);
        torch.Topk(v, i, x, 1);
        v.ShouldEqual(1, 7);
        torch.Kthvalue(v, i, x, 2, 1);
        v.ShouldEqual(9, 8, 7);
        torch.Median(v, i, x);
        i.ShouldEqual(3, 2);
        torch.Mode(v, i, M.V(4, 4, 1));
        v.ShouldEqual(4);
        i.ShouldEqual(2);
        var act = () => torch.Sort(v, torch.IntTensor(), x);
        act.Should().Throw<ArgumentException>().WithMessage("*LongTensor*IntTensor*");
    }
}
