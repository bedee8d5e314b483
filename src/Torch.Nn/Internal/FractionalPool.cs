using TS = TorchSharp.torch;

namespace Torch.Nn.Internal;

/// <summary>Fractional max pooling (Graham): libtorch draws the pseudo-random pooling regions and returns the arg-max indices; the
/// output is gathered from the input at those indices, so a module can keep its regions (fixPoolingRegions, or an autograd replay)
/// and get the matching gradient.</summary>
internal static class FractionalPool
{
    /// <summary>The pooled output of a batch <paramref name="x"/> over its last <paramref name="dims"/> dimensions; draws new regions
    /// into <paramref name="indices"/> unless <paramref name="keep"/> and regions of the right size already exist.</summary>
    internal static TS.Tensor Forward(TS.Tensor x, int dims, long[] kernel, long[]? size, double[]? ratio, ref TS.Tensor? indices, bool keep)
    {
        bool reuse = keep && indices is not null && !indices.IsInvalid && indices.size(0) == x.size(0) && indices.size(1) == x.size(1);
        if (!reuse)
        {
            using var noGrad = TS.no_grad();
            var (values, idx) = dims == 2
                ? TS.nn.functional.fractional_max_pool2d_with_indices(x, kernel, size, ratio)
                : TS.nn.functional.fractional_max_pool3d_with_indices(x, kernel, size, ratio);
            values.Dispose();
            indices?.Dispose();
            indices = idx;
        }
        using var flat = x.flatten(-dims);
        using var idxFlat = indices!.flatten(-dims);
        using var picked = flat.gather(-1, idxFlat);
        return picked.view(indices.shape);
    }
}
