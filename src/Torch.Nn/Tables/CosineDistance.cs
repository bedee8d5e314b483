using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.CosineDistance(): the cosine of the angle between x1 and x2 for a table {x1, x2} (per row for batches)</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.CosineDistance().Forward(new Table(a, b));</c></remarks>
public class CosineDistance : Module
{
    /// <summary>A new CosineDistance, its gradInput a pair of empty tensors as Lua's. Example: <c>new CosineDistance()</c>.</summary>
    public CosineDistance() => GradInput = new Table(torch.Tensor(), torch.Tensor());

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var tensors = Internal.TableArgs.Tensors(input, this);
        if (tensors.Count != 2) throw new ArgumentException($"{this}: expected a table of 2 tensors, got {tensors.Count}");
        Internal.TableArgs.SameElements(tensors, this);
        var xs = tensors.Select(t => t.Raw).ToList();
        return Emit(TS.nn.functional.cosine_similarity(xs[0], xs[1], -1, 1e-12));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CosineDistance"/> (Lua's <c>nn.CosineDistance</c>). Example: <c>var m = nn.CosineDistance();</c></summary>
    public static CosineDistance CosineDistance() => new();
}
