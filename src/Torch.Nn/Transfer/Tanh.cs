using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Tanh()</c>: y = tanh(x); explicit gradient (1 - y²) g, as THNN computes it.</summary>
/// <remarks>Example: <c>Tensor y = nn.Tanh().Forward(x);</c></remarks>
public class Tanh : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input) => Pointwise.Forward(ref Output, InputTensor(input), Pointwise.Kind.Tanh);

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) => Pointwise.Backward(this, gradOutput, Pointwise.Kind.Tanh);
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Tanh"/> (Lua's <c>nn.Tanh</c>). Example: <c>var m = nn.Tanh();</c></summary>
    public static Tanh Tanh() => new();
}
