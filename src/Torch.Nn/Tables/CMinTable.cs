using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.CMinTable(): the element-wise minimum of a table of tensors</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.CMinTable().Forward(new Table(a, b));</c></remarks>
public class CMinTable : Module
{
    /// <summary>The module. Example: <c>new CMinTable()</c>.</summary>
    public CMinTable()
    {
        LuaOnly(("minIdx", torch.Tensor()), ("mask", torch.Tensor()), ("minVals", torch.Tensor()), ("gradMaxVals", torch.Tensor())); // Lua's; Torch7's forward fills them
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
        return Emit(xs.Skip(1).Aggregate(xs[0].alias(), (a, b) => a.minimum(b)));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CMinTable"/> (Lua's <c>nn.CMinTable</c>). Example: <c>var m = nn.CMinTable();</c></summary>
    public static CMinTable CMinTable() => new();
}
