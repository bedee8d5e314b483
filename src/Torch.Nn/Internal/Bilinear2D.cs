using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>THNN's SpatialUpSamplingBilinear (corners aligned) computed as it does: the ratio (in - 1) / (out - 1) and each
/// source position in float, the weights λ = position - floor(position) in the tensor's type, and each output
/// h0λ (w0λ a + w1λ b) + h1λ (w0λ c + w1λ d) in that order, so double results equal Torch7's to the last bits (libtorch's
/// interpolation uses double ratios). Written with libtorch operations, so autograd gives the gradient. <see cref="Resize3D"/> is
/// THNN's VolumetricUpSamplingTrilinear, the same scheme with depth outermost.</summary>
internal static class Bilinear2D
{
    /// <summary>THNN's shape check: every output size at least 1, else an error naming the module and the input's size.</summary>
    internal static void CheckSizes(Module m, Tensor x, params long[] sizes)
    {
        if (sizes.All(v => v > 0)) return;
        throw new ArgumentException($"{m}: input and output sizes should be greater than 0, got an output of {string.Join("x", sizes)} for an input of size {x.SizeString()}");
    }

    /// <summary>A B x C x H x W batch resized to <paramref name="height"/> x <paramref name="width"/>.</summary>
    internal static TT Resize(TT x, long height, long width)
    {
        long inH = x.shape[2], inW = x.shape[3];
        if (inH == height && inW == width) return x.clone();
        bool isFloat = x.dtype == TS.ScalarType.Float32;
        var (h0, h1, hl0, hl1) = Axis(inH, height, isFloat);
        var (w0, w1, wl0, wl1) = Axis(inW, width, isFloat);
        using var top = x.index_select(2, h0);
        using var bottom = x.index_select(2, h1);
        using var a = top.index_select(3, w0);
        using var b = top.index_select(3, w1);
        using var c = bottom.index_select(3, w0);
        using var d = bottom.index_select(3, w1);
        using var hA = TS.tensor(hl0, x.dtype).view(-1, 1);
        using var hB = TS.tensor(hl1, x.dtype).view(-1, 1);
        using var wA = TS.tensor(wl0, x.dtype);
        using var wB = TS.tensor(wl1, x.dtype);
        using var wa = wA * a;
        using var wb = wB * b;
        using var upper = wa + wb;
        using var wc = wA * c;
        using var wd = wB * d;
        using var lower = wc + wd;
        using var first = hA * upper;
        using var second = hB * lower;
        foreach (var t in new[] { h0, h1, w0, w1 }) t.Dispose();
        return first + second;
    }

    /// <summary>A B x C x D x H x W batch resized to <paramref name="depth"/> x <paramref name="height"/> x <paramref name="width"/>:
    /// t0λ (bilinear of the near plane) + t1λ (bilinear of the far plane), THNN's order.</summary>
    internal static TT Resize3D(TT x, long depth, long height, long width)
    {
        long b = x.shape[0], c = x.shape[1], inD = x.shape[2];
        if (inD == depth && x.shape[3] == height && x.shape[4] == width) return x.clone();
        var (t0, t1, tl0, tl1) = Axis(inD, depth, x.dtype == TS.ScalarType.Float32);
        TT Planes(TT index)
        {
            using var picked = x.index_select(2, index);
            using var flat = picked.reshape(b, c * depth, x.shape[3], x.shape[4]);
            using var resized = Resize(flat, height, width);
            return resized.reshape(b, c, depth, height, width);
        }
        using var near = Planes(t0);
        using var far = Planes(t1);
        using var tA = TS.tensor(tl0, x.dtype).view(-1, 1, 1);
        using var tB = TS.tensor(tl1, x.dtype).view(-1, 1, 1);
        using var first = tA * near;
        using var second = tB * far;
        t0.Dispose();
        t1.Dispose();
        return first + second;
    }

    /// <summary>For each output position along one axis: the source index, its neighbour (itself at the last index), and the
    /// two weights, as THNN computes them.</summary>
    static (TT Near, TT Far, double[] W0, double[] W1) Axis(long inSize, long outSize, bool isFloat)
    {
        float ratio = outSize > 1 ? (float)(inSize - 1) / (outSize - 1) : 0f;
        var near = new long[outSize];
        var far = new long[outSize];
        var w0 = new double[outSize];
        var w1 = new double[outSize];
        for (long i = 0; i < outSize; i++)
        {
            float r = ratio * i;
            int k = (int)r;
            near[i] = k;
            far[i] = k < inSize - 1 ? k + 1 : k;
            float lambda = r - k;
            w1[i] = lambda;
            w0[i] = isFloat ? 1f - lambda : 1.0 - lambda;
        }
        return (TS.tensor(near), TS.tensor(far), w0, w1);
    }
}
