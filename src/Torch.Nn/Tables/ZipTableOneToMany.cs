namespace Torch.Nn;

/// <summary>Lua's <c>nn.ZipTableOneToMany()</c>: {v, {x1, ..., xn}} becomes {{v, x1}, ..., {v, xn}}; v's gradient is the sum of its n
/// gradients.</summary>
/// <remarks>Example: <c>Table z = nn.ZipTableOneToMany().Forward(new Table(v, new Table(a, b)));</c></remarks>
public class ZipTableOneToMany : Module
{
    /// <summary>The module. Example: <c>new ZipTableOneToMany()</c>.</summary>
    public ZipTableOneToMany()
    {
        LuaOnly(("gradInputEl", torch.Tensor())); // Lua's: Torch7's backward resizes it
        LuaTables(output: true, gradInput: true);
    }

    (LuaValue One, Table Many) Args(LuaValue input)
    {
        var t = Internal.TableArgs.Of(input, this);
        return (t[1], t[2].Object as Table ?? throw new ArgumentException($"{this}: expected a table as element 2, got {t[2].Describe()}"));
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var (one, many) = Args(input);
        Output = new Table(many.IPairs().Select(x => (LuaValue)new Table(one, x)).ToArray());
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = Internal.TableArgs.Of(gradOutput, this, "gradOutput");
        LuaValue sum = LuaValue.Nil;
        var rest = new Table();
        int i = 0;
        foreach (var pair in g.IPairs())
        {
            var p = Internal.TableArgs.Of(pair, this, "gradOutput element");
            sum = i++ == 0 ? Internal.Sums.CopyOf(LuaValue.Nil, p[1]) : Internal.Sums.AddInto(sum, p[1]);
            rest.Insert(p[2]);
        }
        GradInput = new Table(sum, rest);
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ZipTableOneToMany"/> (Lua's <c>nn.ZipTableOneToMany</c>). Example: <c>var m = nn.ZipTableOneToMany();</c></summary>
    public static ZipTableOneToMany ZipTableOneToMany() => new();
}
