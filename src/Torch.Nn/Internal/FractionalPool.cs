using TS = TorchSharp.torch;

namespace Torch.Nn.Internal;

/// <summary>Fractional max pooling (Graham): the 2-D module places its regions from Torch7's samples as THNN does, the 3-D one lets
/// libtorch draw them; either way the arg-max indices are kept and the
/// output is gathered from the input at those indices, so a module can keep its regions (fixPoolingRegions, or an autograd replay)
/// and get the matching gradient.</summary>
internal static class FractionalPool
{
    /// <summary>The pooled output of a batch <paramref name="x"/> over its last <paramref name="dims"/> dimensions; draws new regions
    /// into <paramref name="indices"/> unless <paramref name="keep"/> and regions of the right size already exist;
    /// <paramref name="regions"/>, when given, computes the indices from <paramref name="x"/> instead of libtorch.</summary>
    internal static TS.Tensor Forward(TS.Tensor x, int dims, long[] kernel, long[]? size, double[]? ratio, ref TS.Tensor? indices, bool keep,
        Func<TS.Tensor, TS.Tensor>? regions = null)
    {
        bool reuse = keep && indices is not null && !indices.IsInvalid && indices.size(0) == x.size(0) && indices.size(1) == x.size(1);
        if (!reuse && regions is not null)
        {
            indices?.Dispose();
            indices = regions(x);
        }
        else if (!reuse)
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

    /// <summary>THNN's 2-D regions from one pair of samples (W, H) per plane: the 0-based arg-max of each window within its plane,
    /// for a B x C x H x W input, as THNN's SpatialFractionalMaxPooling computes them (first maximum wins).</summary>
    internal static TS.Tensor Regions2d(TS.Tensor x, Tensor samples, int poolW, int poolH, long outW, long outH)
    {
        long planes = x.size(0) * x.size(1), h = x.size(2), w = x.size(3);
        using var xd = x.to_type(TS.ScalarType.Float64).contiguous();
        var data = xd.data<double>();
        var u = samples.ToArray();
        bool isFloat = samples.Type() == "torch.FloatTensor";
        var idx = new long[planes * outH * outW];
        for (long p = 0; p < planes; p++)
        {
            var seqW = Intervals(u[2 * p], w, outW, poolW, isFloat);
            var seqH = Intervals(u[2 * p + 1], h, outH, poolH, isFloat);
            for (long i = 0; i < outH; i++)
                for (long j = 0; j < outW; j++)
                {
                    double max = double.NegativeInfinity;
                    long at = seqH[i] * w + seqW[j];
                    for (long i2 = seqH[i]; i2 < seqH[i] + poolH; i2++)
                        for (long j2 = seqW[j]; j2 < seqW[j] + poolW; j2++)
                        {
                            double v = data[p * h * w + i2 * w + j2];
                            if (v > max) (max, at) = (v, i2 * w + j2);
                        }
                    idx[(p * outH + i) * outW + j] = at;
                }
        }
        return TS.tensor(idx, new[] { x.size(0), x.size(1), outH, outW });
    }

    /// <summary>THNN's window starts: (long)((i + u)·α) - (long)(u·α) with α = (in - pool) / (out - 1), in the tensor's real.</summary>
    static long[] Intervals(double sample, long inSize, long outSize, int pool, bool isFloat)
    {
        var seq = new long[outSize];
        if (isFloat)
        {
            float a = (float)(inSize - pool) / (outSize - 1), u = (float)sample;
            for (long i = 0; i < outSize - 1; i++) seq[i] = (long)((i + u) * a) - (long)(u * a);
        }
        else
        {
            double a = (double)(inSize - pool) / (outSize - 1);
            for (long i = 0; i < outSize - 1; i++) seq[i] = (long)((i + sample) * a) - (long)(sample * a);
        }
        seq[outSize - 1] = inSize - pool;
        return seq;
    }
}
