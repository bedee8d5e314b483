namespace Torch.Tests.Math;

public class BlasTests
{
    static Tensor A() => M.Mat(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }); // 3x2

    [Fact]
    public void Documented_operator_examples()
    {
        var m = torch.Tensor(2, 2).Fill(2); var n = torch.Tensor(2, 4).Fill(3);
        var x = torch.Tensor(2).Fill(4); var y = torch.Tensor(2).Fill(5);
        x.Dot(y).Should().Be(40);
        (m * x).ShouldEqual(16, 16);
        (m * n).Size().Should().Equal(2, 4);
        (m * n).ToArray().Should().OnlyContain(v => v == 12);
        var act = () => x * y;
        act.Should().Throw<InvalidOperationException>().WithMessage("*Dot*");
        torch.Dot(torch.Tensor(2, 2).Fill(2), torch.Tensor(4).Fill(3)).Should().Be(24);
    }

    [Fact]
    public void Products_against_hand_computation()
    {
        torch.Mv(A(), M.V(1, -1)).ShouldEqual(-1, -1, -1);
        torch.Mm(A(), M.Mat(new double[,] { { 1, 0 }, { 0, 2 } })).ShouldEqual(1, 4, 3, 8, 5, 12);
        torch.Ger(M.V(1, 2), M.V(3, 4, 5)).ShouldEqual(3, 4, 5, 6, 8, 10);
        var b1 = torch.Range(1, 8).View(2, 2, 2); var b2 = torch.Ones(2, 2, 1);
        torch.Bmm(b1, b2).ShouldEqual(3, 7, 11, 15);
        var r = torch.Tensor();
        r.Mm(A(), A().T()).Should().BeSameAs(r);
        r.Size().Should().Equal(3, 3);
        r[1, 1].Should().Be((Subscript)5);
    }

    [Fact]
    public void Addmv_method_forms_follow_Torch7_argument_orders()
    {
        var mat = torch.Tensor(3, 2).Fill(3); var v = torch.Tensor(2).Fill(2);
        torch.Tensor(3).Fill(0).Addmv(mat, v).ShouldEqual(12, 12, 12);
        var x = M.V(1, 1, 1);
        x.Addmv(0.5, mat, v).ShouldEqual(7, 7, 7);                // x = x + 0.5 M v
        x.Addmv(2, 1, mat, v).ShouldEqual(26, 26, 26);            // x = 2x + M v
        var r = torch.Tensor(3);
        r.Addmv(M.V(1, 2, 3), mat, v).ShouldEqual(13, 14, 15);    // r = vec + M v
        r.Addmv(M.V(1, 2, 3), 2, mat, v).ShouldEqual(25, 26, 27); // r = vec + 2 M v
        r.Addmv(2, M.V(1, 2, 3), 0.5, mat, v).ShouldEqual(8, 10, 12);
        torch.Addmv(M.V(1, 2, 3), mat, v).ShouldEqual(13, 14, 15);
        torch.Addmv(2, M.V(1, 2, 3), 0.5, mat, v).ShouldEqual(8, 10, 12);
    }

    [Fact]
    public void Addr_documented_example()
    {
        var x = torch.Range(1, 3); var y = torch.Range(1, 2);
        var m = torch.Tensor(3, 2).Zero();
        m.Addr(x, y).ShouldEqual(1, 2, 2, 4, 3, 6);
        m.Addr(2, 1, x, y).ShouldEqual(3, 6, 6, 12, 9, 18);
        var a = torch.Range(1, 6).Resize(3, 2);
        m.Addr(2, a, 1, x, y).ShouldEqual(3, 6, 8, 12, 13, 18);
    }

    [Fact]
    public void Addmm_addbmm_baddbmm()
    {
        var m = torch.Ones(3, 3);
        torch.Addmm(0.5, m, 2, A(), A().T()).ShouldEqual(10.5, 22.5, 34.5, 22.5, 50.5, 78.5, 34.5, 78.5, 122.5);
        var b1 = torch.Range(1, 8).View(2, 2, 2); var b2 = torch.Ones(2, 2, 1);
        torch.Addbmm(torch.Zeros(2, 1), b1, b2).ShouldEqual(14, 22);
        torch.Baddbmm(torch.Ones(2, 2, 1), b1, b2).ShouldEqual(4, 8, 12, 16);
        var c = torch.Zeros(2, 1);
        c.Addbmm(1, 2, b1, b2).ShouldEqual(28, 44);
    }

    [Fact]
    public void Integer_and_float_products_keep_their_type()
    {
        var l = torch.LongTensor(new double[,] { { 1, 2 }, { 3, 4 } });
        var p = torch.Mm(l, l);
        p.Type().Should().Be("torch.LongTensor");
        p.ShouldEqual(7, 10, 15, 22);
        torch.Mv(l, torch.LongTensor(new double[] { 1, 1 })).ShouldEqual(3, 7);
        torch.Dot(torch.IntTensor(new[] { 1, 2 }), torch.IntTensor(new[] { 3, 4 })).Should().Be(11);
        var f = torch.FloatTensor(new float[] { 0.5f, 0.25f });
        torch.Dot(f, f).Should().Be(0.3125);
        torch.Ger(f, f).Type().Should().Be("torch.FloatTensor");
    }

    [Fact]
    public void Size_mismatches_are_clear_errors()
    {
        var act = () => torch.Mm(A(), A());
        act.Should().Throw<ArgumentException>().WithMessage("*Mm*3x2*3x2*");
        var act2 = () => torch.Mv(M.V(1, 2), M.V(1, 2));
        act2.Should().Throw<ArgumentException>().WithMessage("*Mv*2-dimensional*1-dimensional*");
        var act3 = () => torch.Addmm(torch.Ones(2, 2), A(), A().T());
        act3.Should().Throw<ArgumentException>().WithMessage("*Addmm*2x2*3x3*");
    }
}
