namespace Torch.Nn;

/// <summary>Lua's <c>nn.Identity()</c>: the output is the input (the same object), the gradInput the gradOutput.</summary>
/// <remarks>Example: <c>Tensor y = nn.Identity().Forward(x);  // y is x</c></remarks>
public class Identity : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        Output = input;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        GradInput = gradOutput;
        return GradInput;
    }

    /// <inheritdoc/>
    public override Module ClearState()
    {
        Output = torch.Tensor();
        GradInput = torch.Tensor();
        return this;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Identity"/> (Lua's <c>nn.Identity</c>). Example: <c>var m = nn.Identity();</c></summary>
    public static Identity Identity() => new();
}
