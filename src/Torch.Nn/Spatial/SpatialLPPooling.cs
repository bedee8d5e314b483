namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialLPPooling(nInputPlane, pnorm, kW, kH[, dW=kW, dH=kH])</c>: (Σ_window x^p)^(1/p) over each window, a
/// <see cref="Sequential"/> as Lua builds it: Square (or Power(p)), SpatialAveragePooling(kW, kH, dW, dH), MulConstant(kW kH) and
/// Sqrt (or Power(1/p)).</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialLPPooling(3, 2, 2, 2).Forward(torch.Tensor(3, 4, 4).Uniform());  // 3x2x2</c></remarks>
public class SpatialLPPooling : Sequential
{
    /// <summary>Window width (Lua's <c>kW</c>). Example: <c>p.KW</c>.</summary>
    public int KW;
    /// <summary>Window height (Lua's <c>kH</c>). Example: <c>p.KH</c>.</summary>
    public int KH;
    /// <summary>Horizontal step (Lua's <c>dW</c>). Example: <c>p.DW</c>.</summary>
    public int DW;
    /// <summary>Vertical step (Lua's <c>dH</c>). Example: <c>p.DH</c>.</summary>
    public int DH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("kW", ref KW);
        m.Field("kH", ref KH);
        m.Field("dW", ref DW);
        m.Field("dH", ref DH);
    }

    /// <summary>An LP-pooling layer (<paramref name="nInputPlane"/> is unused, as in Lua). Example: <c>new SpatialLPPooling(3, 2, 2, 2)</c>.</summary>
    public SpatialLPPooling(int nInputPlane, double pnorm, int kW, int kH, int? dW = null, int? dH = null)
    {
        (KW, KH, DW, DH) = (kW, kH, dW ?? kW, dH ?? kH);
        Add(pnorm == 2 ? new Square() : new Power(pnorm));
        Add(new SpatialAveragePooling(KW, KH, DW, DH));
        Add(new MulConstant(KW * KH));
        Add(pnorm == 2 ? new Sqrt() : new Power(1 / pnorm));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialLPPooling"/> (Lua's <c>nn.SpatialLPPooling</c>). Example: <c>var m = nn.SpatialLPPooling(nInputPlane, pnorm, kW, kH);</c></summary>
    public static SpatialLPPooling SpatialLPPooling(int nInputPlane, double pnorm, int kW, int kH, int? dW = null, int? dH = null) => new(nInputPlane, pnorm, kW, kH, dW, dH);
}
