namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialDilatedConvolution(nIn, nOut, kW, kH[, dW=1, dH=1, padW=0, padH=0, dilationW=1, dilationH=1])</c>: a
/// <see cref="SpatialConvolution"/> whose kernel taps are <see cref="DilationW"/> / <see cref="DilationH"/> apart.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialDilatedConvolution(3, 8, 3, 3, 1, 1, 2, 2, 2, 2).Forward(torch.Tensor(3, 16, 16).Uniform());</c></remarks>
public class SpatialDilatedConvolution : SpatialConvolution
{
    /// <summary>Horizontal dilation (Lua's <c>dilationW</c>). Example: <c>c.DilationW</c>.</summary>
    public int DilationW;
    /// <summary>Vertical dilation (Lua's <c>dilationH</c>). Example: <c>c.DilationH</c>.</summary>
    public int DilationH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dilationW", ref DilationW);
        m.Field("dilationH", ref DilationH);
    }

    /// <summary>A dilated convolution. Example: <c>new SpatialDilatedConvolution(3, 8, 3, 3, 1, 1, 1, 1, 2, 2)</c>.</summary>
    public SpatialDilatedConvolution(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0, int dilationW = 1, int dilationH = 1)
        : base(nInputPlane, nOutputPlane, kW, kH, dW, dH, padW, padH)
    {
        if (dilationW < 1 || dilationH < 1) throw new ArgumentOutOfRangeException(nameof(dilationW), $"{TypeName}: dilation must be positive");
        (DilationW, DilationH) = (dilationW, dilationH);
    }

    /// <inheritdoc/>
    protected override long[] Dilation() => new long[] { DilationH, DilationW };

    /// <summary>Torch7's text, e.g. "nn.SpatialDilatedConvolution(3 -> 8, 3x3, 1,1, 2,2, 2,2)". Example: <c>c.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}({NInputPlane} -> {NOutputPlane}, {KW}x{KH}, {DW},{DH}, {PadW},{PadH}, {DilationW},{DilationH})" + (Bias is null ? " without bias" : "");
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialDilatedConvolution"/> (Lua's <c>nn.SpatialDilatedConvolution</c>). Example: <c>var m = nn.SpatialDilatedConvolution(nInputPlane, nOutputPlane, kW, kH);</c></summary>
    public static SpatialDilatedConvolution SpatialDilatedConvolution(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0, int dilationW = 1, int dilationH = 1) => new(nInputPlane, nOutputPlane, kW, kH, dW, dH, padW, padH, dilationW, dilationH);
}
