namespace Torch.Nn;

/// <summary>Lua's <c>nn.VolumetricDilatedMaxPooling(kT, kW, kH[, dT, dW, dH, padT, padW, padH, dilationT, dilationW, dilationH])</c>:
/// a <see cref="VolumetricMaxPooling"/> whose window taps are the dilation apart.</summary>
/// <remarks>Example: <c>Tensor y = nn.VolumetricDilatedMaxPooling(2, 2, 2, 1, 1, 1, 0, 0, 0, 2, 2, 2).Forward(torch.Tensor(1, 5, 5, 5));</c></remarks>
public class VolumetricDilatedMaxPooling : VolumetricMaxPooling
{
    /// <summary>Dilations (Lua's <c>dilationT</c>, <c>dilationW</c>, <c>dilationH</c>). Example: <c>p.DilationT</c>.</summary>
    public int DilationT, DilationW, DilationH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dilationT", ref DilationT);
        m.Field("dilationW", ref DilationW);
        m.Field("dilationH", ref DilationH);
    }

    /// <summary>A dilated volumetric max-pooling layer. Example: <c>new VolumetricDilatedMaxPooling(2, 2, 2, 1, 1, 1, 0, 0, 0, 2, 2, 2)</c>.</summary>
    public VolumetricDilatedMaxPooling(int kT, int kW, int kH, int? dT = null, int? dW = null, int? dH = null, int padT = 0, int padW = 0, int padH = 0,
        int dilationT = 1, int dilationW = 1, int dilationH = 1)
        : base(kT, kW, kH, dT, dW, dH, padT, padW, padH) => (DilationT, DilationW, DilationH) = (dilationT, dilationW, dilationH);

    /// <inheritdoc/>
    protected override long[] Dilation() => new long[] { DilationT, DilationH, DilationW };

    /// <summary>Torch7's text ends with the dilation, e.g. "nn.VolumetricDilatedMaxPooling(2x2x2, 1,1,1, 2,2,2)".
    /// Example: <c>p.ToString()</c>.</summary>
    protected override string Suffix() => $", {DilationT},{DilationW},{DilationH}";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.VolumetricDilatedMaxPooling"/> (Lua's <c>nn.VolumetricDilatedMaxPooling</c>). Example: <c>var m = nn.VolumetricDilatedMaxPooling(kT, kW, kH);</c></summary>
    public static VolumetricDilatedMaxPooling VolumetricDilatedMaxPooling(int kT, int kW, int kH, int? dT = null, int? dW = null, int? dH = null, int padT = 0, int padW = 0, int padH = 0,
        int dilationT = 1, int dilationW = 1, int dilationH = 1) => new(kT, kW, kH, dT, dW, dH, padT, padW, padH, dilationT, dilationW, dilationH);
}
