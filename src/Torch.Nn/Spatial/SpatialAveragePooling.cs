using Torch.Native;
using Torch.Nn.Internal;
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
        if (Sampling)
            using (var picked = Picked(x))
                return picked.contiguous();
        var y = TS.nn.functional.avg_pool2d(x, Kernel, Steps, Pads, ceil_mode: CeilMode, count_include_pad: CountIncludePad);
        if (Divide) return y;
        using (y) return y.Mul((double)KW * KH);
    }

    /// <summary>A 1x1 window without padding (fb.resnet.torch's shortcut, <c>nn.SpatialAveragePooling(1, 1, 2, 2)</c>) averages one
    /// element: the output is every dH-th row and dW-th column of the input, in floor and ceil mode alike, and the divisor is 1.
    /// libtorch's avg_pool2d and its backward took 0.36 and 0.33 ms for it on 16x16x32x32 floats; a strided copy is what it is.</summary>
    bool Sampling => KW == 1 && KH == 1 && PadW == 0 && PadH == 0;

    /// <summary>The elements a 1x1 window picks: a strided view of the batch <paramref name="b"/> (B x C x H x W).</summary>
    TS.Tensor Picked(TS.Tensor b)
    {
        using var rows = b.slice(2, 0, b.size(2), DH);
        return rows.slice(3, 0, b.size(3), DW);
    }

    long[] Kernel => new long[] { KH, KW };
    long[] Steps => new long[] { DH, DW };
    long[] Pads => new long[] { PadH, PadW };

    /// <summary>Explicit gradient, as Lua's: each gradOutput element spread evenly over its window (times kW kH without
    /// <see cref="Divide"/>). Example: <c>Tensor gi = pool.UpdateGradInput(x, gradOutput);</c></summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        if (GradInput.IsNil) return GradInput; // Lua's idiom: gradInput = nil skips it (a first layer)
        var x = WindowInput(input, 0);
        using var xb = Batched.Batch(x, 3);
        using var gb = GradOutputBatch(xb, gradOutput, (int)xb.size(1), PooledSize(xb.size(2), KH, DH, PadH), PooledSize(xb.size(3), KW, DW, PadW));
        TS.Tensor gi;
        if (Sampling)
        {
            gi = TS.zeros_like(xb);
            using var picked = Picked(gi);
            picked.copy_(gb);
        }
        else
        {
            gi = AvgPoolBackward.GradInput(gb, xb, Kernel, Steps, Pads, CeilMode, CountIncludePad);
            if (!Divide) gi.Mul_((double)KW * KH);
        }
        Buffers.Fit(ref GradInput, x.ScalarType).Adopt(Batched.Unbatch(x, 3, gi));
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialAveragePooling"/> (Lua's <c>nn.SpatialAveragePooling</c>). Example: <c>var m = nn.SpatialAveragePooling(kW, kH);</c></summary>
    public static SpatialAveragePooling SpatialAveragePooling(int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0) => new(kW, kH, dW, dH, padW, padH);
}
