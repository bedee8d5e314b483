using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's conv2/xcorr2/conv3/xcorr3 (TensorMath group L): 'V' (valid, the default) or 'F' (full);
// conv flips the kernel, xcorr does not. Shapes (n = 2 or 3): nD*nD -> nD, (n+1)D*(n+1)D -> (n+1)D (plane by plane),
// (n+1)D*(n+2)D -> (n+1)D (every output plane sums over the input planes).
public static partial class torch
{
    /// <summary>The 2-D convolution of <paramref name="x"/> with <paramref name="k"/> ("V" valid or "F" full). Example: <c>torch.Conv2(img, ker)</c>.</summary>
    public static Tensor Conv2(Tensor x, Tensor k, string mode = "V") => x.Result(Torch.Tensor.ConvRaw(2, true, x, k, mode));
    /// <summary>The 2-D cross-correlation (kernel not flipped). Example: <c>torch.Xcorr2(img, ker, "F")</c>.</summary>
    public static Tensor Xcorr2(Tensor x, Tensor k, string mode = "V") => x.Result(Torch.Tensor.ConvRaw(2, false, x, k, mode));
    /// <summary>The 3-D convolution. Example: <c>torch.Conv3(vol, ker)</c>.</summary>
    public static Tensor Conv3(Tensor x, Tensor k, string mode = "V") => x.Result(Torch.Tensor.ConvRaw(3, true, x, k, mode));
    /// <summary>The 3-D cross-correlation. Example: <c>torch.Xcorr3(vol, ker)</c>.</summary>
    public static Tensor Xcorr3(Tensor x, Tensor k, string mode = "V") => x.Result(Torch.Tensor.ConvRaw(3, false, x, k, mode));
}

public sealed partial class Tensor
{
    /// <summary>Stores torch.Conv2(x, k, mode) into this tensor. Example: <c>r.Conv2(x, k)</c>.</summary>
    public Tensor Conv2(Tensor x, Tensor k, string mode = "V") => Into(ConvRaw(2, true, x, k, mode));
    /// <summary>Stores torch.Xcorr2(x, k, mode) into this tensor. Example: <c>r.Xcorr2(x, k)</c>.</summary>
    public Tensor Xcorr2(Tensor x, Tensor k, string mode = "V") => Into(ConvRaw(2, false, x, k, mode));
    /// <summary>Stores torch.Conv3(x, k, mode) into this tensor. Example: <c>r.Conv3(x, k)</c>.</summary>
    public Tensor Conv3(Tensor x, Tensor k, string mode = "V") => Into(ConvRaw(3, true, x, k, mode));
    /// <summary>Stores torch.Xcorr3(x, k, mode) into this tensor. Example: <c>r.Xcorr3(x, k)</c>.</summary>
    public Tensor Xcorr3(Tensor x, Tensor k, string mode = "V") => Into(ConvRaw(3, false, x, k, mode));

    internal static TT ConvRaw(int n, bool flip, Tensor x, Tensor k, string mode)
    {
        string fn = $"torch.{(flip ? "Conv" : "Xcorr")}{n}";
        if (mode != "V" && mode != "F") throw new ArgumentException($"{fn}: mode '{mode}' (expected 'V' or 'F')");
        int xd = x.Dim(), kd = k.Dim();
        bool single = xd == n && kd == n, planes = xd == n + 1 && kd == n + 1, mv = xd == n + 1 && kd == n + 2;
        if (!single && !planes && !mv)
            throw new ArgumentException($"{fn}: expected {n}D*{n}D, {n + 1}D*{n + 1}D or {n + 1}D*{n + 2}D tensors, got {xd}D*{kd}D");
        if (planes && x.Sizes[0] != k.Sizes[0])
            throw new ArgumentException($"{fn}: {x.Sizes[0]} input planes but {k.Sizes[0]} kernels");
        if (mv && x.Sizes[0] != k.Sizes[1])
            throw new ArgumentException($"{fn}: {x.Sizes[0]} input planes but the kernel expects {k.Sizes[1]}");
        var xs = x.Sizes[^n..]; var ks = k.Sizes[^n..];
        if (x.NElement() == 0 || k.NElement() == 0) throw new ArgumentException($"{fn}: empty input or kernel");
        if (mode == "V" && xs.Zip(ks).Any(p => p.Second > p.First))
            throw new ArgumentException($"{fn}: the input ({x.SizeString()}) is smaller than the kernel ({k.SizeString()}) in valid mode");
        var type = TensorType.IsFloating(x.ScalarType) ? x.ScalarType : TS.ScalarType.Float64;
        long planesIn = single ? 1 : x.Sizes[0];
        using var xt = x.Raw.to_type(type);
        using var input = xt.reshape(new[] { 1L, planesIn }.Concat(xs).ToArray());
        long[] wshape = single ? new[] { 1L, 1L }.Concat(ks).ToArray()
            : planes ? new[] { planesIn, 1L }.Concat(ks).ToArray()
            : k.Sizes;
        using var kt = k.Raw.to_type(type);
        using var w0 = kt.reshape(wshape);
        using var w = flip ? w0.flip(Enumerable.Range(wshape.Length - n, n).Select(i => (long)i).ToArray()) : w0.alias();
        var pad = mode == "F" ? ks.Select(s => s - 1).ToArray() : new long[n];
        long groups = planes ? planesIn : 1;
        using var output = n == 2
            ? TS.nn.functional.conv2d(input, w, padding: pad, groups: groups)
            : TS.nn.functional.conv3d(input, w, padding: pad, groups: groups);
        return single ? output.reshape(output.shape[^n..]) : output.squeeze(0);
    }
}
