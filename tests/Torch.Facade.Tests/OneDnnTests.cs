using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Tests;

/// <summary>libtorch's float convolutions as the library leaves them configured (<see cref="OneDnn"/>), against the same
/// convolutions in double: on AMD EPYC processors oneDNN's float kernels returned NaNs and gradients off by half their size at
/// random, in these shapes (the oracle's SpatialConvolution fixtures, LeNet's layers, dcgan's last discriminator layer).</summary>
public class OneDnnTests
{
    [SkippableFact]
    public void OneDnn_is_off_where_it_is_not_trusted()
    {
        var vendor = OneDnn.Vendor();
        var asked = Environment.GetEnvironmentVariable("TORCH_NET_ONEDNN");
        var enabled = OneDnn.Enabled();
        Skip.If(enabled is null, "not Linux x64: libtorch's C++ names are not reachable, and nothing was changed");
        if (asked == "1") enabled.Should().BeTrue();
        else if (asked == "0" || vendor != "GenuineIntel") enabled.Should().BeFalse($"the processor is {vendor}");
        else enabled.Should().BeTrue("oneDNN stays on on Intel processors");
    }

    [Theory]
    [InlineData(2, 3, 6, 4, 3, 1, 0)]
    [InlineData(64, 1, 28, 20, 5, 1, 0)]
    [InlineData(64, 20, 12, 50, 5, 1, 0)]
    [InlineData(8, 64, 4, 1, 4, 1, 0)]
    [InlineData(16, 16, 32, 32, 3, 2, 1)]
    public void Float_convolutions_agree_with_double(int b, int c, int h, int o, int k, int s, int p)
    {
        OneDnn.Enabled(); // the library's native set-up has run
        var strides = new long[] { s, s };
        var pads = new long[] { p, p };
        static double Off(TT f, TT d) => ((f.to(TS.ScalarType.Float64) - d).abs().max() / (d.abs().max() + 1e-9)).item<double>();
        for (int rep = 0; rep < 8; rep++)
        {
            using var scope = TS.NewDisposeScope();
            var x = TS.randn(b, c, h, h);
            var w = TS.randn(o, c, k, k);
            var y = TS.nn.functional.conv2d(x, w, strides: strides, padding: pads);
            var g = TS.randn_like(y);
            var (xd, wd, gd) = (x.to(TS.ScalarType.Float64), w.to(TS.ScalarType.Float64), g.to(TS.ScalarType.Float64));
            Off(y, TS.nn.functional.conv2d(xd, wd, strides: strides, padding: pads)).Should().BeLessThan(1e-5, "the forward, rep {0}", rep);
            Off(TS.nn.functional.conv_transpose2d(g, w, strides: strides, padding: pads),
                TS.nn.functional.conv_transpose2d(gd, wd, strides: strides, padding: pads)).Should().BeLessThan(1e-5, "the transposed convolution (gradInput), rep {0}", rep);
        }
    }
}
