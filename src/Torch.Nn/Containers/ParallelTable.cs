namespace Torch.Nn;

/// <summary>Lua's <c>nn.ParallelTable()</c>: child i is applied to element i of the input table; the output is the table of outputs.</summary>
/// <remarks>Example: <c>Table outs = nn.ParallelTable().Add(nn.Linear(5, 3)).Add(nn.Tanh()).Forward(new Table(x5, y));</c></remarks>
public class ParallelTable : Container
{
    /// <summary>A new ParallelTable, its output and gradInput an empty table as Lua's. Example: <c>new ParallelTable()</c>.</summary>
    public ParallelTable() => LuaTables(output: true, gradInput: true);

    Table? outputs, gradInputs; // the output and gradInput tables, reused by every pass

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Cache(ref outputs);
        m.Cache(ref gradInputs);
    }

    Table Arg(LuaValue v, string what) => v.Object is Table t && t.Length >= Modules.Count ? t
        : throw new ArgumentException($"{TypeName}: expected a table of {Modules.Count} {what}s, got {(v.Object is Table t2 ? "a table of " + t2.Length : v.Describe())}");

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = Arg(input, "input");
        outputs ??= new Table();
        for (int i = 0; i < Modules.Count; i++) outputs[i + 1] = RunChild(i, x[i + 1]);
        Output = outputs;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = Arg(input, "input");
        var g = Arg(gradOutput, "gradOutput");
        gradInputs ??= new Table();
        for (int i = 0; i < Modules.Count; i++) gradInputs[i + 1] = ChildGradInput(i, x[i + 1], g[i + 1]);
        GradInput = gradInputs;
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass)
    {
        var x = Arg(input, "input");
        var g = Arg(gradOutput, "gradOutput");
        for (int i = 0; i < Modules.Count; i++) Child(i, pass, x[i + 1], g[i + 1]);
    }

    /// <summary>Torch7's branching text. Example: <c>Console.WriteLine(pt);</c></summary>
    public override string ToString() => BranchString();
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ParallelTable"/> (Lua's <c>nn.ParallelTable</c>). Example: <c>var m = nn.ParallelTable();</c></summary>
    public static ParallelTable ParallelTable() => new();
}
