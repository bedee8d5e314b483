using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.CSubTable(): x1 - x2 for a table {x1, x2}</c>, shaped as x1. As in Torch7, x2 needs only as many elements as
/// x1, not its shape: it is read in element order (TH's rule for pointwise operations). The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.CSubTable().Forward(new Table(a, b));</c></remarks>
public class CSubTable : Module
{
    /// <summary>A new CSubTable, its gradInput an empty table as Lua's. Example: <c>new CSubTable()</c>.</summary>
    public CSubTable() => LuaTables(output: false, gradInput: true);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var tensors = Internal.TableArgs.Tensors(input, this);
        if (tensors.Count != 2) throw new ArgumentException($"{this}: expected a table of 2 tensors, got {tensors.Count}");
        Internal.TableArgs.SameElements(tensors, this);
        var xs = tensors.Select(t => t.Raw).ToList();
        using var second = xs[1].reshape(xs[0].shape);
        return Emit(xs[0] - second);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CSubTable"/> (Lua's <c>nn.CSubTable</c>). Example: <c>var m = nn.CSubTable();</c></summary>
    public static CSubTable CSubTable() => new();
}
