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

    /// <summary>The module; max must exceed min, as Lua asserts. Example: <c>new HardTanh(-2, 2)</c>.</summary>
    public HardTanh(double minVal = -1, double maxVal = 1)
    {
        if (!(maxVal > minVal)) throw new ArgumentException($"{TypeName}: max_value must be larger than min_value, got {minVal} and {maxVal}");
        MinVal = minVal;
        MaxVal = maxVal;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.clamp(MinVal, MaxVal));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) => Backward(this, input, gradOutput, MinVal, MaxVal);

    /// <summary>THNN's HardTanh gradient into m's gradInput: g where min &lt; x &lt; max, 0 elsewhere (HardTanh's and ReLU6's).</summary>
    internal static LuaValue Backward(Module m, LuaValue input, LuaValue gradOutput, double min, double max)
    {
        var x = m.InputTensor(input).Raw;
        using var g = m.InputTensor(gradOutput, "gradOutput").Raw.reshape(x.shape);
        using var inside = x.gt(min);
        using (var below = x.lt(max)) inside.logical_and_(below);
        using var zero = TS.zeros_like(g);
        var gi = Internal.Buffers.Fit(ref m.GradInput, g.dtype);
        return gi.Into(TS.where(inside, g, zero));
    }
}
