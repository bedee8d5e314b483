using System.Numerics;
using Torch.Native;
using TorchSharp;
using ScalarType = TorchSharp.torch.ScalarType;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>
/// 2-D max pooling's forward as a plain managed loop over dense CPU float/double batches: libtorch's kernel (the same windows,
/// the first maximum in scan order, a NaN taking the place) without its dispatch and per-element bookkeeping, which made it
/// the slowest module of a LeNet forward (about 1.7 times this loop on 64x20x24x24 floats). Anything else goes to libtorch.
/// </summary>
internal static class MaxPoolLoop
{
    /// <summary>The maxima of <paramref name="x"/> (N x C x H x W) over each window and their 0-based positions within each
    /// H x W plane, as <c>max_pool2d_with_indices</c> gives them; null when the loop does not apply (another type or device,
    /// autograd, a strided input, or a geometry libtorch refuses, whose error it then raises itself).</summary>
    internal static (TT Values, TT Indices)? TryRun(TT x, long kH, long kW, long dH, long dW, long padH, long padW, long dilH, long dilW, bool ceil)
    {
        var type = x.dtype;
        if (type is not (ScalarType.Float32 or ScalarType.Float64) || x.dim() != 4 || x.device_type != DeviceType.CPU
            || x.requires_grad || !x.is_contiguous()) return null;
        if (kH < 1 || kW < 1 || dH < 1 || dW < 1 || dilH < 1 || dilW < 1 || padH < 0 || padW < 0 || padH > kH / 2 || padW > kW / 2)
            return null;
        long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        long oh = OutputSize(h, kH, dH, padH, dilH, ceil), ow = OutputSize(w, kW, dW, padW, dilW, ceil);
        if (n * c == 0 || h < 1 || w < 1 || oh < 1 || ow < 1) return null;
        var size = new[] { n, c, oh, ow };
        var values = TS.empty(size, type);
        var indices = TS.empty(size, ScalarType.Int64);
        var g = new Geometry(h, w, oh, ow, kH, kW, dH, dW, padH, padW, dilH, dilW);
        IntPtr src = THS.THSTensor_data(x.Handle), dst = THS.THSTensor_data(values.Handle), at = THS.THSTensor_data(indices.Handle);
        // the common 2x2 windows at stride 2 that tile the input (LeNet's, VGG's) without the general loop's bounds
        bool tiles = kH == 2 && kW == 2 && dH == 2 && dW == 2 && padH == 0 && padW == 0 && dilH == 1 && dilW == 1 && 2 * oh <= h && 2 * ow <= w;
        if (type == ScalarType.Float64)
        {
            if (tiles) Run2x2<double>(src, dst, at, n * c, g);
            else Run<double>(src, dst, at, n * c, g);
        }
        else if (tiles) Run2x2<float>(src, dst, at, n * c, g);
        else Run<float>(src, dst, at, n * c, g);
        return (values, indices);
    }

    /// <summary>libtorch's (and Torch7's) output size: floor or ceil of the windows' count, the last window starting inside the
    /// input or its left padding.</summary>
    static long OutputSize(long input, long k, long d, long pad, long dil, bool ceil)
    {
        long o = Math.DivRem(input + 2 * pad - dil * (k - 1) - 1 + (ceil ? d - 1 : 0), d, out long rem) + 1;
        if (rem < 0) o--; // rounding toward minus infinity, as libtorch's div_rtn
        if (ceil && (o - 1) * d >= input + pad) o--;
        return o;
    }

    readonly record struct Geometry(long H, long W, long OH, long OW, long KH, long KW, long DH, long DW, long PadH, long PadW, long DilH, long DilW);

    /// <summary>The loop below for 2x2 windows at stride 2, all inside the input: the same four comparisons in the same order.</summary>
    static unsafe void Run2x2<T>(IntPtr src, IntPtr dst, IntPtr at, long planes, Geometry g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* x = (T*)src, y = (T*)dst;
        long* ix = (long*)at;
        long w = g.W, plane = g.H * w;
        for (long p = 0; p < planes; p++, x += plane)
            for (long oh = 0; oh < g.OH; oh++)
            {
                long r = 2 * oh * w;
                T* r0 = x + r, r1 = r0 + w;
                for (long j = 0; j < 2 * g.OW; j += 2)
                {
                    // starting from the window's first element is the same as from minus infinity: it wins unless it is -inf
                    T max = r0[j];
                    long best = r + j;
                    T v = r0[j + 1];
                    if (v > max || T.IsNaN(v)) { max = v; best = r + j + 1; }
                    v = r1[j];
                    if (v > max || T.IsNaN(v)) { max = v; best = r + w + j; }
                    v = r1[j + 1];
                    if (v > max || T.IsNaN(v)) { max = v; best = r + w + j + 1; }
                    *y++ = max;
                    *ix++ = best;
                }
            }
    }

    static unsafe void Run<T>(IntPtr src, IntPtr dst, IntPtr at, long planes, Geometry g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* x = (T*)src, y = (T*)dst;
        long* ix = (long*)at;
        long plane = g.H * g.W;
        for (long p = 0; p < planes; p++, x += plane)
            for (long oh = 0; oh < g.OH; oh++)
            {
                long h0 = oh * g.DH - g.PadH, h1 = Math.Min(h0 + (g.KH - 1) * g.DilH + 1, g.H);
                while (h0 < 0) h0 += g.DilH;
                for (long ow = 0; ow < g.OW; ow++)
                {
                    long w0 = ow * g.DW - g.PadW, w1 = Math.Min(w0 + (g.KW - 1) * g.DilW + 1, g.W);
                    while (w0 < 0) w0 += g.DilW;
                    long best = h0 * g.W + w0;
                    T max = T.NegativeInfinity;
                    for (long i = h0; i < h1; i += g.DilH)
                    {
                        T* row = x + i * g.W;
                        for (long j = w0; j < w1; j += g.DilW)
                        {
                            T v = row[j];
                            if (v > max || T.IsNaN(v))
                            {
                                max = v;
                                best = i * g.W + j;
                            }
                        }
                    }
                    *y++ = max;
                    *ix++ = best;
                }
            }
    }
}
