using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.ConcatTable()</c>: applies every child to the same input; the output is the table of their outputs and the
/// gradInput the sum of their gradInputs.</summary>
/// <remarks>Example: <c>var ct = nn.ConcatTable().Add(nn.Linear(5, 3)).Add(nn.Linear(5, 2)); Table outs = ct.Forward(x5);</c></remarks>
public class ConcatTable : Container
{
    /// <summary>A new ConcatTable, its output an empty table as Lua's. Example: <c>new ConcatTable()</c>.</summary>
    public ConcatTable() => LuaTables(output: true, gradInput: false);

    Table? outputs; // the output table, reused by every forward

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Cache(ref outputs);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        outputs ??= new Table();
        for (int i = 0; i < Modules.Count; i++) outputs[i + 1] = RunChild(i, input);
        Output = outputs;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = TableArg(gradOutput);
        LuaValue sum = LuaValue.Nil;
        for (int i = 0; i < Modules.Count; i++)
        {
            var gi = ChildGradInput(i, input, g[i + 1]);
            sum = i == 0 ? Sums.CopyOf(GradInput, gi) : Sums.AddInto(sum, gi);
        }
        GradInput = sum;
        return GradInput;
    }

    Table TableArg(LuaValue gradOutput) => gradOutput.Object as Table
        ?? throw new ArgumentException($"{TypeName}: expected a table of {Modules.Count} gradOutputs, got {gradOutput.Describe()}");

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass)
    {
        var g = TableArg(gradOutput);
        for (int i = 0; i < Modules.Count; i++) Child(i, pass, input, g[i + 1]);
    }

    /// <summary>Torch7's branching text. Example: <c>Console.WriteLine(ct);</c></summary>
    public override string ToString() => BranchString();
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ConcatTable"/> (Lua's <c>nn.ConcatTable</c>). Example: <c>var m = nn.ConcatTable();</c></summary>
    public static ConcatTable ConcatTable() => new();
}
