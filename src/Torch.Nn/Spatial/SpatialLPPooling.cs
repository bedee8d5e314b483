using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialLPPooling(nInputPlane, pnorm, kW, kH[, dW=kW, dH=kH])</c>: (Σ_window x^p)^(1/p) over each window (Lua builds
/// it as Power, average pooling times kW kH, Power(1/p)). Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialLPPooling(3, 2, 2, 2).Forward(torch.Tensor(3, 4, 4).Uniform());  // 3x2x2</c></remarks>
public class SpatialLPPooling : Pooling2D
{
    /// <summary>Planes (Lua's <c>nInputPlane</c>). Example: <c>p.NInputPlane</c>.</summary>
    public int NInputPlane;
    /// <summary>The norm's p (Lua's <c>pnorm</c>). Example: <c>p.Pnorm</c>.</summary>
    public double Pnorm;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputPlane", ref NInputPlane);
        m.Field("pnorm", ref Pnorm);
    }

    /// <summary>An LP-pooling layer. Example: <c>new SpatialLPPooling(3, 2, 2, 2)</c>.</summary>
    public SpatialLPPooling(int nInputPlane, double pnorm, int kW, int kH, int? dW = null, int? dH = null)
        : base(kW, kH, dW ?? kW, dH ?? kH, 0, 0) => (NInputPlane, Pnorm) = (nInputPlane, pnorm);

    /// <inheritdoc/>
    protected override TS.Tensor Pool(TS.Tensor x)
    {
        using var p = x.pow(Pnorm);
        using var avg = TS.nn.functional.avg_pool2d(p, new long[] { KH, KW }, new long[] { DH, DW });
        using var sum = avg * (double)(KW * KH);
        return sum.pow(1 / Pnorm);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialLPPooling"/> (Lua's <c>nn.SpatialLPPooling</c>). Example: <c>var m = nn.SpatialLPPooling(nInputPlane, pnorm, kW, kH);</c></summary>
    public static SpatialLPPooling SpatialLPPooling(int nInputPlane, double pnorm, int kW, int kH, int? dW = null, int? dH = null) => new(nInputPlane, pnorm, kW, kH, dW, dH);
}
