namespace Torch.Nn;

/// <summary>Lua's <c>nngraph.JustTable</c>: wraps its input in a one-element table; the gradient is that element's.</summary>
/// <remarks>Example: <c>Table t = nngraph.JustTable().Forward(x); // t[1] is x</c></remarks>
public class JustTable : Module
{
    /// <summary>Example: <c>new JustTable()</c>.</summary>
    public JustTable() => Output = new Table();

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        ((Table)Output)[1] = input;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        GradInput = gradOutput.Object is Table t && t.Length >= 1 ? t[1]
            : throw new ArgumentException($"{TypeName}: expected a table of one gradient, got {gradOutput.Describe()}");
        return GradInput;
    }

    /// <inheritdoc/>
    public override string TypeName => "nngraph.JustTable";
}
