using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Sigmoid()</c>: y = 1 / (1 + exp(-x)); explicit gradient y (1 - y) g.</summary>
/// <remarks>Example: <c>Tensor y = nn.Sigmoid().Forward(x);</c></remarks>
public class Sigmoid : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input) => Pointwise.Forward(ref Output, InputTensor(input), Pointwise.Kind.Sigmoid);

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) => Pointwise.Backward(this, gradOutput, Pointwise.Kind.Sigmoid);
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Sigmoid"/> (Lua's <c>nn.Sigmoid</c>). Example: <c>var m = nn.Sigmoid();</c></summary>
    public static Sigmoid Sigmoid() => new();
}
