using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.CosineEmbeddingCriterion([margin=0])</c>: for {x1, x2} and y = ±1, 1 - cos(x1, x2) where y = 1 and
/// max(0, cos(x1, x2) - margin) where y = -1, averaged over the batch. Gradient by autograd, 0 where cos = margin for y = -1 (Lua zeroes it where the loss is &lt;= 0).</summary>
/// <remarks>Example: <c>double err = nn.CosineEmbeddingCriterion(0.5).Forward(new Table(a, b), torch.Tensor(new[] { 1.0, -1 }));</c></remarks>
public class CosineEmbeddingCriterion : Criterion
{
    /// <summary>The margin (Lua's <c>margin</c>). Example: <c>c.Margin</c>.</summary>
    public double Margin;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("margin", ref Margin);
    }

    /// <summary>A cosine embedding criterion. Example: <c>new CosineEmbeddingCriterion()</c>.</summary>
    public CosineEmbeddingCriterion(double margin = 0) => Margin = margin;

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var (a, b, y) = PairTargets.Of(this, input, target);
        using (a) using (b) using (y)
        {
            using var dot = (a * b).sum(new long[] { 1 });
            using var na = (a * a).sum(new long[] { 1 }) + 1e-12;
            using var nb = (b * b).sum(new long[] { 1 }) + 1e-12;
            using var cos = dot / (na * nb).sqrt();
            using var terms = TS.where(y.eq(1), 1.0 - cos, TS.zeros_like(cos)) + TS.where(y.eq(-1), (cos - Margin).relu(), TS.zeros_like(cos));
            var total = terms.sum();
            if (!SizeAverage) return total;
            using (total) return total / (double)a.size(0);
        }
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CosineEmbeddingCriterion"/> (Lua's <c>nn.CosineEmbeddingCriterion</c>). Example: <c>var m = nn.CosineEmbeddingCriterion();</c></summary>
    public static CosineEmbeddingCriterion CosineEmbeddingCriterion(double margin = 0) => new(margin);
}
