using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>Spatial modules take one C x H x W image or a B x C x H x W batch; libtorch's ops take batches.</summary>
internal static class Images
{
    /// <summary>A 4-D view of a 3-D (single image) or 4-D input (dispose it after use).</summary>
    internal static TT Batch(Tensor x) => x.Dim() == 3 ? x.Raw.unsqueeze(0) : x.Raw.alias();

    /// <summary>The result without the batch dimension when the input had none; frees <paramref name="y"/> if it had to reshape.</summary>
    internal static TT Unbatch(Tensor x, TT y)
    {
        if (x.Dim() != 3) return y;
        using (y) return y.squeeze(0);
    }
}
