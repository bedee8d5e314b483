namespace Torch.Nn.Tests;

/// <summary>Modules with hand-written gradients (as Lua's) against numerical gradients, in awkward geometries.</summary>
public class ExplicitGradientTests
{
    [Theory]
    [InlineData(2, 2, 1, 1, 7, 6)]   // strides skip the last row/column: output padding and kernel narrowing matter
    [InlineData(3, 1, 0, 2, 6, 5)]
    [InlineData(1, 1, 0, 0, 5, 5)]
    public void Strided_padded_convolution_passes_the_jacobian_checks(int dW, int dH, int padW, int padH, int h, int w)
    {
        var conv = nn.SpatialConvolution(2, 3, 3, 2, dW, dH, padW, padH);
        Check.Gradients(conv, torch.Tensor(2, 2, h, w));
        Check.Gradients(conv, torch.Tensor(2, h, w));
        Check.Gradients(nn.SpatialConvolutionMM(2, 3, 3, 2, dW, dH, padW, padH).NoBias(), torch.Tensor(2, 2, h, w));
    }

    [Theory]
    [InlineData(2, 2, 2, 2, 0, 0, false)]
    [InlineData(3, 3, 2, 2, 1, 1, false)]   // overlapping windows: gradients add up where maxima are shared
    [InlineData(3, 2, 2, 1, 1, 0, true)]
    public void Max_pooling_sends_gradients_to_the_maxima(int kW, int kH, int dW, int dH, int padW, int padH, bool ceil)
    {
        var pool = nn.SpatialMaxPooling(kW, kH, dW, dH, padW, padH);
        if (ceil) pool.Ceil();
        Jacobian.TestJacobian(pool, torch.Tensor(2, 3, 7, 6)).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(pool, torch.Tensor(3, 7, 6)).Should().BeLessThan(Check.Precision);
    }

    [Theory]
    [InlineData(1, 1, 2, 2, 0, 0, false, true, true)]    // ResNet's type A shortcut: a strided copy
    [InlineData(1, 1, 3, 2, 0, 0, true, true, false)]    // the same in ceil mode, summing
    [InlineData(3, 2, 2, 1, 1, 1, false, true, true)]
    [InlineData(3, 3, 2, 2, 1, 1, true, true, true)]     // ceil: a last window partly outside
    [InlineData(3, 3, 2, 2, 1, 1, true, false, true)]    // padding left out of the divisor
    [InlineData(2, 2, 2, 2, 0, 0, false, true, false)]   // Lua's deprecated divide = false: sums
    public void Average_pooling_spreads_gradients_over_its_windows(int kW, int kH, int dW, int dH, int padW, int padH, bool ceil, bool includePad, bool divide)
    {
        var pool = nn.SpatialAveragePooling(kW, kH, dW, dH, padW, padH);
        if (ceil) pool.Ceil();
        if (!includePad) pool.SetCountExcludePad();
        pool.Divide = divide;
        pool.Gradient.Should().Be(Gradient.Formulas);
        Jacobian.TestJacobian(pool, torch.Tensor(2, 3, 7, 6)).Should().BeLessThan(Check.Precision);
        Jacobian.TestJacobian(pool, torch.Tensor(3, 7, 6)).Should().BeLessThan(Check.Precision);
    }

    [Theory]
    [InlineData(2, 2, false)]
    [InlineData(3, 2, true)]
    public void A_one_by_one_window_gives_libtorchs_average_pooling(int dW, int dH, bool ceil)
    {
        var x = torch.Tensor(2, 3, 7, 6).Uniform(-1, 1);
        var pool = nn.SpatialAveragePooling(1, 1, dW, dH);
        if (ceil) pool.Ceil();
        Tensor y = pool.Forward(x);
        using var expected = TorchSharp.torch.nn.functional.avg_pool2d(x.Raw, new long[] { 1, 1 }, new long[] { dH, dW }, ceil_mode: ceil);
        y.Size().Should().Equal(expected.shape);
        y.ToArray().Should().Equal(expected.data<double>().ToArray());
        Tensor single = pool.Forward(x.Select(1, 2));
        single.ToArray().Should().Equal(((Tensor)pool.Forward(x)).Select(1, 2).ToArray());
    }

    [Fact]
    public void Average_pooling_names_a_gradOutput_of_the_wrong_size()
    {
        var pool = nn.SpatialAveragePooling(2, 2, 2, 2);
        var x = torch.Tensor(2, 3, 6, 6).Uniform();
        pool.Forward(x);
        var act = () => pool.Backward(x, torch.Tensor(2, 3, 4, 3));
        act.Should().Throw<ArgumentException>().WithMessage("nn.SpatialAveragePooling(2x2, 2,2): expected a gradOutput of 2x3x3x3 (the output's size and type), got a torch.DoubleTensor of size 2x3x4x3");
    }
}

public class DilatedExplicitGradientTests
{
    [Fact]
    public void Dilated_convolution_and_pooling_pass_the_jacobian_checks()
    {
        Check.Gradients(nn.SpatialDilatedConvolution(2, 3, 3, 2, 2, 1, 1, 0, 2, 3), torch.Tensor(2, 2, 9, 8));
        Jacobian.TestJacobian(nn.SpatialDilatedMaxPooling(2, 2, 2, 2, 0, 0, 2, 2), torch.Tensor(2, 3, 8, 8)).Should().BeLessThan(Check.Precision);
    }
}
