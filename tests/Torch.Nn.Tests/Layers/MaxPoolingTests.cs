using LibTorch = TorchSharp.torch;

namespace Torch.Nn.Tests;

/// <summary>SpatialMaxPooling's forward (a managed loop for dense CPU float/double input) against libtorch's own
/// <c>max_pool2d_with_indices</c> on the same input: the same maxima and the same positions, ties, NaNs and all-minus-infinity
/// windows included, in every geometry the module accepts.</summary>
public class MaxPoolingTests
{
    [Theory]
    [InlineData(2, 2, 2, 2, 0, 0, 1, false)]   // LeNet's
    [InlineData(2, 2, 1, 1, 0, 0, 1, false)]   // overlapping windows
    [InlineData(3, 3, 2, 2, 1, 1, 1, false)]   // padded
    [InlineData(3, 2, 2, 1, 1, 0, 1, true)]    // ceil: a last window hanging over the edge
    [InlineData(2, 2, 2, 2, 0, 0, 1, true)]
    [InlineData(2, 2, 2, 2, 0, 0, 2, false)]   // dilated
    [InlineData(3, 3, 2, 2, 1, 1, 2, true)]    // dilated, padded, ceil
    public void Forward_equals_libtorchs_max_pool(int kW, int kH, int dW, int dH, int padW, int padH, int dilation, bool ceil)
    {
        foreach (var type in new[] { "torch.DoubleTensor", "torch.FloatTensor" })
            foreach (var size in new[] { new long[] { 3, 4, 9, 8 }, new long[] { 4, 7, 7 } })
            {
                var x = Hostile(torch.Tensor(size).Type(type));
                var pool = dilation == 1 ? nn.SpatialMaxPooling(kW, kH, dW, dH, padW, padH)
                    : nn.SpatialDilatedMaxPooling(kW, kH, dW, dH, padW, padH, dilation, dilation);
                if (ceil) pool.Ceil();
                pool.Type(type);
                Tensor y = pool.Forward(x);
                var (values, indices) = LibTorch.nn.functional.max_pool2d_with_indices(x.Raw, new long[] { kH, kW }, new long[] { dH, dW },
                    new long[] { padH, padW }, new long[] { dilation, dilation }, ceil);
                y.Size().Should().Equal(values.shape, $"{type} {string.Join("x", size)}");
                y.Type().Should().Be(type);
                Same(y.Double().ToArray(), values.to_type(LibTorch.ScalarType.Float64).data<double>().ToArray());
                pool.Indices.ToArray<long>().Should().Equal(indices.data<long>().ToArray().Select(i => i + 1), "Lua's 1-based positions");
            }
    }

    [Fact]
    public void A_strided_input_takes_libtorchs_route_with_the_same_result()
    {
        var x = Hostile(torch.Tensor(2, 3, 8, 6));
        var strided = x.Transpose(3, 4);
        var pool = nn.SpatialMaxPooling(2, 2, 2, 2);
        Tensor y = pool.Forward(strided);
        Tensor expected = nn.SpatialMaxPooling(2, 2, 2, 2).Forward(strided.Clone());
        Same(y.ToArray(), expected.ToArray());
    }

    [Fact]
    public void A_hand_computed_window_keeps_the_first_maximum_and_a_nan()
    {
        var x = torch.Tensor(new double[,,] { { { 1, 5, 2, 2 }, { 5, 0, 2, double.NaN } } });
        var pool = nn.SpatialMaxPooling(2, 2, 2, 2);
        ((Tensor)pool.Forward(x)).ToArray().Should().Equal(5, double.NaN);
        pool.Indices.ToArray().Should().Equal(2, 8); // the first 5 (row 1, column 2), the NaN (row 2, column 4)
    }

    /// <summary>Small integers (many ties), a NaN here and there, one plane of minus infinity.</summary>
    static Tensor Hostile(Tensor x)
    {
        x.Random(1, 4);
        var flat = x.View(-1);
        for (long i = 7; i <= flat.NElement(); i += 23) flat[i] = double.NaN;
        x.Select(x.Dim() - 2, 1).Fill(double.NegativeInfinity);
        return x;
    }

    static void Same(double[] actual, double[] expected)
    {
        actual.Length.Should().Be(expected.Length);
        for (int i = 0; i < actual.Length; i++)
            if (!(double.IsNaN(actual[i]) && double.IsNaN(expected[i]))) actual[i].Should().Be(expected[i], $"element {i + 1}");
    }
}
