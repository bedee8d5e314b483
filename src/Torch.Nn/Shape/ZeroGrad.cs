namespace Torch.Nn;

/// <summary>Lua's <c>nn.ZeroGrad()</c>: the identity forward; the gradInput is zero.</summary>
/// <remarks>Example: <c>Tensor g = nn.ZeroGrad().Backward(x, gy);  // zeros</c></remarks>
public class ZeroGrad : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        Output = InputTensor(input);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        return Internal.Buffers.Fit(ref GradInput, x.ScalarType).ResizeAs(x).Zero();
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ZeroGrad"/> (Lua's <c>nn.ZeroGrad</c>). Example: <c>var m = nn.ZeroGrad();</c></summary>
    public static ZeroGrad ZeroGrad() => new();
}
