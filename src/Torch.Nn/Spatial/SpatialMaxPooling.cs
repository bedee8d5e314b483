using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialMaxPooling(kW, kH[, dW=kW, dH=kH, padW=0, padH=0])</c> (+ <see cref="Pooling2D.Ceil"/> / <see cref="Pooling2D.Floor"/>):
/// the maximum over each kW x kH window. Forward by libtorch's max_pool2d, gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialMaxPooling(2, 2, 2, 2).Forward(x);</c></remarks>
public class SpatialMaxPooling : Pooling2D
{
    /// <summary>A max-pooling layer. Example: <c>new SpatialMaxPooling(3, 3, 2, 2, 1, 1)</c>.</summary>
    public SpatialMaxPooling(int kW, int kH, int? dW = null, int? dH = null, int padW = 0, int padH = 0)
        : base(kW, kH, dW ?? kW, dH ?? kH, padW, padH)
    {
        if (padW > kW / 2 || padH > kH / 2)
            throw new ArgumentException($"{TypeName}: pad should be at most half of the kernel size, got pad {padW},{padH} for kernel {kW}x{kH}");
    }

    /// <inheritdoc/>
    protected override TS.Tensor Pool(TS.Tensor x) => TS.nn.functional.max_pool2d(x, new long[] { KH, KW },
        new long[] { DH, DW }, new long[] { PadH, PadW }, ceil_mode: CeilMode);
}
