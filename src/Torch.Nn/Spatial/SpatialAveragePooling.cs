using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialAveragePooling(kW, kH[, dW=1, dH=1, padW=0, padH=0])</c>: the mean over each window (note: the steps
/// default to 1 here, unlike max pooling). Padding counts in the divisor unless <see cref="SetCountExcludePad"/>.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialAveragePooling(2, 2, 2, 2).Forward(x);</c></remarks>
public class SpatialAveragePooling : Pooling2D
{
    /// <summary>Whether zero padding counts in the divisor (Lua's <c>count_include_pad</c>, default true). Example: <c>p.CountIncludePad</c>.</summary>
    public bool CountIncludePad = true;

    /// <summary>Whether the output sums instead of averaging (Lua's deprecated <c>divide = false</c>). Example: <c>p.Divide</c>.</summary>
    public bool Divide = true;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("count_include_pad", ref CountIncludePad);
        m.Field("divide", ref Divide);
    }

    /// <summary>An average-pooling layer. Example: <c>new SpatialAveragePooling(2, 2, 2, 2)</c>.</summary>
    public SpatialAveragePooling(int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0)
        : base(kW, kH, dW, dH, padW, padH) { }

    /// <summary>Counts padding in the divisor (the default). Example: <c>p.SetCountIncludePad();</c></summary>
    public SpatialAveragePooling SetCountIncludePad()
    {
        CountIncludePad = true;
        return this;
    }

    /// <summary>Divides by the number of input elements only. Example: <c>p.SetCountExcludePad();</c></summary>
    public SpatialAveragePooling SetCountExcludePad()
    {
        CountIncludePad = false;
        return this;
    }

    /// <inheritdoc/>
    protected override TS.Tensor Pool(TS.Tensor x)
    {
        var y = TS.nn.functional.avg_pool2d(x, new long[] { KH, KW }, new long[] { DH, DW }, new long[] { PadH, PadW },
            ceil_mode: CeilMode, count_include_pad: CountIncludePad);
        if (Divide) return y;
        using (y) return y.mul((double)KW * KH);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialAveragePooling"/> (Lua's <c>nn.SpatialAveragePooling</c>). Example: <c>var m = nn.SpatialAveragePooling(kW, kH);</c></summary>
    public static SpatialAveragePooling SpatialAveragePooling(int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0) => new(kW, kH, dW, dH, padW, padH);
}
