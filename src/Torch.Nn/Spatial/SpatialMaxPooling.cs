using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialMaxPooling(kW, kH[, dW=kW, dH=kH, padW=0, padH=0])</c> (+ <see cref="Pooling2D.Ceil"/> / <see cref="Pooling2D.Floor"/>):
/// the maximum over each kW x kH window. Forward by libtorch's max_pool2d, which also records where each maximum was
/// (Lua's <c>indices</c>); the gradient goes back to those places, as Lua's does.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialMaxPooling(2, 2, 2, 2).Forward(x);</c></remarks>
public class SpatialMaxPooling : Pooling2D
{
    /// <summary>A max-pooling layer. Example: <c>new SpatialMaxPooling(3, 3, 2, 2, 1, 1)</c>.</summary>
    public SpatialMaxPooling(int kW, int kH, int? dW = null, int? dH = null, int padW = 0, int padH = 0)
        : base(kW, kH, dW ?? kW, dH ?? kH, padW, padH)
    {
        if (padW > kW / 2 || padH > kH / 2)
            throw new ArgumentException($"{TypeName}: pad should be at most half of the kernel size, got pad {padW},{padH} for kernel {kW}x{kH}");
    }

    /// <summary>Where each maximum of the last forward was: flat positions in its input plane (Lua's <c>indices</c>).
    /// Example: <c>Tensor where = pool.Indices;</c></summary>
    public Tensor? Indices;

    /// <inheritdoc/>
    protected override TS.Tensor Pool(TS.Tensor x)
    {
        var (y, indices) = TS.nn.functional.max_pool2d_with_indices(x, new long[] { KH, KW },
            new long[] { DH, DW }, new long[] { PadH, PadW }, ceil_mode: CeilMode);
        if (Indices is null) Indices = new Tensor(indices);
        else Indices.Reset(indices);
        return y;
    }

    /// <summary>Explicit gradient: each gradOutput element is added at the place its maximum came from.</summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        if (Indices is null) throw new InvalidOperationException($"{this}: UpdateGradInput before UpdateOutput");
        using var xb = Images.Batch(x);
        using var gb = Images.Batch(InputTensor(gradOutput, "gradOutput"));
        long n = xb.size(0), c = xb.size(1);
        using var gi = TS.zeros(new[] { n, c, xb.size(2) * xb.size(3) }, xb.dtype, xb.device);
        using (var where = Indices.Raw.reshape(n, c, -1))
        using (var g = gb.reshape(n, c, -1))
            gi.scatter_add_(2, where, g);
        Buffers.Fit(ref GradInput, x.ScalarType).Into(gi.view(x.Size()));
        return GradInput;
    }
}
