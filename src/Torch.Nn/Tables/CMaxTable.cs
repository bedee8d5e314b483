using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.CMaxTable(): the element-wise maximum of a table of tensors</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.CMaxTable().Forward(new Table(a, b));</c></remarks>
public class CMaxTable : Module
{
    /// <summary>The module. Example: <c>new CMaxTable()</c>.</summary>
    public CMaxTable()
    {
        LuaOnly(("maxIdx", torch.Tensor()), ("mask", torch.Tensor()), ("maxVals", torch.Tensor()), ("gradMaxVals", torch.Tensor())); // Lua's; Torch7's forward fills them
        LuaTables(output: false, gradInput: true);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var tensors = Internal.TableArgs.Tensors(input, this);
        Internal.TableArgs.SameElements(tensors, this);
        var xs = tensors.Select(t => t.Raw).ToList();
        return Emit(xs.Skip(1).Aggregate(xs[0].alias(), (a, b) => a.maximum(b)));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CMaxTable"/> (Lua's <c>nn.CMaxTable</c>). Example: <c>var m = nn.CMaxTable();</c></summary>
    public static CMaxTable CMaxTable() => new();
}
