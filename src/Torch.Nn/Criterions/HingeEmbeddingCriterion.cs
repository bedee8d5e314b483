using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.HingeEmbeddingCriterion([margin=1])</c>: x where y = 1, max(0, margin - x) where y = -1, summed (averaged).
/// Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.HingeEmbeddingCriterion().Forward(distances, y);</c></remarks>
public class HingeEmbeddingCriterion : ElementwiseCriterion
{
    /// <summary>The margin (Lua's <c>margin</c>). Example: <c>c.Margin</c>.</summary>
    public double Margin;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("margin", ref Margin);
    }

    /// <summary>A hinge embedding criterion. Example: <c>new HingeEmbeddingCriterion(2)</c>.</summary>
    public HingeEmbeddingCriterion(double margin = 1, bool sizeAverage = true) => (Margin, SizeAverage) = (margin, sizeAverage);

    /// <inheritdoc/>
    protected override TS.Tensor Terms(TS.Tensor x, TS.Tensor t) =>
        TS.where(t.eq(1), x, TS.zeros_like(x)) + TS.where(t.eq(-1), (Margin - x).clamp_min(0.0), TS.zeros_like(x));
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.HingeEmbeddingCriterion"/> (Lua's <c>nn.HingeEmbeddingCriterion</c>). Example: <c>var m = nn.HingeEmbeddingCriterion();</c></summary>
    public static HingeEmbeddingCriterion HingeEmbeddingCriterion(double margin = 1, bool sizeAverage = true) => new(margin, sizeAverage);
}
