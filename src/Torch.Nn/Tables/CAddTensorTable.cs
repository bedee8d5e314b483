namespace Torch.Nn;

/// <summary>Lua's <c>nn.CAddTensorTable()</c>: {t, {x1, ..., xn}} becomes {t + x1, ..., t + xn}; t's gradient is the sum of the
/// gradOutputs, each xi's is its gradOutput.</summary>
/// <remarks>Example: <c>Table s = nn.CAddTensorTable().Forward(new Table(t, new Table(a, b)));</c></remarks>
public class CAddTensorTable : Module
{
    /// <summary>A new CAddTensorTable, its gradInput an empty table as Lua's. Example: <c>new CAddTensorTable()</c>.</summary>
    public CAddTensorTable() => LuaTables(output: false, gradInput: true);

    (Tensor One, List<Tensor> Many) Args(LuaValue input)
    {
        var t = Internal.TableArgs.Of(input, this);
        var one = t[1].Object as Tensor ?? throw new ArgumentException($"{this}: expected a tensor as element 1, got {t[1].Describe()}");
        var many = Internal.TableArgs.Tensors(t[2], this, "element 2");
        foreach (var x in many)
            if (x.NElement() != one.NElement()) throw new ArgumentException($"{this}: {x.SizeString()} does not match {one.SizeString()}");
        return (one, many);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var (one, many) = Args(input);
        Output = new Table(many.Select(x => torch.Add(x, one.Contiguous().View(x.Size()))));
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var (one, _) = Args(input);
        var gs = Internal.TableArgs.Tensors(gradOutput, this, "gradOutput");
        var sum = one.New().ResizeAs(one).Zero();
        foreach (var g in gs) sum.Add(g);
        GradInput = new Table(sum, new Table(gs.Select(g => g.Clone())));
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CAddTensorTable"/> (Lua's <c>nn.CAddTensorTable</c>). Example: <c>var m = nn.CAddTensorTable();</c></summary>
    public static CAddTensorTable CAddTensorTable() => new();
}
