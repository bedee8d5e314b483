using Torch.Native;
using Torch.Nn.Internal;
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
    public CosineEmbeddingCriterion(double margin = 0) => (Margin, GradInput) = (margin, new Table(torch.Tensor(), torch.Tensor())); // Lua's gradInput

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var (a, b, y) = PairTargets.Of(this, input, target);
        using (a) using (b) using (y)
        {
            // Lua's order: w1 = Σ a b; w = sqrt(1 / (Σ a² + ε) · 1 / (Σ b² + ε)); cos = w1 w, each step in the input's type
            using var ab = a * b;
            using var aa = a * a;
            using var bb = b * b;
            using var w1 = RealSum.Along(ab, 1);
            using var saa = RealSum.Along(aa, 1);
            using var sbb = RealSum.Along(bb, 1);
            using var saaE = saa.Add(1e-12);
            using var w22 = saaE.reciprocal();
            using var sbbE = sbb.Add(1e-12);
            using var w32 = sbbE.reciprocal();
            using var w2 = w22 * w32;
            using var w = w2.sqrt();
            using var cos = w1 * w;
            using var beyond = cos.Sub(Margin);
            using var dissimilar = beyond.relu(); // relu: no gradient where the loss is 0, as Lua zeroes it
            using var similar = cos.neg().Add_(1.0);
            using var isSimilar = y.Eq(1);
            using var isDissimilar = y.Eq(-1);
            using var others = TS.where(isDissimilar, dissimilar, cos); // Lua leaves a target other than ±1 with its cosine
            using var terms = TS.where(isSimilar, similar, others);
            var total = RealSum.All(terms);
            if (!SizeAverage) return total;
            using (total) return total.Div((double)a.size(0));
        }
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CosineEmbeddingCriterion"/> (Lua's <c>nn.CosineEmbeddingCriterion</c>). Example: <c>var m = nn.CosineEmbeddingCriterion();</c></summary>
    public static CosineEmbeddingCriterion CosineEmbeddingCriterion(double margin = 0) => new(margin);
}
