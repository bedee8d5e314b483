using TorchSharp;
using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.HardTanh([min=-1, max=1]): y = clamp(x, min, max)</c>; as THNN's, the gradient is g strictly inside (min, max)
/// and 0 at and beyond the bounds (explicit gradient; libtorch's clamp would give g at the bounds).</summary>
/// <remarks>Example: <c>Tensor y = nn.HardTanh(-2, 2).Forward(x);</c></remarks>
public class HardTanh : Module
{
    /// <summary>The lower bound (Lua's <c>min_val</c>). Example: <c>m.MinVal</c>.</summary>
    public double MinVal;

    /// <summary>The upper bound (Lua's <c>max_val</c>). Example: <c>m.MaxVal</c>.</summary>
    public double MaxVal;

    /// <summary>Lua's <c>inplace</c> flag: the output is written into the input. Example: <c>m.Inplace</c>.</summary>
    public bool Inplace;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("min_val", ref MinVal);
        m.Field("max_val", ref MaxVal);
        m.Field("inplace", ref Inplace);
    }

    /// <summary>The module; max must exceed min, as Lua asserts. Example: <c>new HardTanh(-2, 2)</c>.</summary>
    public HardTanh(double minVal = -1, double maxVal = 1, bool inplace = false)
    {
        if (!(maxVal > minVal)) throw new ArgumentException($"{TypeName}: max_value must be larger than min_value, got {minVal} and {maxVal}");
        (MinVal, MaxVal, Inplace) = (minVal, maxVal, inplace);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        TS.Tensor y;
        using (var lo = MinVal.ToScalar()) using (var hi = MaxVal.ToScalar()) y = x.Raw.clamp(lo, hi);
        return Inplace ? EmitInPlace(x, y) : Emit(y);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        // THNN's rule: g strictly inside (min, max), 0 elsewhere; in place the input holds the clamped output, which gives the same
        var x = InputTensor(input).Raw;
        using var g = InputTensor(gradOutput, "gradOutput").Raw.reshape(x.shape);
        using var inside = x.Gt(MinVal);
        using (var below = x.Lt(MaxVal)) inside.logical_and_(below);
        using var zero = TS.zeros_like(g);
        return EmitGradInput(TS.where(inside, g, zero));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.HardTanh"/> (Lua's <c>nn.HardTanh</c>). Example: <c>var m = nn.HardTanh();</c></summary>
    public static HardTanh HardTanh(double minVal = -1, double maxVal = 1, bool inplace = false) => new(minVal, maxVal, inplace);
}
