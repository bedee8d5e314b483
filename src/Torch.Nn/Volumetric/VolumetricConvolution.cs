using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.VolumetricConvolution(nIn, nOut, kT, kW, kH[, dT=1, dW=1, dH=1, padT=0, padW=0, padH=0])</c>: a 3-D convolution
/// of a C x T x H x W volume (or a batch), weight nOut x nIn x kT x kH x kW. Gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.VolumetricConvolution(2, 4, 3, 3, 3).Forward(torch.Tensor(2, 5, 6, 6).Uniform());</c></remarks>
public class VolumetricConvolution : PaddedWindow3D
{
    /// <summary>Input planes (Lua's <c>nInputPlane</c>). Example: <c>c.NInputPlane</c>.</summary>
    public int NInputPlane;
    /// <summary>Output planes (Lua's <c>nOutputPlane</c>). Example: <c>c.NOutputPlane</c>.</summary>
    public int NOutputPlane;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputPlane", ref NInputPlane);
        m.Field("nOutputPlane", ref NOutputPlane);
    }

    /// <summary>A volumetric convolution; padW defaults to padT and padH to padW, as in Lua. Example: <c>new VolumetricConvolution(2, 4, 3, 3, 3, 1, 1, 1, 1)</c>.</summary>
    public VolumetricConvolution(int nInputPlane, int nOutputPlane, int kT, int kW, int kH, int dT = 1, int dW = 1, int dH = 1, int padT = 0, int? padW = null, int? padH = null)
        : base(kT, kW, kH, dT, dW, dH, padT, padW ?? padT, padH ?? padW ?? padT)
    {
        (NInputPlane, NOutputPlane) = (nInputPlane, nOutputPlane);
        Weight = torch.Tensor(nOutputPlane, nInputPlane, kT, kH, kW);
        GradWeight = torch.Tensor(nOutputPlane, nInputPlane, kT, kH, kW).Zero();
        Bias = torch.Tensor(nOutputPlane);
        GradBias = torch.Tensor(nOutputPlane).Zero();
        Reset();
    }

    /// <summary>Removes the bias (Lua's <c>noBias()</c>). Example: <c>nn.VolumetricConvolution(1, 2, 2, 2, 2).NoBias()</c>.</summary>
    public override VolumetricConvolution NoBias() => DropBias(this);

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, KT * KW * KH * NInputPlane), Weight, Bias);
        return this;
    }

    /// <summary>The dilation (T, H, W) of the kernel: 1, 1, 1 here; see <see cref="VolumetricDilatedConvolution"/>. Example: <c>protected override long[] Dilation() => new long[] { 2, 2, 2 };</c></summary>
    protected virtual long[] Dilation() => new long[] { 1, 1, 1 };

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 4, 5);
        if (x.Size(x.Dim() - 3) != NInputPlane)
            throw new ArgumentException($"{this}: expected {NInputPlane} input planes, got an input of size {x.SizeString()}");
        return Emit(Batched.Run(x, 4, b => TS.nn.functional.conv3d(b, Weight.Raw, Bias?.Raw,
            new long[] { DT, DH, DW }, new long[] { PadT, PadH, PadW }, Dilation())));
    }

    /// <summary>Torch7's text, e.g. "nn.VolumetricConvolution(2 -> 4, 3x3x3, 2,2,2, 1,1,1)". Example: <c>c.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}({NInputPlane} -> {NOutputPlane}, {KT}x{KW}x{KH}" + ConvText.Steps(DT, DW, DH, PadT, PadW, PadH) + Suffix() + ")";

    /// <summary>What follows the steps and padding in the text (the dilation of <see cref="VolumetricDilatedConvolution"/>).
    /// Example: <c>protected override string Suffix() => ", 2,2,2";</c></summary>
    protected virtual string Suffix() => "";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.VolumetricConvolution"/> (Lua's <c>nn.VolumetricConvolution</c>). Example: <c>var m = nn.VolumetricConvolution(nInputPlane, nOutputPlane, kT, kW, kH);</c></summary>
    public static VolumetricConvolution VolumetricConvolution(int nInputPlane, int nOutputPlane, int kT, int kW, int kH, int dT = 1, int dW = 1, int dH = 1, int padT = 0, int? padW = null, int? padH = null) => new(nInputPlane, nOutputPlane, kT, kW, kH, dT, dW, dH, padT, padW, padH);
}
