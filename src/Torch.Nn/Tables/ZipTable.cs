namespace Torch.Nn;

/// <summary>Lua's <c>nn.ZipTable()</c>: {{a1, a2}, {b1, b2}} becomes {{a1, b1}, {a2, b2}}; the gradient is zipped back.</summary>
/// <remarks>Example: <c>Table z = nn.ZipTable().Forward(new Table(new Table(a1, a2), new Table(b1, b2)));</c></remarks>
public class ZipTable : Module
{
    /// <summary>A new ZipTable, its output and gradInput an empty table as Lua's. Example: <c>new ZipTable()</c>.</summary>
    public ZipTable() => LuaTables(output: true, gradInput: true);

    static Table Zip(Table t, Module m)
    {
        var r = new Table();
        int n = -1;
        foreach (var row in t.IPairs())
        {
            var inner = Internal.TableArgs.Of(row, m, "element");
            if (n < 0) n = inner.Length;
            else if (inner.Length != n) throw new ArgumentException($"{m}: inner tables have different lengths ({n} and {inner.Length})");
        }
        for (int j = 1; j <= Math.Max(n, 0); j++)
            r.Insert(new Table(t.IPairs().Select(row => ((Table)row)[j]).ToArray()));
        return r;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        Output = Zip(Internal.TableArgs.Of(input, this), this);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        GradInput = Zip(Internal.TableArgs.Of(gradOutput, this, "gradOutput"), this);
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ZipTable"/> (Lua's <c>nn.ZipTable</c>). Example: <c>var m = nn.ZipTable();</c></summary>
    public static ZipTable ZipTable() => new();
}
