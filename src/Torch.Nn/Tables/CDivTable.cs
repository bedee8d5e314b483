using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.CDivTable(): x1 / x2 element-wise for a table {x1, x2}</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.CDivTable().Forward(new Table(a, b));</c></remarks>
public class CDivTable : Module
{
    /// <summary>A new CDivTable, its gradInput an empty table as Lua's. Example: <c>new CDivTable()</c>.</summary>
    public CDivTable() => LuaTables(output: false, gradInput: true);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var tensors = Internal.TableArgs.Tensors(input, this);
        if (tensors.Count != 2) throw new ArgumentException($"{this}: expected a table of 2 tensors, got {tensors.Count}");
        Internal.TableArgs.SameElements(tensors, this);
        var xs = tensors.Select(t => t.Raw).ToList();
        return Emit(xs[0] / xs[1]);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CDivTable"/> (Lua's <c>nn.CDivTable</c>). Example: <c>var m = nn.CDivTable();</c></summary>
    public static CDivTable CDivTable() => new();
}
