namespace Torch.Nn;

/// <summary>Lua's <c>nn.VolumetricDilatedConvolution(nIn, nOut, kT, kW, kH[, dT, dW, dH, padT, padW, padH, dilationT, dilationW, dilationH])</c>:
/// a <see cref="VolumetricConvolution"/> whose kernel taps are the dilation apart.</summary>
/// <remarks>Example: <c>Tensor y = nn.VolumetricDilatedConvolution(1, 2, 2, 2, 2, 1, 1, 1, 0, 0, 0, 2, 2, 2).Forward(torch.Tensor(1, 5, 5, 5));</c></remarks>
public class VolumetricDilatedConvolution : VolumetricConvolution
{
    /// <summary>Dilations (Lua's <c>dilationT</c>, <c>dilationW</c>, <c>dilationH</c>). Example: <c>c.DilationT</c>.</summary>
    public int DilationT, DilationW, DilationH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dilationT", ref DilationT);
        m.Field("dilationW", ref DilationW);
        m.Field("dilationH", ref DilationH);
    }

    /// <summary>A dilated volumetric convolution. Example: <c>new VolumetricDilatedConvolution(1, 2, 2, 2, 2, 1, 1, 1, 0, 0, 0, 2, 2, 2)</c>.</summary>
    public VolumetricDilatedConvolution(int nInputPlane, int nOutputPlane, int kT, int kW, int kH, int dT = 1, int dW = 1, int dH = 1,
        int padT = 0, int? padW = null, int? padH = null, int dilationT = 1, int dilationW = 1, int dilationH = 1)
        : base(nInputPlane, nOutputPlane, kT, kW, kH, dT, dW, dH, padT, padW, padH) =>
        (DilationT, DilationW, DilationH) = (dilationT, dilationW, dilationH);

    /// <inheritdoc/>
    protected override long[] Dilation() => new long[] { DilationT, DilationH, DilationW };

    /// <inheritdoc/>
    protected override string Suffix() => $", {DilationT},{DilationW},{DilationH}";

    /// <summary>Torch7's text, e.g. "nn.VolumetricDilatedConvolution(2 -> 4, 3x3x3, 1,1,1, 1,1,1, 2,2,2)", with " without bias"
    /// when it has none. Example: <c>c.ToString()</c>.</summary>
    public override string ToString() => base.ToString() + (Bias is null ? " without bias" : "");
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.VolumetricDilatedConvolution"/> (Lua's <c>nn.VolumetricDilatedConvolution</c>). Example: <c>var m = nn.VolumetricDilatedConvolution(nInputPlane, nOutputPlane, kT, kW, kH);</c></summary>
    public static VolumetricDilatedConvolution VolumetricDilatedConvolution(int nInputPlane, int nOutputPlane, int kT, int kW, int kH, int dT = 1, int dW = 1, int dH = 1,
        int padT = 0, int? padW = null, int? padH = null, int dilationT = 1, int dilationW = 1, int dilationH = 1) => new(nInputPlane, nOutputPlane, kT, kW, kH, dT, dW, dH, padT, padW, padH, dilationT, dilationW, dilationH);
}
