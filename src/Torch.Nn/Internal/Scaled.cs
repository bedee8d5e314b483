using Torch.Native;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>In-place accumulation <c>dst += scale * src</c>, the product rounded before the sum as Torch7's cadd
/// (libtorch's <c>add_(src, alpha)</c> fuses the two and rounds once).</summary>
internal static class Scaled
{
    internal static void Add(Tensor dst, TT src, double scale)
    {
        if (scale == 1)
        {
            dst.Raw.add_(src);
            return;
        }
        using var s = ScalarLease.Of(scale, dst.ScalarType);
        using var product = src.mul(s.Value);
        dst.Raw.add_(product);
    }
}
