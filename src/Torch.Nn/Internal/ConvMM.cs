using System.Numerics;
using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>
/// Torch7's SpatialConvolutionMM route for a batched 2-D convolution: per sample, the input unfolded into columns (im2col,
/// C kH kW x oH oW) and one BLAS product with the weight (O x C kH kW); gradInput the transposed product folded back
/// (col2im); the weight gradient the product of gradOutput with the columns, accumulated over the samples. The products
/// go to OpenBLAS (<see cref="Blas.TryGemm"/>), which is faster than libtorch's own unfold-and-MKL kernels on these shapes
/// (libtorch's double convolutions, and its float ones where oneDNN is off); every method returns false, having written
/// nothing, where OpenBLAS is absent or a tensor does not fit (not a dense CPU double, or float with oneDNN on), and the
/// caller takes libtorch's route. The columns and the folds are Torch7's loops
/// (<c>unfolded_copy</c>, <c>unfolded_acc</c>), in Torch7's order of additions.
/// </summary>
internal sealed class ConvMM(int kH, int kW, int dH, int dW, int padH, int padW, int dilH = 1, int dilW = 1)
{
    /// <summary>Takes the route on every shape it fits (the benchmark's comparisons), not only where it wins.</summary>
    internal bool Always { get; init; }

    enum Step { Forward, GradInput, GradWeight }

    /// <summary>Where the route is faster than libtorch's (`-- convmm` in docs/benchmarks.md, dcgan's, ResNet-8's and LeNet's
    /// shapes, transposed ones included): enough work per sample (O x C kH kW x oH oW) to pay for its calls. In double, then,
    /// for the forward, at least 128 rows of columns (C kH kW); for the weight gradient, whose product's inner size is oH oW,
    /// 64 positions or more too; for gradInput, whose product's inner size is O, 32 planes or more on both sides. In float,
    /// where libtorch's kernels are closer, four times that work, and then the forward and the weight gradient of strided
    /// layers with 128 rows or more, and gradInput with 16 planes or more on both sides.</summary>
    bool Wins(long[] image, long o, Step step, TS.ScalarType type)
    {
        long c = image[1], k = c * kH * kW;
        var (oh, ow) = OutSize(image);
        if (oh < 1 || ow < 1 || image.Any(n => n < 1)) return false; // libtorch's route names what is wrong
        if (Always) return true;
        long work = o * k * oh * ow;
        if (work < 262144) return false;
        if (type == TS.ScalarType.Float32)
            return work >= 1048576 && (step == Step.GradInput ? c >= 16 && o >= 16 : (dH > 1 || dW > 1) && k >= 128);
        return step switch
        {
            Step.Forward => k >= 128,
            Step.GradWeight => k >= 128 && oh * ow >= 64,
            _ => c >= 32 && o >= 32,
        };
    }

    /// <summary>Whether OpenBLAS is there to take the products (tests check the route is taken where it should be).</summary>
    internal static bool Available => Blas.Enabled && Blas.Available;

    /// <summary>Whether the route applies: dense CPU tensors of one type, double, or float where libtorch's oneDNN kernels are
    /// off (<c>Native/OneDnn.cs</c>; where they are on they are faster than this); OpenBLAS present.</summary>
    static bool Fits(params TT?[] ts)
    {
        if (!Available) return false;
        var type = ts[0]!.dtype;
        if (type != TS.ScalarType.Float64 && (type != TS.ScalarType.Float32 || !OneDnn.TurnedOff)) return false;
        foreach (var t in ts)
            if (t is not null && (t.dtype != type || t.device_type != TorchSharp.DeviceType.CPU || !t.is_contiguous() || t.requires_grad))
                return false;
        return true;
    }

    (long OH, long OW) OutSize(long[] image) =>
        ((image[2] + 2 * padH - dilH * (kH - 1) - 1) / dH + 1, (image[3] + 2 * padW - dilW * (kW - 1) - 1) / dW + 1);

    /// <summary>The convolution of the batch <paramref name="x"/> (B x C x H x W) with <paramref name="weight"/> (O x C x kH x kW),
    /// plus <paramref name="bias"/>: a new B x O x oH x oW tensor, or null where the route does not apply or is slower.</summary>
    internal TT? Forward(TT x, TT weight, TT? bias)
    {
        if (!Fits(x, weight, bias) || !Wins(x.shape, weight.size(0), Step.Forward, x.dtype)) return null;
        long b = x.size(0), o = weight.size(0), k = weight.size(1) * kH * kW;
        var (oh, ow) = OutSize(x.shape);
        if (oh < 1 || ow < 1) return null;
        var y = TS.empty(new[] { b, o, oh, ow }, x.dtype);
        using var w2 = weight.view(o, k);
        using var cols = TS.empty(new[] { k, oh * ow }, x.dtype);
        for (long s = 0; s < b; s++)
        {
            using var xs = x[s];
            using var ys = y[s];
            using var y2 = ys.view(o, oh * ow);
            Unfold(xs, cols, oh, ow);
            if (bias is not null)
                using (var b2 = bias.view(o, 1)) y2.copy_(b2.expand(o, oh * ow));
            if (!Blas.TryGemm(y2, w2, cols, bias is null ? 0 : 1, 1)) { y.Dispose(); return null; }
        }
        return y;
    }

    /// <summary>gradInput, for gradOutput <paramref name="go"/>, of a batch of size <paramref name="image"/> (B x C x H x W): a new
    /// tensor, or null where the route does not apply or is slower.</summary>
    internal TT? GradInput(TT go, long[] image, TT weight)
    {
        if (!Fits(go, weight) || !Wins(image, weight.size(0), Step.GradInput, go.dtype)) return null;
        long b = image[0], o = weight.size(0), k = weight.size(1) * kH * kW;
        var (oh, ow) = OutSize(image);
        var gi = TS.zeros(image, go.dtype);
        using var w2 = weight.view(o, k);
        using var wT = w2.t();
        using var cols = TS.empty(new[] { k, oh * ow }, go.dtype);
        for (long s = 0; s < b; s++)
        {
            using var gs = go[s];
            using var g2 = gs.view(o, oh * ow);
            if (!Blas.TryGemm(cols, wT, g2, 0, 1)) { gi.Dispose(); return null; }
            using var gis = gi[s];
            Fold(cols, gis, oh, ow);
        }
        return gi;
    }

    /// <summary>Adds <paramref name="scale"/> times the weight gradient (O x C kH kW, the sum over samples of gradOutput times
    /// the columns) to <paramref name="gradWeight"/> and the bias gradient to <paramref name="gradBias"/>; false (nothing
    /// written) where the route does not apply or is slower.</summary>
    internal bool AccGradParameters(TT go, TT x, TT gradWeight, TT? gradBias, double scale)
    {
        if (!Fits(go, x, gradWeight, gradBias) || !Wins(x.shape, go.size(1), Step.GradWeight, x.dtype)) return false;
        long b = x.size(0), o = go.size(1), k = gradWeight.numel() / o;
        var (oh, ow) = OutSize(x.shape);
        using var gw2 = gradWeight.view(o, k);
        using var cols = TS.empty(new[] { k, oh * ow }, x.dtype);
        using var colsT = cols.t();
        for (long s = 0; s < b; s++)
        {
            using var xs = x[s];
            using var gs = go[s];
            using var g2 = gs.view(o, oh * ow);
            Unfold(xs, cols, oh, ow);
            if (!Blas.TryGemm(gw2, g2, colsT, 1, scale))
            {
                if (s > 0) throw new InvalidOperationException("ConvMM: OpenBLAS refused a product it took for the sample before");
                return false;
            }
        }
        if (gradBias is not null) AccGradBias(go, gradBias, scale);
        return true;
    }

    /// <summary>gradBias += scale * gradOutput's sum per plane (over the batch and the positions).</summary>
    internal static void AccGradBias(TT go, TT gradBias, double scale)
    {
        using var sums = go.sum(new long[] { 0, 2, 3 });
        Tensor.AddScaled(gradBias, scale, sums, inPlace: true);
    }

    /// <summary>The output columns [lo, hi) whose input column x0 + x dW lies inside 0..w-1.</summary>
    (long Lo, long Hi) Inside(long x0, long w, long ow)
    {
        long lo = x0 >= 0 ? 0 : (-x0 + dW - 1) / dW;
        long hi = x0 >= w ? 0 : Math.Min(ow, (w - 1 - x0) / dW + 1);
        return (Math.Min(lo, hi), hi);
    }

    /// <summary>Torch7's <c>unfolded_copy</c>: row (c, i, j) of <paramref name="cols"/> holds plane c of the sample <paramref name="x"/>
    /// (C x H x W) shifted by (i, j) times the dilation, sampled every stride, zero outside.</summary>
    void Unfold(TT x, TT cols, long oh, long ow) => Walk(x, cols, oh, ow, fold: false);

    /// <summary>Torch7's <c>unfolded_acc</c>: adds every column entry back onto the input position it was taken from, in Torch7's
    /// order (plane, kernel row, kernel column, output row, output column).</summary>
    void Fold(TT cols, TT gi, long oh, long ow) => Walk(gi, cols, oh, ow, fold: true);

    /// <summary>The one walk of both: each line of columns against the input line it covers, copied out of the image or added
    /// back into it.</summary>
    void Walk(TT image, TT cols, long oh, long ow, bool fold)
    {
        if (image.dtype == TS.ScalarType.Float64) Walk<double>(image, cols, oh, ow, fold);
        else Walk<float>(image, cols, oh, ow, fold);
    }

    unsafe void Walk<T>(TT image, TT cols, long oh, long ow, bool fold) where T : unmanaged, INumber<T>
    {
        long c = image.size(0), h = image.size(1), w = image.size(2);
        T* img = (T*)THS.THSTensor_data(image.Handle), col = (T*)THS.THSTensor_data(cols.Handle);
        for (long p = 0; p < c; p++)
            for (int i = 0; i < kH; i++)
                for (int j = 0; j < kW; j++)
                {
                    T* row = col + ((p * kH + i) * kW + j) * oh * ow;
                    long x0 = j * dilW - padW;
                    var (lo, hi) = Inside(x0, w, ow);
                    for (long y = 0; y < oh; y++)
                    {
                        long iy = y * dH - padH + i * dilH;
                        T* r = row + y * ow;
                        if (iy < 0 || iy >= h)
                        {
                            if (!fold) new Span<T>(r, (int)ow).Clear();
                            continue;
                        }
                        T* line = img + (p * h + iy) * w + x0;
                        if (fold && dW == 1) AddInto(line + lo, r + lo, hi - lo);
                        else if (fold) for (long xx = lo; xx < hi; xx++) line[xx * dW] += r[xx];
                        else
                        {
                            new Span<T>(r, (int)lo).Clear();
                            if (dW == 1) new Span<T>(line + lo, (int)(hi - lo)).CopyTo(new Span<T>(r + lo, (int)(hi - lo)));
                            else for (long xx = lo; xx < hi; xx++) r[xx] = line[xx * dW];
                            new Span<T>(r + hi, (int)(ow - hi)).Clear();
                        }
                    }
                }
    }

    static unsafe void AddInto<T>(T* d, T* s, long n) where T : unmanaged, INumber<T>
    {
        long i = 0;
        for (int vw = Vector<T>.Count; i <= n - vw; i += vw)
            Vector.Store(Vector.Load(d + i) + Vector.Load(s + i), d + i);
        for (; i < n; i++) d[i] += s[i];
    }
}
