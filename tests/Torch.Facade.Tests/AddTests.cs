namespace Torch.Tests;

public class AddTests
{
    [Theory]
    [InlineData(3)]      // the managed small-tensor path
    [InlineData(1000)]   // libtorch
    public void Add_forms_agree_with_hand_computation(int n)
    {
        var x = torch.Tensor(n).Apply(_ => 1.5);
        var y = torch.Tensor(n).Apply(_ => 0.25);
        x.Add(y).Should().BeSameAs(x, "methods return their receiver");
        x.ToArray().Should().OnlyContain(v => v == 1.75);
        x.Add(-2, y);
        x.ToArray().Should().OnlyContain(v => v == 1.25);
        var z = torch.Add(x, y);
        z.Should().NotBeSameAs(x);
        z.ToArray().Should().OnlyContain(v => v == 1.5);
        x.ToArray().Should().OnlyContain(v => v == 1.25, "torch.Add leaves its arguments alone");
        var r = torch.Tensor();
        r.Add(x, 4, y).Should().BeSameAs(r);
        r.ToArray().Should().OnlyContain(v => v == 2.25);
        (x + y).ToArray().Should().OnlyContain(v => v == 1.5);
        (x + 1).ToArray().Should().OnlyContain(v => v == 2.25);
    }

    [Theory]
    [InlineData(7)]      // the managed small-tensor path
    [InlineData(1000)]   // libtorch
    public void Add_with_a_factor_rounds_the_product_first_as_Torch7(int n)
    {
        torch.ManualSeed(3);
        foreach (var type in new[] { "torch.FloatTensor", "torch.DoubleTensor" })
        {
            var x = torch.Tensor(n).Normal().Type(type);
            var y = torch.Tensor(n).Normal().Type(type);
            double[] xs = x.ToArray(), ys = y.ToArray();
            var expected = type == "torch.FloatTensor"
                ? xs.Zip(ys, (a, b) => (double)((float)a + 0.3f * (float)b)).ToArray()   // C# never fuses a + v*b
                : xs.Zip(ys, (a, b) => a + 0.3 * b).ToArray();
            torch.Add(x, 0.3, y).ToArray().Should().Equal(expected);
            x.Add(0.3, y).ToArray().Should().Equal(expected);
        }
    }

    [Fact]
    public void Mismatched_sizes_are_named()
    {
        var act = () => torch.Tensor(3).Add(torch.Tensor(4));
        act.Should().Throw<ArgumentException>().WithMessage("Add: sizes do not match: 3 (3 elements) and 4 (4 elements)");
    }

    [Fact]
    public void Same_element_count_adds_elementwise_as_Torch7_does()
    {
        var x = torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } });
        x.Add(torch.Tensor(new double[] { 10, 20, 30, 40 }));
        x.ToArray().Should().Equal(11, 22, 33, 44);
    }
}

/// <summary>Ternary ops round in TH's order: the value times t1 first, then t2, then the sum (libtorch's kernels fuse).</summary>
public class TernaryRoundingTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(1000)]
    public void Addcmul_addcdiv_and_lerp_round_as_TH(int n)
    {
        torch.ManualSeed(4);
        var x = torch.Tensor(n).Normal(); var a = torch.Tensor(n).Normal(); var b = torch.Tensor(n).Normal().Add(3);
        double[] xs = x.ToArray(), aa = a.ToArray(), bb = b.ToArray();
        double v = 0.3;
        torch.Addcmul(x, v, a, b).ToArray().Should().Equal(xs.Select((xi, i) => xi + v * aa[i] * bb[i]));
        torch.Addcdiv(x, v, a, b).ToArray().Should().Equal(xs.Select((xi, i) => xi + v * aa[i] / bb[i]));
        x.Clone().Addcmul(v, a, b).ToArray().Should().Equal(xs.Select((xi, i) => xi + v * aa[i] * bb[i]));
        x.Clone().Addcdiv(v, a, b).ToArray().Should().Equal(xs.Select((xi, i) => xi + v * aa[i] / bb[i]));
        x.Clone().Lerp(a, 0.3).ToArray().Should().Equal(xs.Select((xi, i) => xi + 0.3 * (aa[i] - xi)));
    }
}
