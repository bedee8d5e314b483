namespace Torch.Tests.Math;

public class ReduceTests
{
    static Tensor Cube() => torch.Tensor(new double[,,] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } } });

    [Fact]
    public void Prod_documented_example_keeps_the_dimension()
    {
        var a = Cube();
        var p1 = torch.Prod(a, 1);
        p1.Size().Should().Equal(1, 2, 2);
        p1.ShouldEqual(5, 12, 21, 32);
        var p2 = torch.Prod(a, 2);
        p2.Size().Should().Equal(2, 1, 2);
        p2.ShouldEqual(3, 8, 35, 48);
        torch.Prod(a, 3).ShouldEqual(2, 12, 30, 56);
        a.Prod().Should().Be(40320);
    }

    [Fact]
    public void Sum_mean_over_all_and_over_a_dimension()
    {
        var m = M.Mat(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        m.Sum().Should().Be(21);
        var s = m.Sum(2);
        s.Size().Should().Equal(2, 1);
        s.ShouldEqual(6, 15);
        torch.Sum(m, 1).ShouldEqual(5, 7, 9);
        m.Mean().Should().Be(3.5);
        torch.Mean(m, 1).ShouldEqual(2.5, 3.5, 4.5);
        var r = torch.Tensor();
        r.Sum(m, 1).Should().BeSameAs(r);
        r.Size().Should().Equal(1, 3);
        torch.Sum(torch.IntTensor(new[] { 1, 2, 3 })).Should().Be(6);
        torch.Sum(torch.IntTensor(new[] { 1, 2, 3 }), 1).Type().Should().Be("torch.IntTensor");
    }

    [Fact]
    public void Float_sums_accumulate_in_double()
    {
        var f = torch.FloatTensor(3).Fill(0.1f);
        f.Sum().Should().Be(3 * (double)0.1f);
    }

    [Fact]
    public void Cumsum_and_cumprod_default_to_the_first_dimension()
    {
        torch.Cumprod(torch.Range(1, 5)).ShouldEqual(1, 2, 6, 24, 120);
        var a = torch.LongTensor(new double[,] { { 1, 4, 7 }, { 2, 5, 8 }, { 3, 6, 9 } });
        var b = torch.Cumprod(a);
        b.Type().Should().Be("torch.LongTensor");
        b.ShouldEqual(1, 4, 7, 2, 20, 56, 6, 120, 504);
        torch.Cumprod(a, 2).ShouldEqual(1, 4, 28, 2, 10, 80, 3, 18, 162);
        torch.Cumsum(a).ShouldEqual(1, 4, 7, 3, 9, 15, 6, 15, 24);
    }

    [Fact]
    public void Max_and_min_return_values_and_one_based_indices_keeping_the_dim()
    {
        var a = M.Mat(new double[,] { { 1.1994, -0.6290, 0.6888 }, { -0.0038, -0.0908, -0.2075 }, { 0.3437, -0.9948, 0.1216 } });
        torch.Max(a).Should().Be(1.1994);
        var (vals, idx) = torch.Max(a, 1);
        vals.Size().Should().Equal(1, 3);
        vals.ShouldEqual(1.1994, -0.0908, 0.6888);
        idx.Type().Should().Be("torch.LongTensor");
        idx.ShouldEqual(1, 2, 1);
        var (v2, i2) = a.Max(2);
        v2.Size().Should().Equal(3, 1);
        i2.ShouldEqual(1, 1, 1);
        var (mn, mi) = torch.Min(a, 2);
        mn.ShouldEqual(-0.6290, -0.2075, -0.9948);
        mi.ShouldEqual(2, 3, 2);
        a.Min().Should().Be(-0.9948);
        torch.Max(M.V(1, 3, 3, 0), 1).Indices.ShouldEqual(2); // ties: the first position, as TH
        torch.Min(M.V(2, 0, 0, 5), 1).Indices.ShouldEqual(2);
        var rv = torch.Tensor(); var ri = torch.LongTensor();
        torch.Max(rv, ri, a, 1);
        ri.ShouldEqual(1, 2, 1);
    }

    [Fact]
    public void Var_and_std_normalise_by_n_minus_1_unless_flagged()
    {
        var x = M.V(1, 2, 3, 4);
        x.Var().Should().BeApproximately(5.0 / 3, 1e-15);
        x.Var(true).Should().BeApproximately(1.25, 1e-15);
        x.Std().Should().BeApproximately(System.Math.Sqrt(5.0 / 3), 1e-15);
        var m = M.Mat(new double[,] { { 1, 3 }, { 2, 6 } });
        torch.Var(m, 2).ShouldEqual(2, 8);
        torch.Std(m, 1, true).ShouldEqual(0.5, 1.5);
        torch.Var(m, 2).Size().Should().Equal(2, 1);
    }

    [Fact]
    public void Var_over_a_dimension_uses_TH_one_pass_formula()
    {
        double[] z = { 1e8 + 1, 1e8 + 2, 1e8 + 3, 1e8 + 4 };
        double sum = 0, sum2 = 0;
        foreach (var v in z) { sum += v; sum2 += v * v; }
        double mean = sum / 4, expected = System.Math.Max(0, sum2 / 3 - 4.0 / 3 * mean * mean);
        var x = M.Mat(new double[,] { { z[0], z[1], z[2], z[3] } });
        ((double)torch.Var(x, 2)[1, 1]).Should().Be(expected);
        ((double)torch.Std(x, 2)[1, 1]).Should().Be(System.Math.Sqrt(expected));
        x.Var().Should().BeApproximately(5.0 / 3, 1e-9, "the whole-tensor form uses two passes");
    }

    [Fact]
    public void Norms_dist_trace_cross()
    {
        var x = M.V(3, -4);
        x.Norm().Should().Be(5);
        x.Norm(1).Should().Be(7);
        x.Norm(0).Should().Be(2);
        var m = M.Mat(new double[,] { { 3, 4 }, { 6, 8 } });
        torch.Norm(m, 2, 2).ShouldEqual(5, 10);
        torch.Norm(m, 2, 2).Size().Should().Equal(2, 1);
        torch.Dist(M.V(1, 1), M.V(4, 5)).Should().Be(5);
        torch.Dist(M.V(1, 1), M.V(4, 5), 1).Should().Be(7);
        m.Trace().Should().Be(11);
        torch.Cross(M.V(1, 0, 0), M.V(0, 1, 0)).ShouldEqual(0, 0, 1);
        var a = M.Mat(new double[,] { { 1, 0 }, { 0, 1 }, { 0, 0 } });
        var b = M.Mat(new double[,] { { 0, 0 }, { 1, 0 }, { 0, 1 } });
        torch.Cross(a, b).ShouldEqual(0, 1, 0, 0, 1, 0); // columns (1,0,0)x(0,1,0) and (0,1,0)x(0,0,1)
        torch.Numel(m).Should().Be(4);
    }

    [Fact]
    public void Renorm_scales_slices_above_maxnorm()
    {
        var m = M.Mat(new double[,] { { 3, 4 }, { 0.3, 0.4 } });
        var r = torch.Renorm(m, 2, 1, 1);
        double f = 1 / (5 + 1e-7);
        r.ShouldBeClose(1e-12, 3 * f, 4 * f, 0.3, 0.4);
        m.Renorm(2, 1, 1).Should().BeSameAs(m);
        m.ShouldBeClose(1e-12, 3 * f, 4 * f, 0.3, 0.4);
    }

    [Fact]
    public void Dimension_errors_name_function_and_range()
    {
        var act = () => torch.Sum(M.V(1, 2), 2);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Sum*dimension 2*expected 1..1*");
        var act2 = () => torch.Mean(torch.LongTensor(2));
        act2.Should().Throw<InvalidOperationException>().WithMessage("*Mean*LongTensor*");
        var act3 = () => torch.Tensor().Max();
        act3.Should().Throw<ArgumentException>().WithMessage("*Max*empty*");
    }
}
