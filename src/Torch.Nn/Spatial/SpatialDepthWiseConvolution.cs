using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialDepthWiseConvolution(nInputPlane, depthwiseMultiplier, kW, kH[, dW=1, dH=1, padW=0, padH=padW])</c>:
/// each input plane i is convolved with its own <see cref="DepthwiseMultiplier"/> kernels, giving
/// nOutputPlane = nInputPlane x depthwiseMultiplier planes, those of plane i together (output plane i·multiplier + m, as
/// TensorFlow's depthwise_conv2d orders them). As in Lua (module version 2), the weight is depthwiseMultiplier x (nInputPlane·kH·kW)
/// — kernel (m, i) at row m, columns i·kH·kW onwards — and the bias depthwiseMultiplier x nInputPlane. The forward is libtorch's
/// grouped conv2d; gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialDepthWiseConvolution(32, 1, 3, 3, 1, 1, 1, 1).Forward(torch.Tensor(8, 32, 14, 14).Uniform());  // 8x32x14x14</c></remarks>
public class SpatialDepthWiseConvolution : Window2D
{
    /// <summary>Input planes (Lua's <c>nInputPlane</c>). Example: <c>dw.NInputPlane</c>.</summary>
    public int NInputPlane;
    /// <summary>Kernels per input plane (Lua's <c>nOutputPlane</c>, the constructor's second argument). Example: <c>dw.DepthwiseMultiplier</c>.</summary>
    public int DepthwiseMultiplier;
    /// <summary>Output planes, nInputPlane x depthwiseMultiplier. Example: <c>dw.NOutputPlane</c>.</summary>
    public int NOutputPlane => NInputPlane * DepthwiseMultiplier;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputPlane", ref NInputPlane);
        m.Field("nOutputPlane", ref DepthwiseMultiplier);
    }

    /// <summary>A depthwise convolution initialised like Torch7 (U(±1/sqrt(kW kH nInputPlane))).
    /// Example: <c>new SpatialDepthWiseConvolution(16, 2, 3, 3)</c>.</summary>
    public SpatialDepthWiseConvolution(int nInputPlane, int depthwiseMultiplier, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null)
        : base(kW, kH, dW, dH, padW, padH ?? padW)
    {
        if (nInputPlane < 1 || depthwiseMultiplier < 1)
            throw new ArgumentOutOfRangeException(nameof(nInputPlane), $"{TypeName}: planes and multiplier must be positive, got {nInputPlane} and {depthwiseMultiplier}");
        (NInputPlane, DepthwiseMultiplier) = (nInputPlane, depthwiseMultiplier);
        Weight = torch.Tensor(depthwiseMultiplier, (long)nInputPlane * kH * kW);
        GradWeight = torch.Tensor(depthwiseMultiplier, (long)nInputPlane * kH * kW).Zero();
        Bias = torch.Tensor(depthwiseMultiplier, nInputPlane);
        GradBias = torch.Tensor(depthwiseMultiplier, nInputPlane).Zero();
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
        // conv2d with groups = nInputPlane wants the kernels of plane i together: (i, m) order, one input plane each
        using var weight = Weight.Raw.view(DepthwiseMultiplier, NInputPlane, KH, KW);
        using var byPlane = weight.transpose(0, 1);
        using var kernels = byPlane.reshape(NOutputPlane, 1, KH, KW);
        using var biasT = Bias?.Raw.t();
        using var bias = biasT?.reshape(NOutputPlane);
        return Emit(Batched.Run(x, 3, b => TS.nn.functional.conv2d(b, kernels, bias, strides: new long[] { DH, DW },
            padding: new long[] { PadH, PadW }, groups: NInputPlane)));
    }

    /// <summary>Torch7's text, e.g. "nn.SpatialDepthWiseConvolution(32 -> 1, 3x3, 1,1, 1,1)". Example: <c>dw.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}({NInputPlane} -> {DepthwiseMultiplier}, {KW}x{KH}" + ConvText.Steps(DW, DH, PadW, PadH) + (Bias is null ? ") without bias" : ")");
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialDepthWiseConvolution"/> (Lua's <c>nn.SpatialDepthWiseConvolution</c>). Example: <c>var m = nn.SpatialDepthWiseConvolution(nInputPlane, depthwiseMultiplier, kW, kH);</c></summary>
    public static SpatialDepthWiseConvolution SpatialDepthWiseConvolution(int nInputPlane, int depthwiseMultiplier, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null) => new(nInputPlane, depthwiseMultiplier, kW, kH, dW, dH, padW, padH);
}
