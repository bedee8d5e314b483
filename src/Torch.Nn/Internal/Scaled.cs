using Torch.Native;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>In-place accumulation with a cached scalar: <c>dst += scale * src</c>.</summary>
internal static class Scaled
{
    internal static void Add(Tensor dst, TT src, double scale)
    {
        using var s = ScalarLease.Of(scale, dst.ScalarType);
        dst.Raw.add_(src, s.Value);
    }
}
