using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>Runs a libtorch op that needs a batch dimension on a single sample too (Torch7's spatial and temporal modules take both).</summary>
internal static class Batched
{
    /// <summary><paramref name="op"/> on <paramref name="x"/>, adding and then removing a leading batch dimension when x has only
    /// <paramref name="sampleDims"/> dimensions.</summary>
    internal static TT Run(Tensor x, int sampleDims, Func<TT, TT> op)
    {
        using var batch = Batch(x, sampleDims);
        return Unbatch(x, sampleDims, op(batch));
    }

    /// <summary>A view of <paramref name="x"/> with a batch dimension (dispose it after use).</summary>
    internal static TT Batch(Tensor x, int sampleDims) => x.Dim() == sampleDims ? x.Raw.unsqueeze(0) : x.Raw.alias();

    /// <summary><paramref name="y"/> without its batch dimension when <paramref name="x"/> had none (y is then freed).</summary>
    internal static TT Unbatch(Tensor x, int sampleDims, TT y)
    {
        if (x.Dim() != sampleDims) return y;
        using (y) return y.squeeze(0);
    }
}
