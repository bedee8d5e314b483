using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.L1HingeEmbeddingCriterion([margin=1])</c>: for {x1, x2} and y = ±1, d = ||x1 - x2||_1 where y = 1 and
/// max(0, margin - d) where y = -1. Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.L1HingeEmbeddingCriterion(2).Forward(new Table(a, b), -1);</c></remarks>
public class L1HingeEmbeddingCriterion : Criterion
{
    /// <summary>The margin (Lua's <c>margin</c>). Example: <c>c.Margin</c>.</summary>
    public double Margin;

    /// <summary>An L1 hinge embedding criterion. Example: <c>new L1HingeEmbeddingCriterion()</c>.</summary>
    public L1HingeEmbeddingCriterion(double margin = 1) => Margin = margin;

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var (a, b, y) = PairTargets.Of(this, input, target);
        using (a) using (b) using (y)
        {
            using var d = (a - b).abs().sum(new long[] { 1 });
            using var terms = TS.where(y.eq(1), d, (Margin - d).clamp_min(0.0));
            return terms.sum();
        }
    }
}
