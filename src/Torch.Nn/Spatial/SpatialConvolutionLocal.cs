using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialConvolutionLocal(nIn, nOut, iW, iH, kW, kH[, dW=1, dH=1, padW=0, padH=padW])</c>: a convolution with
/// untied weights, one kernel per output position: weight oH x oW x nOut x nIn x kH x kW, bias nOut x oH x oW, for iH x iW inputs.
/// Gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialConvolutionLocal(2, 3, 5, 5, 3, 3).Forward(torch.Tensor(2, 5, 5).Uniform());  // 3x3x3</c></remarks>
public class SpatialConvolutionLocal : Module
{
    /// <summary>Planes (Lua's <c>nInputPlane</c>, <c>nOutputPlane</c>). Example: <c>c.NInputPlane</c>.</summary>
    public int NInputPlane, NOutputPlane;
    /// <summary>Input width and height (Lua's <c>iW</c>, <c>iH</c>). Example: <c>c.IW</c>.</summary>
    public int IW, IH;
    /// <summary>Kernel (Lua's <c>kW</c>, <c>kH</c>). Example: <c>c.KW</c>.</summary>
    public int KW, KH;
    /// <summary>Steps (Lua's <c>dW</c>, <c>dH</c>). Example: <c>c.DW</c>.</summary>
    public int DW, DH;
    /// <summary>Padding (Lua's <c>padW</c>, <c>padH</c>). Example: <c>c.PadW</c>.</summary>
    public int PadW, PadH;
    /// <summary>Output width and height (Lua's <c>oW</c>, <c>oH</c>). Example: <c>c.OW</c>.</summary>
    public int OW, OH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputPlane", ref NInputPlane);
        m.Field("nOutputPlane", ref NOutputPlane);
        m.Field("iW", ref IW);
        m.Field("iH", ref IH);
        m.Field("kW", ref KW);
        m.Field("kH", ref KH);
        m.Field("dW", ref DW);
        m.Field("dH", ref DH);
        m.Field("padW", ref PadW);
        m.Field("padH", ref PadH);
        m.Field("oW", ref OW);
        m.Field("oH", ref OH);
    }

    /// <summary>A locally connected layer. Example: <c>new SpatialConvolutionLocal(2, 3, 5, 5, 3, 3)</c>.</summary>
    public SpatialConvolutionLocal(int nInputPlane, int nOutputPlane, int iW, int iH, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null)
    {
        (NInputPlane, NOutputPlane, IW, IH, KW, KH, DW, DH, PadW, PadH) = (nInputPlane, nOutputPlane, iW, iH, kW, kH, dW, dH, padW, padH ?? padW);
        OW = (PadW * 2 + iW - kW) / dW + 1;
        OH = (PadH * 2 + iH - kH) / dH + 1;
        if (OW < 1 || OH < 1) throw new ArgumentException($"{TypeName}: illegal configuration: output width or height less than 1 ({OW}x{OH})");
        Weight = torch.Tensor(OH, OW, nOutputPlane, nInputPlane, kH, kW);
        GradWeight = torch.Tensor(OH, OW, nOutputPlane, nInputPlane, kH, kW).Zero();
        Bias = torch.Tensor(nOutputPlane, OH, OW);
        GradBias = torch.Tensor(nOutputPlane, OH, OW).Zero();
        Reset();
    }

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
        var x = InputTensor(input);
        CheckDims(x, 3, 4);
        int c = x.Dim() - 3;
        if (x.Size(c + 1) != NInputPlane || x.Size(c + 2) != IH || x.Size(c + 3) != IW)
            throw new ArgumentException($"{this}: given input size ({x.SizeString()}) inconsistent with expected input size ({NInputPlane}x{IH}x{IW})");
        using var w = Weight.Raw.view(OH * OW, NOutputPlane, (long)NInputPlane * KH * KW);
        return Emit(Batched.Run(x, 3, b =>
        {
            using var cols = TS.nn.functional.unfold(b, (KH, KW), padding: (PadH, PadW), stride: (DH, DW));
            using var y = TS.einsum("lok,bkl->bol", w, cols);
            using var yv = y.view(b.size(0), NOutputPlane, OH, OW);
            return yv + Bias.Raw;
        }));
    }

    /// <summary>Torch7's text, e.g. "nn.SpatialConvolutionLocal(2 -> 3, 5x5, 3x3)". Example: <c>c.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}({NInputPlane} -> {NOutputPlane}, {IW}x{IH}, {KW}x{KH}" + ConvText.Steps(DW, DH, PadW, PadH) + ")";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialConvolutionLocal"/> (Lua's <c>nn.SpatialConvolutionLocal</c>). Example: <c>var m = nn.SpatialConvolutionLocal(nInputPlane, nOutputPlane, iW, iH, kW, kH);</c></summary>
    public static SpatialConvolutionLocal SpatialConvolutionLocal(int nInputPlane, int nOutputPlane, int iW, int iH, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null) => new(nInputPlane, nOutputPlane, iW, iH, kW, kH, dW, dH, padW, padH);
}
