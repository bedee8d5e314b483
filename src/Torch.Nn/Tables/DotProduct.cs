using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.DotProduct(): the dot product of x1 and x2 for a table {x1, x2} (per row for batches)</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.DotProduct().Forward(new Table(a, b));</c></remarks>
public class DotProduct : Module
{
    /// <summary>A new DotProduct, its gradInput a pair of empty tensors as Lua's. Example: <c>new DotProduct()</c>.</summary>
    public DotProduct() => GradInput = new Table(torch.Tensor(), torch.Tensor());

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var tensors = Internal.TableArgs.Tensors(input, this);
        if (tensors.Count != 2) throw new ArgumentException($"{this}: expected a table of 2 tensors, got {tensors.Count}");
        Internal.TableArgs.SameElements(tensors, this);
        var xs = tensors.Select(t => t.Raw).ToList();
        return Emit((xs[0] * xs[1]).sum(new long[] { -1 }));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.DotProduct"/> (Lua's <c>nn.DotProduct</c>). Example: <c>var m = nn.DotProduct();</c></summary>
    public static DotProduct DotProduct() => new();
}
