namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialDilatedMaxPooling(kW, kH[, dW=kW, dH=kH, padW=0, padH=0, dilationW=1, dilationH=1])</c>: max pooling over
/// windows whose taps are the dilation apart.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialDilatedMaxPooling(2, 2, 1, 1, 0, 0, 2, 2).Forward(torch.Tensor(1, 5, 5));  // 1x3x3</c></remarks>
public class SpatialDilatedMaxPooling : SpatialMaxPooling
{
    /// <summary>Horizontal dilation (Lua's <c>dilationW</c>). Example: <c>p.DilationW</c>.</summary>
    public int DilationW;
    /// <summary>Vertical dilation (Lua's <c>dilationH</c>). Example: <c>p.DilationH</c>.</summary>
    public int DilationH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dilationW", ref DilationW);
        m.Field("dilationH", ref DilationH);
    }

    /// <summary>A dilated max-pooling layer. Example: <c>new SpatialDilatedMaxPooling(3, 3, 1, 1, 0, 0, 2, 2)</c>.</summary>
    public SpatialDilatedMaxPooling(int kW, int kH, int? dW = null, int? dH = null, int padW = 0, int padH = 0, int dilationW = 1, int dilationH = 1)
        : base(kW, kH, dW, dH, padW, padH) => (DilationW, DilationH) = (dilationW, dilationH);

    /// <inheritdoc/>
    protected override long[] Dilation() => new long[] { DilationH, DilationW };

    /// <summary>Torch7's text, e.g. "nn.SpatialDilatedMaxPooling(3x3, 1,1, 1,1, 2,2)": the pooling's, then the dilation.
    /// Example: <c>p.ToString()</c>.</summary>
    public override string ToString() => base.ToString()[..^1] + $", {DilationW},{DilationH})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialDilatedMaxPooling"/> (Lua's <c>nn.SpatialDilatedMaxPooling</c>). Example: <c>var m = nn.SpatialDilatedMaxPooling(kW, kH);</c></summary>
    public static SpatialDilatedMaxPooling SpatialDilatedMaxPooling(int kW, int kH, int? dW = null, int? dH = null, int padW = 0, int padH = 0, int dilationW = 1, int dilationH = 1) => new(kW, kH, dW, dH, padW, padH, dilationW, dilationH);
}
