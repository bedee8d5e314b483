namespace Torch.Nn;

/// <summary>Lua's <c>nngraph.JustElement</c>: takes the only element of a one-element table; the gradient is wrapped back.</summary>
/// <remarks>Example: <c>Tensor x = nngraph.JustElement().Forward(new Table(t));</c></remarks>
public class JustElement : Module
{
    /// <summary>Example: <c>new JustElement()</c>.</summary>
    public JustElement() => GradInput = new Table();

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        if (input.Object is not Table t || t.Length != 1)
            throw new ArgumentException($"{TypeName}: expecting one element, got {input.Describe()}" + (input.Object is Table x ? $" of {x.Length}" : ""));
        Output = t[1];
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        if (GradInput.Object is not Table) GradInput = new Table();
        ((Table)GradInput)[1] = gradOutput;
        return GradInput;
    }

    /// <inheritdoc/>
    public override string TypeName => "nngraph.JustElement";
}
