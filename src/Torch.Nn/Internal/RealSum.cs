using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>THNN's loss loop in float: <c>real sum = 0; sum += term;</c> in element order, the running sum rounded to float at every
/// step, then divided in float when averaging. Torch7 returns that float, so a float loss here is the same float.</summary>
internal static class RealSum
{
    /// <summary>The float sum of <paramref name="terms"/> (a Float32 tensor), divided by their count when <paramref name="sizeAverage"/>.</summary>
    internal static double Float(TT terms, bool sizeAverage)
    {
        using var flat = terms.contiguous().view(-1);
        float sum = 0;
        foreach (var v in flat.data<float>()) sum += v;
        return sizeAverage ? sum / flat.shape[0] : sum;
    }
}
