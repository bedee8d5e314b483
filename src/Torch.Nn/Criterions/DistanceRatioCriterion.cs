using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.DistanceRatioCriterion([sizeAverage=true])</c>: for {d_pos, d_neg} distances, -log(exp(-d_pos) / (exp(-d_pos) +
/// exp(-d_neg))), averaged over the batch. Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.DistanceRatioCriterion().Forward(new Table(dPos, dNeg), LuaValue.Nil);</c></remarks>
public class DistanceRatioCriterion : Criterion
{
    /// <summary>A distance-ratio criterion. Example: <c>new DistanceRatioCriterion()</c>.</summary>
    public DistanceRatioCriterion(bool sizeAverage = true) => SizeAverage = sizeAverage;

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var t = input.Object as Table;
        if (t is null || t.Length != 2 || t[1].Object is not Tensor p || t[2].Object is not Tensor n || p.NElement() != n.NElement())
            throw new ArgumentException($"{TypeName}: expected a table {{positive distances, negative distances}} of equal sizes, got {input.Describe()}");
        using var terms = TS.nn.functional.softplus(p.Raw - n.Raw.view_as(p.Raw));
        var total = terms.sum();
        if (!SizeAverage) return total;
        using (total) return total / (double)p.NElement();
    }
}
