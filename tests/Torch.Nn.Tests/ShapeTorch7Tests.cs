namespace Torch.Nn.Tests;

/// <summary>Shape and simple layers checked against torch/nn's Lua sources; expected values are worked out by hand from the Lua
/// formulas.</summary>
public class ShapeTorch7Tests
{
    static Tensor Seq(long n) => torch.Range(1, n);

    [Fact]
    public void NarrowCountsANegativeOffsetAndLengthFromTheEnd()
    {
        // Narrow.lua: index = size + offset + 1 when offset < 0; length = size - index + 1 - abs(length) when length < 0
        Check.Close(nn.Narrow(1, -3, 2).Forward(Seq(6)).AsTensor, new[] { 4.0, 5 }, 0);
        Check.Close(nn.Narrow(1, 2, -1).Forward(Seq(6)).AsTensor, new[] { 2.0, 3, 4, 5 }, 0);
        Check.Close(nn.Narrow(1, -4, -1).Forward(Seq(6)).AsTensor, new[] { 3.0, 4, 5 }, 0);
        var m = nn.Narrow(-1, -2, 2);
        var x = torch.Rand(2, 5);
        m.Forward(x);
        Check.Close(m.Backward(x, torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } })).AsTensor, new[] { 0.0, 0, 0, 1, 2, 0, 0, 0, 3, 4 }, 0);
        Jacobian.TestJacobian(nn.Narrow(2, -3, -1), torch.Rand(2, 5)).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void PaddingInsertsBeforeItsIndex()
    {
        // Padding.lua: pad < 0 pads before slice index; pad > 0 before slice size - index + 2 (index counts from the right)
        Check.Close(nn.Padding(1, -2, null, 9, 2).Forward(Seq(3)).AsTensor, new[] { 1.0, 9, 9, 2, 3 }, 0);
        Check.Close(nn.Padding(1, 1, null, 9, 2).Forward(Seq(3)).AsTensor, new[] { 1.0, 2, 9, 3 }, 0);
        Check.Close(nn.Padding(1, 1, null, 9, 4).Forward(Seq(3)).AsTensor, new[] { 9.0, 1, 2, 3 }, 0);
        Check.Close(nn.Padding(1, 1, null, 9).Forward(Seq(3)).AsTensor, new[] { 1.0, 2, 3, 9 }, 0);
        Check.Close(nn.Padding(1, -1, 1, 9, 2).Forward(torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } })).AsTensor, new[] { 1.0, 9, 2, 3, 9, 4 }, 0);
        var m = nn.Padding(1, -2, null, 0, 3);
        m.Forward(Seq(4));
        Check.Close(m.Backward(Seq(4), torch.Range(10, 15)).AsTensor, new[] { 10.0, 11, 14, 15 }, 0);
        Jacobian.TestJacobian(nn.Padding(2, 2, 2, 0, 2), torch.Rand(3, 4)).Should().BeLessThan(Check.Precision);
    }
}
