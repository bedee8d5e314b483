using Torch.Native;
using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialFullConvolution(nIn, nOut, kW, kH[, dW=1, dH=1, padW=0, padH=0, adjW=0, adjH=0])</c>: the transposed
/// ("deconvolution") 2-D convolution, weight nIn x nOut x kH x kW; output size (in - 1) d - 2 pad + k + adj. Explicit gradients, as
/// Lua's (libtorch's convolution backward of the transposed convolution: gradInput and the parameter gradients in separate calls).
/// In double, on shapes where it is faster, each of the three takes Torch7's own route (unfold and OpenBLAS, <c>Internal/ConvMM.cs</c>).</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialFullConvolution(8, 3, 4, 4, 2, 2, 1, 1).Forward(torch.Tensor(8, 5, 5).Uniform());  // 3x10x10</c></remarks>
public class SpatialFullConvolution : Window2D
{
    /// <summary>Input planes (Lua's <c>nInputPlane</c>). Example: <c>c.NInputPlane</c>.</summary>
    public int NInputPlane;
    /// <summary>Output planes (Lua's <c>nOutputPlane</c>). Example: <c>c.NOutputPlane</c>.</summary>
    public int NOutputPlane;
    /// <summary>Extra output columns (Lua's <c>adjW</c>). Example: <c>c.AdjW</c>.</summary>
    public int AdjW;
    /// <summary>Extra output rows (Lua's <c>adjH</c>). Example: <c>c.AdjH</c>.</summary>
    public int AdjH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputPlane", ref NInputPlane);
        m.Field("nOutputPlane", ref NOutputPlane);
        m.Field("adjW", ref AdjW);
        m.Field("adjH", ref AdjH);
    }

    /// <summary>A transposed convolution. Example: <c>new SpatialFullConvolution(8, 3, 4, 4, 2, 2, 1, 1)</c>.</summary>
    public SpatialFullConvolution(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0, int adjW = 0, int adjH = 0)
        : base(kW, kH, dW, dH, padW, padH)
    {
        if (adjW > dW - 1 || adjH > dH - 1)
            throw new ArgumentException($"nn.SpatialFullConvolution: adjW and adjH must be smaller than dW and dH, got adj {adjW},{adjH} for d {dW},{dH}");
        (NInputPlane, NOutputPlane, AdjW, AdjH) = (nInputPlane, nOutputPlane, adjW, adjH);
        Weight = torch.Tensor(nInputPlane, nOutputPlane, kH, kW);
        GradWeight = torch.Tensor(nInputPlane, nOutputPlane, kH, kW).Zero();
        Bias = torch.Tensor(nOutputPlane);
        LuaOnly(("ones", torch.Tensor())); // Lua's: Torch7's forward with a size target resizes it
        GradBias = torch.Tensor(nOutputPlane).Zero();
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, KW * KH * NInputPlane), Weight, Bias);
        return this;
    }

    /// <summary>Removes the bias (Lua's <c>noBias()</c>). Example: <c>c.NoBias()</c>.</summary>
    public override SpatialFullConvolution NoBias() => DropBias(this);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <summary>The forward of an image (batch), or of a table <c>{input, target}</c> whose target's last two sizes set adjH and adjW
    /// (Lua's <c>calculateAdj</c>); the gradInput of a table is then <c>{gradInput, zeros like target}</c>. Example: <c>c.Forward(new Table(x, t));</c></summary>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var (x, adj, _) = Parts(input);
        return EmitFresh(Batched.Run(x, 3, b => Forward(b, adj)));
    }

    /// <summary>The transposed convolution of a batch: in double, where it is faster, Torch7's route (the gradInput of the
    /// convolution this one transposes, by unfold and OpenBLAS, then the bias); else libtorch's.</summary>
    TS.Tensor Forward(TS.Tensor b, long[] adj)
    {
        var y = MM().GradInput(b, OutSize(b, adj), Weight.Raw);
        if (y is null) return TS.nn.functional.conv_transpose2d(b, Weight.Raw, Bias?.Raw, Steps, Pads, adj);
        if (Bias is not null)
            using (var b4 = Bias.Raw.view(1, NOutputPlane, 1, 1)) y.add_(b4, ScalarLease.One);
        return y;
    }

    /// <summary>The convolution this module transposes, in Torch7's own route (Internal/ConvMM.cs).</summary>
    ConvMM MM() => new(KH, KW, DH, DW, PadH, PadW);

    /// <summary>Explicit gradient, as Lua's: the convolution of gradOutput with the weight; for a table input
    /// <c>{gradInput, zeros like target}</c>. Example: <c>Tensor gi = c.UpdateGradInput(x, gradOutput);</c></summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        if (GradInput.IsNil) return GradInput;
        var (x, adj, target) = Parts(input);
        using var xb = Batched.Batch(x, 3);
        using var gb = FullGradOutput(xb, gradOutput, adj);
        var gi = Batched.Unbatch(x, 3, MM().Forward(gb, Weight.Raw, null) ?? ConvBackward.GradInput(gb, xb, Weight.Raw, Steps, Pads, One, adj));
        if (target is null)
        {
            Buffers.Fit(ref GradInput, x.ScalarType).Adopt(gi);
            return GradInput;
        }
        var t = (Tensor)input.AsTable[2];
        GradInput = new Table(torch.Wrap(gi), torch.Wrap(TS.zeros(t.Raw.shape, t.Raw.dtype, t.Raw.device)));
        return GradInput;
    }

    /// <summary>Explicit gradients, as Lua's: gradWeight += scale * the correlation of the input with gradOutput, gradBias +=
    /// scale * gradOutput's sum per plane. Example: <c>c.AccGradParameters(x, gradOutput, 1);</c></summary>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        var (x, adj, _) = Parts(input);
        using var xb = Batched.Batch(x, 3);
        using var gb = FullGradOutput(xb, gradOutput, adj);
        if (!MM().AccGradParameters(xb, gb, GradWeight!.Raw, null, scale))
            ConvBackward.AccGradParameters(this, scale, gb, xb, Weight.Raw, Steps, Pads, One, adj);
        else if (GradBias is not null) ConvMM.AccGradBias(gb, GradBias.Raw, scale);
    }

    long[] Steps => new long[] { DH, DW };
    long[] Pads => new long[] { PadH, PadW };
    static readonly long[] One = { 1, 1 };

    /// <summary>The input image (batch), checked, with the adjustments (H, W): adjH and adjW, or for a table <c>{input, target}</c>
    /// those the target's last two sizes give (Lua's <c>calculateAdj</c>); and the target's sizes (null for a tensor input).</summary>
    (Tensor X, long[] Adj, long[]? Target) Parts(LuaValue input)
    {
        var (tensor, target) = FullConvTarget.Split(input, 2);
        var x = ImageInput(tensor, NInputPlane);
        long[] adj = target is null ? new long[] { AdjH, AdjW }
            : new long[] { FullConvTarget.Adj(target[0], KH, PadH, DH), FullConvTarget.Adj(target[1], KW, PadW, DW) };
        return (x, adj, target);
    }

    /// <summary>The output size of a batch: B x nOutputPlane x ((in - 1) d - 2 pad + k + adj) in each dimension.</summary>
    long[] OutSize(TS.Tensor xb, long[] adj) =>
        new[] { xb.size(0), NOutputPlane, (xb.size(2) - 1) * DH - 2 * PadH + KH + adj[0], (xb.size(3) - 1) * DW - 2 * PadW + KW + adj[1] };

    /// <summary>gradOutput as a batch, checked against the output size.</summary>
    TS.Tensor FullGradOutput(TS.Tensor xb, LuaValue gradOutput, long[] adj)
    {
        var size = OutSize(xb, adj);
        return GradOutputBatch(xb, gradOutput, NOutputPlane, size[2], size[3]);
    }

    /// <summary>Torch7's text, e.g. "nn.SpatialFullConvolution(8 -> 3, 4x4, 2,2, 1,1)". Example: <c>c.ToString()</c>.</summary>
    public override string ToString()
    {
        var s = $"{TypeName}({NInputPlane} -> {NOutputPlane}, {KW}x{KH}" + ConvText.Steps(DW, DH, PadW, PadH);
        if (AdjW != 0 || AdjH != 0) s += $", {AdjW},{AdjH}";
        return s + (Bias is null ? ") without bias" : ")");
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialFullConvolution"/> (Lua's <c>nn.SpatialFullConvolution</c>). Example: <c>var m = nn.SpatialFullConvolution(nInputPlane, nOutputPlane, kW, kH);</c></summary>
    public static SpatialFullConvolution SpatialFullConvolution(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0, int adjW = 0, int adjH = 0) => new(nInputPlane, nOutputPlane, kW, kH, dW, dH, padW, padH, adjW, adjH);
}
