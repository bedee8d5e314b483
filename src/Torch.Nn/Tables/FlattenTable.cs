namespace Torch.Nn;

/// <summary>Lua's <c>nn.FlattenTable()</c>: a nested table of tensors as one flat table, depth first; the gradient is nested back.</summary>
/// <remarks>Example: <c>Table flat = nn.FlattenTable().Forward(new Table(a, new Table(b, c)));  // {a, b, c}</c></remarks>
public class FlattenTable : Module
{
    /// <summary>The module. Example: <c>new FlattenTable()</c>.</summary>
    public FlattenTable()
    {
        LuaOnly(("input_map", new Table())); // Lua's
        LuaTables(output: true, gradInput: true);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        Output = new Table(Internal.Values.Tensors(Internal.TableArgs.Of(input, this)));
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var flat = Internal.TableArgs.Of(gradOutput, this, "gradOutput");
        int k = 1;
        GradInput = Internal.Values.Map(input, _ => flat[k++]);
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.FlattenTable"/> (Lua's <c>nn.FlattenTable</c>). Example: <c>var m = nn.FlattenTable();</c></summary>
    public static FlattenTable FlattenTable() => new();
}
