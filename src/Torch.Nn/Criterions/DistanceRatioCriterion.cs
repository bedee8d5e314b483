using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.DistanceRatioCriterion([sizeAverage=true])</c>: for {d_pos, d_neg} distances, -log(exp(-d_pos) / (exp(-d_pos) +
/// exp(-d_neg))) = d_pos + log(exp(-d_pos) + exp(-d_neg)) as Lua computes it, summed and divided by size(1) of d_pos when averaging.
/// Gradient by autograd.</summary>
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
        using var expX = p.Raw.neg().exp();
        using var expY = n.Raw.view_as(p.Raw).neg().exp();
        using var logSum = (expX + expY).log();
        using var terms = p.Raw + logSum;
        var total = Internal.RealSum.All(terms); // Lua's loss:sum(), a double even for FloatTensors
        if (!SizeAverage) return total;
        using (total) return total.Div((double)p.Size(1));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.DistanceRatioCriterion"/> (Lua's <c>nn.DistanceRatioCriterion</c>). Example: <c>var m = nn.DistanceRatioCriterion();</c></summary>
    public static DistanceRatioCriterion DistanceRatioCriterion(bool sizeAverage = true) => new(sizeAverage);
}
