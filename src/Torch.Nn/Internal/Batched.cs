using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>Runs a libtorch op that needs a batch dimension on a single sample too (Torch7's spatial and temporal modules take both).</summary>
internal static class Batched
{
    /// <summary><paramref name="op"/> on <paramref name="x"/>, adding and then removing a leading batch dimension when x has only
    /// <paramref name="sampleDims"/> dimensions.</summary>
    internal static TT Run(Tensor x, int sampleDims, Func<TT, TT> op)
    {
        if (x.Dim() != sampleDims) return op(x.Raw);
        using var batch = x.Raw.unsqueeze(0);
        using var y = op(batch);
        return y.squeeze(0);
    }
}
