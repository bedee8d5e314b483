namespace Torch.Tests.Math;

public class PointwiseTests
{
    [Fact]
    public void Round_goes_half_away_from_zero_like_C()
    {
        var x = M.V(0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.4, -2.6);
        torch.Round(x).ShouldEqual(1, 2, 3, -1, -2, -3, 0, 2, -3);
        torch.Round(2.5).Should().Be(3);
        torch.Round(-2.5).Should().Be(-3);
    }

    [Fact]
    public void Unary_functions_match_hand_computation_in_all_three_forms()
    {
        var x = M.V(-1.5, 0, 2.25);
        torch.Abs(x).ShouldEqual(1.5, 0, 2.25);
        torch.Sign(x).ShouldEqual(-1, 0, 1);
        torch.Neg(x).ShouldEqual(1.5, 0, -2.25);
        torch.Frac(x).ShouldEqual(-0.5, 0, 0.25);
        torch.Trunc(x).ShouldEqual(-1, 0, 2);
        torch.Floor(x).ShouldEqual(-2, 0, 2);
        torch.Ceil(x).ShouldEqual(-1, 0, 3);
        torch.Cinv(M.V(2, -4)).ShouldEqual(0.5, -0.25);
        torch.Sqrt(M.V(4, 2.25)).ShouldEqual(2, 1.5);
        torch.Rsqrt(M.V(4, 0.25)).ShouldEqual(0.5, 2);
        torch.Exp(M.V(0, 1)).ShouldBeClose(1e-15, 1, System.Math.E);
        torch.Log(M.V(1, System.Math.E)).ShouldBeClose(1e-15, 0, 1);
        torch.Log1p(M.V(0, 1e-10)).ShouldBeClose(1e-25, 0, 1e-10 - 5e-21);
        torch.Sigmoid(M.V(0, 2)).ShouldBeClose(1e-15, 0.5, 1 / (1 + System.Math.Exp(-2)));
        torch.Tanh(M.V(0.5)).ShouldBeClose(1e-15, System.Math.Tanh(0.5));
        torch.Atan(M.V(1)).ShouldBeClose(1e-15, System.Math.PI / 4);

        var y = M.V(1, 4);
        y.Sqrt().Should().BeSameAs(y, "in-place forms return the receiver");
        y.ShouldEqual(1, 2);
        var r = torch.Tensor();
        r.Exp(M.V(0)).Should().BeSameAs(r);
        r.ShouldEqual(1);
    }

    [Fact]
    public void Number_forms_return_numbers()
    {
        torch.Exp(0.0).Should().Be(1);
        torch.Sqrt(9.0).Should().Be(3);
        torch.Frac(-2.75).Should().Be(-0.75);
        torch.Sigmoid(0.0).Should().Be(0.5);
        torch.Log1p(1e-10).Should().BeApproximately(1e-10 - 5e-21, 1e-25);
        torch.Log1p(1.5).Should().BeApproximately(System.Math.Log(2.5), 1e-15);
    }

    [Fact]
    public void Transcendentals_refuse_integer_tensors_naming_function_and_type()
    {
        var act = () => torch.Exp(torch.LongTensor(3));
        act.Should().Throw<InvalidOperationException>().WithMessage("*Exp*Float or Double*torch.LongTensor*");
        var neg = () => torch.ByteTensor(2).Neg();
        neg.Should().Throw<InvalidOperationException>().WithMessage("*Neg*ByteTensor*");
    }

    [Fact]
    public void Fmod_and_remainder_follow_the_documented_sign_rules()
    {
        var x = M.V(-3, 3);
        torch.Fmod(x, 2).ShouldEqual(-1, 1);
        torch.Fmod(x, -2).ShouldEqual(-1, 1);
        torch.Remainder(x, 2).ShouldEqual(1, 1);
        torch.Remainder(x, -2).ShouldEqual(-1, -1);
        torch.Mod(x, 2).ShouldEqual(-1, 1);
        (M.Mat(new double[,] { { 1, 2 }, { 3, 4 } }) % 3).ShouldEqual(1, 2, 0, 1);

        var a = M.Mat(new double[,] { { 3, 3 }, { -3, -3 } });
        var b = M.Mat(new double[,] { { 2, -2 }, { 2, -2 } });
        torch.Cfmod(a, b).ShouldEqual(1, 1, -1, -1);
        torch.Cremainder(a, b).ShouldEqual(1, -1, 1, -1);
        torch.Cmod(a, b).ShouldEqual(1, 1, -1, -1);

        var l = torch.LongTensor(new[] { -7.0, 7 });
        torch.Remainder(l, 3).ShouldEqual(2, 1);
        torch.Fmod(l, 3).ShouldEqual(-1, 1);
    }

    [Fact]
    public void Integer_division_truncates_and_refuses_zero()
    {
        var l = torch.LongTensor(new[] { -7.0, 7, 9 });
        torch.Div(l, 2).ShouldEqual(-3, 3, 4);
        torch.Cdiv(l, torch.LongTensor(new[] { 2.0, -2, 4 })).ShouldEqual(-3, -3, 2);
        var act = () => torch.Div(l, 0);
        act.Should().Throw<DivideByZeroException>().WithMessage("*Div*");
        var act2 = () => torch.Cremainder(l, torch.LongTensor(new[] { 1.0, 0, 1 }));
        act2.Should().Throw<DivideByZeroException>();
        torch.Div(M.V(1), 0).ToArray()[0].Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Documented_binary_examples()
    {
        // maths.md: x = 2x2 filled with 2, y = 4 filled with 3
        var x = torch.Tensor(2, 2).Fill(2); var y = torch.Tensor(4).Fill(3);
        x.Add(y).ShouldEqual(5, 5, 5, 5);
        torch.Tensor(2, 2).Fill(2).Add(2, y).ShouldEqual(8, 8, 8, 8);
        torch.Tensor(2, 2).Fill(8).Csub(y).ShouldEqual(5, 5, 5, 5);
        torch.Tensor(2, 2).Fill(2).Cmul(y).ShouldEqual(6, 6, 6, 6);
        torch.Tensor(2, 2).Fill(2).Cpow(y).ShouldEqual(8, 8, 8, 8);
        var z = torch.Tensor(2, 2).Fill(5);
        torch.Tensor(2, 2).Fill(2).Addcmul(2, y, z).ShouldEqual(32, 32, 32, 32);
        torch.Tensor(2, 2).Fill(1).Addcdiv(2, torch.Range(1, 4), z).ShouldBeClose(1e-15, 1.4, 1.8, 2.2, 2.6);
        torch.Tensor(2, 2).Fill(1).Cdiv(torch.Range(1, 4)).ShouldBeClose(1e-15, 1, 0.5, 1.0 / 3, 0.25);
        torch.Cmax(M.V(1, 2, 3), M.V(3, 2, 1)).ShouldEqual(3, 2, 3);
        torch.Cmin(M.V(1, 2, 3), M.V(3, 2, 1)).ShouldEqual(1, 2, 1);
        torch.Cmax(M.V(1, 2, 3), 2).ShouldEqual(2, 2, 3);
        torch.Cmin(M.V(1, 2, 3), 2).ShouldEqual(1, 2, 2);
    }

    [Fact]
    public void Binary_forms_in_place_into_receiver_and_new()
    {
        var a = M.V(1, 2, 3); var b = M.V(4, 5, 6);
        var r = torch.Tensor();
        r.Cmul(a, b).Should().BeSameAs(r);
        r.ShouldEqual(4, 10, 18);
        a.ShouldEqual(1, 2, 3);
        var n = torch.Cmul(a, b);
        n.Should().NotBeSameAs(a);
        a.Mul(2).Should().BeSameAs(a);
        a.ShouldEqual(2, 4, 6);
        r.Mul(b, 0.5).ShouldEqual(2, 2.5, 3);
        torch.Pow(M.V(2, 3), 2).ShouldEqual(4, 9);
        torch.Pow(2, M.V(2, 3)).ShouldEqual(4, 8);
        var intPow = () => torch.Pow(torch.LongTensor(2), 2);
        intPow.Should().Throw<InvalidOperationException>().WithMessage("*Pow*Float or Double*LongTensor*");
        torch.Remainder(M.V(5.3, -5.3), 2).ShouldEqual(5.3 - 2 * System.Math.Floor(5.3 / 2), -5.3 - 2 * System.Math.Floor(-5.3 / 2));
        torch.Remainder(M.V(1), 0).ToArray()[0].Should().Be(double.NaN);
        torch.Atan2(M.V(1), M.V(1)).ShouldBeClose(1e-15, System.Math.PI / 4);
        torch.Clamp(M.V(-1, 0.5, 2), 0, 1).ShouldEqual(0, 0.5, 1);
        torch.Lerp(M.V(1, 2), M.V(3, 6), 0.25).ShouldEqual(1.5, 3);
        M.V(1, 2).Lerp(M.V(3, 6), 0.5).ShouldEqual(2, 4);
    }

    [Fact]
    public void Results_take_the_first_arguments_type()
    {
        var f = torch.FloatTensor(new[] { 1f, 2f });
        torch.Cmul(f, M.V(3, 4)).Type().Should().Be("torch.FloatTensor");
        var r = torch.DoubleTensor(2);
        r.Cmul(f, f).Type().Should().Be("torch.DoubleTensor");
        r.ShouldEqual(1, 4);
        torch.Mul(torch.IntTensor(new[] { 3, 4 }), 2.7).ShouldEqual(6, 8);
    }

    [Fact]
    public void Sizes_must_hold_the_same_number_of_elements()
    {
        var act = () => torch.Cmul(M.V(1, 2, 3), M.V(1, 2));
        act.Should().Throw<ArgumentException>().WithMessage("*Cmul*3 elements*2 elements*");
    }

    [Fact]
    public void Bitwise_operations_on_integer_types()
    {
        var x = torch.LongTensor(4).Fill(6);
        x.Cbitand(torch.LongTensor(new[] { 1.0, 2, 4, 8 })).ShouldEqual(0, 2, 4, 0);
        torch.LongTensor(4).Fill(3).Cbitor(torch.LongTensor(new[] { 1.0, 2, 4, 8 })).ShouldEqual(3, 3, 7, 11);
        torch.LongTensor(4).Fill(15).Cbitxor(torch.LongTensor(new[] { 1.0, 2, 4, 8 })).ShouldEqual(14, 13, 11, 7);
        torch.LongTensor(4).Fill(1).Clshift(torch.LongTensor(new[] { 1.0, 2, 3, 4 })).ShouldEqual(2, 4, 8, 16);
        torch.LongTensor(4).Fill(32).Crshift(torch.LongTensor(new[] { 1.0, 2, 3, 4 })).ShouldEqual(16, 8, 4, 2);
        torch.Bitand(torch.IntTensor(new[] { 5, 6 }), 3).ShouldEqual(1, 2);
        torch.Bitor(torch.ByteTensor(new byte[] { 5 }), 2).ShouldEqual(7);
        torch.Bitxor(torch.IntTensor(new[] { 5 }), 1).ShouldEqual(4);
        torch.Lshift(M.V(3), 2).ShouldEqual(12);
        torch.Rshift(M.V(12), 2).ShouldEqual(3);
        var act = () => torch.Bitand(M.V(1), 1);
        act.Should().Throw<InvalidOperationException>().WithMessage("*Bitand*integer*DoubleTensor*");
    }

    [Fact]
    public void Right_shifts_of_negative_integers_shift_the_unsigned_pattern_as_TH()
    {
        // the real Torch7's answers for {-3, 5, -128} >> 1, >> 0 and crshift by {1, 2, 3}
        torch.Rshift(torch.ShortTensor(new short[] { -3, 5, -128 }), 1).ShouldEqual(32766, 2, 32704);
        torch.Rshift(torch.CharTensor(new sbyte[] { -3, 5, -128 }), 1).ShouldEqual(126, 2, 64);
        torch.Rshift(torch.IntTensor(new[] { -3, 5, -128 }), 1).ShouldEqual(2147483646, 2, 2147483584);
        torch.Rshift(torch.ByteTensor(new byte[] { 253, 5, 128 }), 1).ShouldEqual(126, 2, 64);
        torch.Rshift(torch.IntTensor(new[] { -3, 5, -128 }), 0).ShouldEqual(-3, 5, -128);
        torch.Crshift(torch.CharTensor(new sbyte[] { -3, 5, -128 }), torch.CharTensor(new sbyte[] { 1, 2, 3 })).ShouldEqual(126, 1, 16);
        var l = torch.Rshift(torch.LongTensor((ReadOnlySpan<long>)new long[] { -3, 5 }), 1);
        l.ToArray<long>().Should().Equal(long.MaxValue - 1, 2);
        torch.Crshift(torch.LongTensor((ReadOnlySpan<long>)new long[] { -3, -128 }), torch.LongTensor((ReadOnlySpan<long>)new long[] { 0, 3 })).ToArray<long>().Should().Equal(-3, 2305843009213693936);
    }

    [Fact]
    public void Operators_return_new_tensors()
    {
        var x = torch.Tensor(2, 2).Fill(2); var y = torch.Tensor(4).Fill(3);
        var s = x + y;
        s.Size().Should().Equal(2, 2);
        s.ShouldEqual(5, 5, 5, 5);
        (y - x).Size().Should().Equal(4);
        (y - x).ShouldEqual(1, 1, 1, 1);
        (-x).ShouldEqual(-2, -2, -2, -2);
        (x * 3).ShouldEqual(6, 6, 6, 6);
        (3 * x).ShouldEqual(6, 6, 6, 6);
        (x / 4).ShouldEqual(0.5, 0.5, 0.5, 0.5);
        (10 - x).ShouldEqual(8, 8, 8, 8);
        (x - 1).ShouldEqual(1, 1, 1, 1);
        x.ShouldEqual(2, 2, 2, 2);
    }
}

public class InPlaceTests
{
    [Fact]
    public void In_place_forms_work_on_views_and_self_and_overlapping_operands()
    {
        var m = torch.Range(1, 6).View(2, 3);
        var col = m.Select(2, 2);                        // non-contiguous view
        col.Mul(10).Should().BeSameAs(col);
        m.ShouldEqual(1, 20, 3, 4, 50, 6);
        col.Sqrt();
        ((double)m[2, 2]).Should().BeApproximately(System.Math.Sqrt(50), 1e-15);
        var x = M.V(1, 2, 3);
        x.Cmul(x).ShouldEqual(1, 4, 9);
        var y = torch.Range(1, 4);
        y.Narrow(1, 2, 3).Cmul(y.Narrow(1, 1, 3));       // overlapping operands
        y.ShouldEqual(1, 2, 6, 12);
        var z = M.V(1, 2);
        z.Addcmul(2, M.V(3, 4), M.V(5, 6)).ShouldEqual(31, 50);
        z.Addcdiv(0.5, M.V(2, 4), M.V(4, 2)).ShouldEqual(31.25, 51);
        M.V(0, 10).Lerp(M.V(10, 0), 0.25).ShouldEqual(2.5, 7.5);
    }

    [Fact]
    public void Clamp_follows_TH_when_min_exceeds_max()
    {
        // TH: x < min ? min : (x > max ? max : x)
        torch.Clamp(M.V(0, 2, 5), 3, 1).ShouldEqual(3, 3, 1);
        M.V(0, 2, 5).Clamp(3, 1).ShouldEqual(3, 3, 1);
        M.V(double.NaN).Clamp(0, 1).ToArray()[0].Should().Be(double.NaN);
    }
}
