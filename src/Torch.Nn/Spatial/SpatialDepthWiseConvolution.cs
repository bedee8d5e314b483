using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialDepthWiseConvolution(nInputPlane, nOutputPlane, kW, kH[, dW=1, dH=1, padW=0, padH=padW])</c>: each
/// input plane i is convolved with its own <see cref="NOutputPlane"/> kernels (Lua's name for what TensorFlow calls the depthwise
/// multiplier), giving nInputPlane x nOutputPlane planes, those of plane i together: output plane (i-1)·nOutputPlane + o is
/// input plane i through kernel weight[o][i] plus bias[o][i], as Torch7's THNN (nn 8726825) computes it. The weight and gradWeight
/// are nOutputPlane x nInputPlane x kH x kW, the shape Lua's take at their first forward (THNN's resize4d of the
/// nOutputPlane x (nInputPlane·kH·kW) tensors Lua creates; the elements are in the same order), so a trained module has Lua's
/// shapes; a Torch7 file holding the 2-D form loads and runs as well. The bias is nOutputPlane x nInputPlane. Torch7's THNN swaps
/// the height and width of a non-square input (wrong output size, failing backward); here non-square inputs work.
/// The forward is libtorch's grouped conv2d; gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialDepthWiseConvolution(32, 1, 3, 3, 1, 1, 1, 1).Forward(torch.Tensor(8, 32, 14, 14).Uniform());  // 8x32x14x14</c></remarks>
public class SpatialDepthWiseConvolution : Window2D
{
    /// <summary>Input planes (Lua's <c>nInputPlane</c>). Example: <c>dw.NInputPlane</c>.</summary>
    public int NInputPlane;
    /// <summary>Kernels per input plane (Lua's <c>nOutputPlane</c>; the module gives nInputPlane x nOutputPlane planes). Example: <c>dw.NOutputPlane</c>.</summary>
    public int NOutputPlane;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputPlane", ref NInputPlane);
        m.Field("nOutputPlane", ref NOutputPlane);
    }

    /// <summary>A depthwise convolution initialised like Torch7 (U(±1/sqrt(kW kH nInputPlane))).
    /// Example: <c>new SpatialDepthWiseConvolution(16, 2, 3, 3)</c>.</summary>
    public SpatialDepthWiseConvolution(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null)
        : base(kW, kH, dW, dH, padW, padH ?? padW)
    {
        if (nInputPlane < 1 || nOutputPlane < 1)
            throw new ArgumentOutOfRangeException(nameof(nInputPlane), $"{TypeName}: plane counts must be positive, got {nInputPlane} and {nOutputPlane}");
        (NInputPlane, NOutputPlane) = (nInputPlane, nOutputPlane);
        Weight = torch.Tensor(nOutputPlane, nInputPlane, kH, kW);
        GradWeight = torch.Tensor(nOutputPlane, nInputPlane, kH, kW).Zero();
        Bias = torch.Tensor(nOutputPlane, nInputPlane);
        GradBias = torch.Tensor(nOutputPlane, nInputPlane).Zero();
        Reset();
    }

    /// <summary>Removes the bias (Lua's <c>noBias()</c>). Example: <c>nn.SpatialDepthWiseConvolution(32, 1, 3, 3).NoBias()</c>.</summary>
    public override SpatialDepthWiseConvolution NoBias() => DropBias(this);

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, KW * KH * NInputPlane), Weight, Bias);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = WindowInput(input, NInputPlane);
        // conv2d with groups = nInputPlane wants the kernels of plane i together: (i, o) order, one input plane each
        using var weight = Weight.Raw.view(NOutputPlane, NInputPlane, KH, KW); // a Torch7 file may hold the 2-D form
        using var byPlane = weight.transpose(0, 1);
        using var kernels = byPlane.reshape((long)NInputPlane * NOutputPlane, 1, KH, KW);
        using var biasT = Bias?.Raw.t();
        using var bias = biasT?.reshape((long)NInputPlane * NOutputPlane);
        return Emit(Batched.Run(x, 3, b => TS.nn.functional.conv2d(b, kernels, bias, strides: new long[] { DH, DW },
            padding: new long[] { PadH, PadW }, groups: NInputPlane)));
    }

    /// <summary>Torch7's text, e.g. "nn.SpatialDepthWiseConvolution(32 -> 1, 3x3, 1,1, 1,1)". Example: <c>dw.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}({NInputPlane} -> {NOutputPlane}, {KW}x{KH}" + ConvText.Steps(DW, DH, PadW, PadH) + (Bias is null ? ") without bias" : ")");
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialDepthWiseConvolution"/> (Lua's <c>nn.SpatialDepthWiseConvolution</c>). Example: <c>var m = nn.SpatialDepthWiseConvolution(nInputPlane, nOutputPlane, kW, kH);</c></summary>
    public static SpatialDepthWiseConvolution SpatialDepthWiseConvolution(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null) => new(nInputPlane, nOutputPlane, kW, kH, dW, dH, padW, padH);
}
