using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Abs(): y = abs(x)</c>. Explicit gradient as THNN's: g where x &gt;= 0 (so g, not 0, at x = 0), -g below.</summary>
/// <remarks>Example: <c>Tensor y = nn.Abs().Forward(x);</c></remarks>
public class Abs : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.abs());
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input).Raw;
        using var g = InputTensor(gradOutput, "gradOutput").Raw.reshape(x.shape);
        using var negative = x.Lt(0.0);
        using var minusG = g.neg();
        return EmitGradInput(TS.where(negative, minusG, g));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Abs"/> (Lua's <c>nn.Abs</c>). Example: <c>var m = nn.Abs();</c></summary>
    public static Abs Abs() => new();
}
