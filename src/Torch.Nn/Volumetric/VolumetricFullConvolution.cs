using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.VolumetricFullConvolution(nIn, nOut, kT, kW, kH[, dT=1, dW=1, dH=1, padT=0, padW=0, padH=0, adjT=0, adjW=0, adjH=0])</c>:
/// the transposed 3-D convolution, weight nIn x nOut x kT x kH x kW. Gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.VolumetricFullConvolution(2, 1, 2, 2, 2, 2, 2, 2).Forward(torch.Tensor(2, 3, 3, 3));  // 1x6x6x6</c></remarks>
public class VolumetricFullConvolution : PaddedWindow3D
{
    /// <summary>Planes (Lua's <c>nInputPlane</c>, <c>nOutputPlane</c>). Example: <c>c.NInputPlane</c>.</summary>
    public int NInputPlane, NOutputPlane;
    /// <summary>Extra output size (Lua's <c>adjT</c>, <c>adjW</c>, <c>adjH</c>). Example: <c>c.AdjT</c>.</summary>
    public int AdjT, AdjW, AdjH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputPlane", ref NInputPlane);
        m.Field("nOutputPlane", ref NOutputPlane);
        m.Field("adjT", ref AdjT);
        m.Field("adjW", ref AdjW);
        m.Field("adjH", ref AdjH);
    }

    /// <summary>A transposed volumetric convolution. Example: <c>new VolumetricFullConvolution(2, 1, 2, 2, 2, 2, 2, 2)</c>.</summary>
    public VolumetricFullConvolution(int nInputPlane, int nOutputPlane, int kT, int kW, int kH, int dT = 1, int dW = 1, int dH = 1,
        int padT = 0, int padW = 0, int padH = 0, int adjT = 0, int adjW = 0, int adjH = 0)
        : base(kT, kW, kH, dT, dW, dH, padT, padW, padH)
    {
        (NInputPlane, NOutputPlane, AdjT, AdjW, AdjH) = (nInputPlane, nOutputPlane, adjT, adjW, adjH);
        Weight = torch.Tensor(nInputPlane, nOutputPlane, kT, kH, kW);
        GradWeight = torch.Tensor(nInputPlane, nOutputPlane, kT, kH, kW).Zero();
        Bias = torch.Tensor(nOutputPlane);
        GradBias = torch.Tensor(nOutputPlane).Zero();
        LuaOnly(("ones", torch.Tensor()), ("finput", torch.Tensor()), ("fgradInput", torch.Tensor())); // Lua's: THNN's buffers
        Reset();
    }

    /// <summary>Removes the bias (Lua's <c>noBias()</c>). Example: <c>nn.VolumetricFullConvolution(1, 2, 2, 2, 2).NoBias()</c>.</summary>
    public override VolumetricFullConvolution NoBias() => DropBias(this);

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, KT * KW * KH * NInputPlane), Weight, Bias);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <summary>The forward of a volume (batch), or of a table <c>{input, target}</c> whose target's last three sizes set adjT, adjH
    /// and adjW (Lua's <c>calculateAdj</c>); the gradInput of a table is then <c>{gradInput, zeros like target}</c>. Example: <c>c.Forward(new Table(x, t));</c></summary>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var (tensor, target) = FullConvTarget.Split(input, 3);
        var x = InputTensor(tensor);
        long[] adj = target is null ? new long[] { AdjT, AdjH, AdjW } : new long[] { FullConvTarget.Adj(target[0], KT, PadT, DT),
            FullConvTarget.Adj(target[1], KH, PadH, DH), FullConvTarget.Adj(target[2], KW, PadW, DW) };
        CheckDims(x, 4, 5);
        if (x.Size(x.Dim() - 3) != NInputPlane)
            throw new ArgumentException($"{this}: expected {NInputPlane} input planes, got an input of size {x.SizeString()}");
        return Emit(Batched.Run(x, 4, b => TS.nn.functional.conv_transpose3d(b, Weight.Raw, Bias?.Raw,
            new long[] { DT, DH, DW }, new long[] { PadT, PadH, PadW }, adj)));
    }

    /// <summary>Torch7's text, e.g. "nn.VolumetricFullConvolution(4 -> 2, 3x3x3, 2,2,2, 1,1,1, 1,1,1)" (adjustments last, when
    /// not zero). Example: <c>c.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}({NInputPlane} -> {NOutputPlane}, {KT}x{KW}x{KH}" + ConvText.Steps(DT, DW, DH, PadT, PadW, PadH)
        + (AdjT != 0 || AdjW != 0 || AdjH != 0 ? $", {AdjT},{AdjW},{AdjH}" : "") + ")";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.VolumetricFullConvolution"/> (Lua's <c>nn.VolumetricFullConvolution</c>). Example: <c>var m = nn.VolumetricFullConvolution(nInputPlane, nOutputPlane, kT, kW, kH);</c></summary>
    public static VolumetricFullConvolution VolumetricFullConvolution(int nInputPlane, int nOutputPlane, int kT, int kW, int kH, int dT = 1, int dW = 1, int dH = 1,
        int padT = 0, int padW = 0, int padH = 0, int adjT = 0, int adjW = 0, int adjH = 0) => new(nInputPlane, nOutputPlane, kT, kW, kH, dT, dW, dH, padT, padW, padH, adjT, adjW, adjH);
}
