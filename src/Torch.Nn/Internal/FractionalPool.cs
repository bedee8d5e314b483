using TS = TorchSharp.torch;

namespace Torch.Nn.Internal;

/// <summary>Fractional max pooling (Graham) as THNN computes it: each plane's regions are placed by its own U(0, 1) samples
/// (Lua's <c>randomSamples</c>, drawn from Torch7's stream), the arg-max of each region is found in memory order (the first
/// maximum wins), and the output is gathered from the input at those indices, so an autograd replay gets the matching gradient.</summary>
internal static class FractionalPool
{
    /// <summary>Lua's initSampleBuffer_: new samples (batch x planes x <paramref name="perPlane"/>, of the input's type) on the
    /// first call or when the batch or plane count changes, and on every call unless the regions are fixed.</summary>
    internal static void Samples(ref Tensor? samples, Tensor x, int sampleDims, int perPlane, bool fixedRegions)
    {
        long batch = x.Dim() > sampleDims ? x.Size(1) : 1, planes = x.Size(x.Dim() - sampleDims + 1);
        bool resized = samples is null || samples.Type() != x.Type() || samples.Dim() != 3 || samples.Size(1) != batch || samples.Size(2) != planes;
        if (resized) samples = x.New(batch, planes, perPlane);
        if (resized || !fixedRegions) samples!.Uniform();
    }

    /// <summary>The pooled output of a batch <paramref name="x"/> over its last <paramref name="dims"/> dimensions at the arg-max
    /// indices <paramref name="regions"/> computes from it, kept in <paramref name="indices"/> (reused when <paramref name="keep"/>:
    /// an autograd replay of the same forward).</summary>
    internal static TS.Tensor Forward(TS.Tensor x, int dims, ref TS.Tensor? indices, bool keep, Func<TS.Tensor, TS.Tensor> regions)
    {
        bool reuse = keep && indices is not null && !indices.IsInvalid && indices.size(0) == x.size(0) && indices.size(1) == x.size(1);
        if (!reuse)
        {
            indices?.Dispose();
            indices = regions(x);
        }
        using var flat = x.flatten(-dims);
        using var idxFlat = indices!.flatten(-dims);
        using var picked = flat.gather(-1, idxFlat);
        return picked.view(indices.shape);
    }

    /// <summary>THNN's regions for a B x C x S_1 x ... x S_d input: along spatial dimension k, windows of <paramref name="pool"/>[k]
    /// starting where the plane's sample number <paramref name="sampleOf"/>[k] puts them, <paramref name="outSize"/>[k] of them;
    /// returns the 0-based arg-max of each window within its plane (outputs and windows visited in memory order, first maximum wins).</summary>
    internal static TS.Tensor Regions(TS.Tensor x, Tensor samples, int[] pool, long[] outSize, int[] sampleOf)
    {
        int d = pool.Length;
        long planes = x.size(0) * x.size(1);
        var size = Enumerable.Range(0, d).Select(k => x.size(2 + k)).ToArray();
        var stride = new long[d];
        for (int k = d - 1; k >= 0; k--) stride[k] = k == d - 1 ? 1 : stride[k + 1] * size[k + 1];
        long planeSize = stride[0] * size[0], outs = outSize.Aggregate(1L, (a, b) => a * b), windows = pool.Aggregate(1L, (a, b) => a * b);
        using var xd = x.to_type(TS.ScalarType.Float64).contiguous();
        var data = xd.data<double>();
        var u = samples.ToArray();
        bool isFloat = samples.Type() == "torch.FloatTensor";
        int perPlane = (int)samples.Size(3);
        var idx = new long[planes * outs];
        var start = new long[d];
        for (long p = 0; p < planes; p++)
        {
            var seq = Enumerable.Range(0, d).Select(k => Intervals(u[p * perPlane + sampleOf[k]], size[k], outSize[k], pool[k], isFloat)).ToArray();
            for (long o = 0; o < outs; o++)
            {
                for (long rest = o, k = d - 1; k >= 0; k--) { start[k] = seq[k][rest % outSize[k]]; rest /= outSize[k]; }
                double max = double.NegativeInfinity;
                long at = -1, first = 0;
                for (long wi = 0; wi < windows; wi++)
                {
                    long offset = 0;
                    for (long rest = wi, k = d - 1; k >= 0; k--) { offset += (start[k] + rest % pool[k]) * stride[k]; rest /= pool[k]; }
                    if (wi == 0) first = offset;
                    double v = data[p * planeSize + offset];
                    if (v > max) (max, at) = (v, offset);
                }
                idx[p * outs + o] = at < 0 ? first : at; // a window of NaN or -inf only (THNN asserts): its first element
            }
        }
        return TS.tensor(idx, new[] { x.size(0), x.size(1) }.Concat(outSize).ToArray());
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
