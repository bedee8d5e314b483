namespace Torch.Tests;

/// <summary>Zero clears dense CPU tensors byte by byte and leaves everything else to libtorch's zero_; both must zero exactly the
/// view's elements and nothing around them.</summary>
public class ZeroTests
{
    [Theory]
    [InlineData("torch.DoubleTensor")]
    [InlineData("torch.FloatTensor")]
    [InlineData("torch.LongTensor")]
    [InlineData("torch.IntTensor")]
    [InlineData("torch.ShortTensor")]
    [InlineData("torch.ByteTensor")]
    [InlineData("torch.CharTensor")]
    public void Zero_clears_a_contiguous_view_and_nothing_around_it(string type)
    {
        var all = torch.Tensor(5, 6).Fill(7).Type(type);
        var rows = all.Narrow(1, 2, 2);                    // contiguous, at an offset of 6 elements
        rows.Zero().Should().BeSameAs(rows);
        var expected = Enumerable.Range(0, 30).Select(i => i >= 6 && i < 18 ? 0.0 : 7.0);
        all.ToArray().Should().Equal(expected, $"rows 2 and 3 of a {type} are cleared, the others keep 7");
    }

    [Fact]
    public void Zero_of_a_strided_view_zeroes_only_its_elements()
    {
        var all = torch.Tensor(4, 5).Fill(3);
        all.Select(2, 2).Zero();                             // column 2: strided, libtorch's route
        var a = all.ToArray();
        for (int i = 0; i < 20; i++) a[i].Should().Be(i % 5 == 1 ? 0 : 3, $"element {i}");
    }

    [Fact]
    public void Zero_of_a_negative_zero_and_NaN_gives_positive_zeros()
    {
        var t = torch.Tensor(new[] { -0.0, double.NaN, double.NegativeInfinity, 1e-310 });
        t.Zero();
        t.ToArray().Should().OnlyContain(v => v == 0 && !double.IsNegative(v));
    }

    [Fact]
    public void Zero_of_an_empty_tensor_and_of_a_large_one()
    {
        torch.Tensor().Zero().NElement().Should().Be(0);
        var big = torch.FloatTensor(1100, 1000).Fill(2);   // 4.4 MB: above the byte-clearing limit, libtorch's zero_
        big.Zero();
        big.Sum().Should().Be(0);
        big.Max().Should().Be(0);
    }

    [Fact]
    public void Zero_of_a_tensor_autograd_tracks_goes_through_libtorch()
    {
        using var leaf = TorchSharp.torch.ones(3, requires_grad: true);
        using var y = leaf * 2;                              // not a leaf: zeroing it in place is allowed and recorded
        var t = new Tensor(y.alias());
        t.Zero();
        t.ToArray().Should().Equal(0.0, 0.0, 0.0);
        t.Raw.requires_grad.Should().BeTrue();
    }
}
