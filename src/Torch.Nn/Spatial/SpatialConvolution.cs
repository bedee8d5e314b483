using Torch.Nn.Internal;
using TT = TorchSharp.torch.Tensor;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialConvolution(nInputPlane, nOutputPlane, kW, kH[, dW=1, dH=1, padW=0, padH=padW])</c>: a 2-D
/// convolution of a C x H x W image or a B x C x H x W batch, weight nOutputPlane x nInputPlane x kH x kW.
/// The forward is libtorch's conv2d; the gradients are explicit (libtorch's convolution backward, gradInput and the parameter
/// gradients in separate calls), as Lua computes them. In double, on shapes where it is faster, each of the three takes Torch7's
/// own route instead (per-sample unfold and OpenBLAS products, <c>Internal/ConvMM.cs</c>).</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialConvolution(3, 16, 5, 5).Forward(torch.Tensor(3, 32, 32).Uniform());</c></remarks>
public class SpatialConvolution : Window2D
{
    /// <summary>Input planes (Lua's <c>nInputPlane</c>). Example: <c>conv.NInputPlane</c>.</summary>
    public int NInputPlane;
    /// <summary>Output planes (Lua's <c>nOutputPlane</c>). Example: <c>conv.NOutputPlane</c>.</summary>
    public int NOutputPlane;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputPlane", ref NInputPlane);
        m.Field("nOutputPlane", ref NOutputPlane);
    }

    /// <summary>A convolution layer initialised like Torch7 (U(±1/sqrt(kW kH nInputPlane))). Example: <c>new SpatialConvolution(1, 4, 3, 3)</c>.</summary>
    public SpatialConvolution(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null)
        : base(kW, kH, dW, dH, padW, padH ?? padW)
    {
        if (nInputPlane < 1 || nOutputPlane < 1)
            throw new ArgumentOutOfRangeException(nameof(nInputPlane), $"{TypeName}: planes must be positive, got {nInputPlane} -> {nOutputPlane}");
        (NInputPlane, NOutputPlane) = (nInputPlane, nOutputPlane);
        Weight = torch.Tensor(WeightSize());
        GradWeight = torch.Tensor(WeightSize()).Zero();
        Bias = torch.Tensor(nOutputPlane);
        GradBias = torch.Tensor(nOutputPlane).Zero();
        Reset();
    }

    /// <summary>Lua's backCompatibility (which its next forward runs): an old file's single <c>padding</c>, and a weight kept in the
    /// other layout (2-D here, 4-D for the MM variant) viewed in this class's. Example: <c>conv.AfterRead(1)</c>.</summary>
    protected internal override void AfterRead(int version)
    {
        if (LuaRest?["padding"].Object is double padding)
        {
            (PadW, PadH) = ((int)padding, (int)padding);
            LuaRest["padding"] = LuaValue.Nil;
        }
        var size = WeightSize();
        if (Weight is not null && Weight.Dim() != size.Length) Weight = Weight.View(size);
        if (GradWeight is not null && GradWeight.Dim() != size.Length) GradWeight = GradWeight.View(size);
    }

    /// <summary>The sizes of the weight tensor (4-D here, 2-D for the MM variant). Example: <c>protected override long[] WeightSize() => new long[] { 16, 75 };</c></summary>
    protected virtual long[] WeightSize() => new long[] { NOutputPlane, NInputPlane, KH, KW };

    /// <summary>The dilation (H, W) of the kernel: 1, 1 here; see <see cref="SpatialDilatedConvolution"/>. Example: <c>protected override long[] Dilation() => new long[] { 2, 2 };</c></summary>
    protected virtual long[] Dilation() => new long[] { 1, 1 };

    /// <summary>Removes the bias (Lua's <c>noBias()</c>). Example: <c>nn.SpatialConvolution(3, 8, 3, 3).NoBias()</c>.</summary>
    public override SpatialConvolution NoBias() => DropBias(this);

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, KW * KH * NInputPlane), Weight, Bias);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = WindowInput(input, NInputPlane);
        using var weight = Weight4();
        return EmitFresh(Batched.Run(x, 3, b => MM().Forward(b, weight, Bias?.Raw)
            ?? TS.nn.functional.conv2d(b, weight, Bias?.Raw, strides: Steps, padding: Pads, dilation: Dilation())));
    }

    /// <summary>Torch7's own route (unfold + OpenBLAS), taken in double where it is faster than libtorch's.</summary>
    ConvMM MM()
    {
        var d = Dilation();
        return new ConvMM(KH, KW, DH, DW, PadH, PadW, (int)d[0], (int)d[1]);
    }

    long[] Steps => new long[] { DH, DW };
    long[] Pads => new long[] { PadH, PadW };

    /// <summary>The weight as nOutputPlane x nInputPlane x kH x kW (a view for the MM variant's 2-D weight).</summary>
    TT Weight4() => Weight.Raw.view(NOutputPlane, NInputPlane, KH, KW);

    /// <summary>Explicit gradient, as Lua's: the transposed convolution of gradOutput with the weight (libtorch's convolution
    /// backward, asked for gradInput only). Example: <c>Tensor gi = conv.UpdateGradInput(x, gradOutput);</c></summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        if (GradInput.IsNil) return GradInput; // Lua's idiom: gradInput = nil skips it (a first layer)
        var x = InputTensor(input);
        using var xb = Batched.Batch(x, 3);
        using var gb = GradOutputBatch(xb, gradOutput);
        using var weight = Weight4();
        var gi = MM().GradInput(gb, xb.shape, weight) ?? ConvBackward.GradInput(gb, xb, weight, Steps, Pads, Dilation());
        Buffers.Fit(ref GradInput, x.ScalarType).Adopt(Batched.Unbatch(x, 3, gi));
        return GradInput;
    }

    /// <summary>Explicit gradients: gradWeight[o,c,i,j] = sum over batch and positions of gradOutput[o] times the input shifted by
    /// (i, j) times the dilation; gradBias sums gradOutput. Example: <c>conv.AccGradParameters(x, gradOutput, 1);</c></summary>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        var x = InputTensor(input);
        using var xb = Batched.Batch(x, 3);
        using var gb = GradOutputBatch(xb, gradOutput);
        using var weight = Weight4();
        if (!MM().AccGradParameters(gb, xb, GradWeight!.Raw, GradBias?.Raw, scale))
            ConvBackward.AccGradParameters(this, scale, gb, xb, weight, Steps, Pads, Dilation());
    }

    /// <summary>gradOutput as a batch, checked against the output size the batched input <paramref name="xb"/> gives.</summary>
    TT GradOutputBatch(TT xb, LuaValue gradOutput)
    {
        var d = Dilation();
        return GradOutputBatch(xb, gradOutput, NOutputPlane,
            (xb.size(2) + 2 * PadH - d[0] * (KH - 1) - 1) / DH + 1, (xb.size(3) + 2 * PadW - d[1] * (KW - 1) - 1) / DW + 1);
    }

    /// <summary>Torch7's text, e.g. "nn.SpatialConvolution(3 -> 16, 5x5)" or "nn.SpatialConvolution(3 -> 16, 5x5, 2,2, 1,1)".
    /// Example: <c>conv.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}({NInputPlane} -> {NOutputPlane}, {KW}x{KH}" + ConvText.Steps(DW, DH, PadW, PadH) + (Bias is null ? ") without bias" : ")");
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialConvolution"/> (Lua's <c>nn.SpatialConvolution</c>). Example: <c>var m = nn.SpatialConvolution(nInputPlane, nOutputPlane, kW, kH);</c></summary>
    public static SpatialConvolution SpatialConvolution(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null) => new(nInputPlane, nOutputPlane, kW, kH, dW, dH, padW, padH);
}
