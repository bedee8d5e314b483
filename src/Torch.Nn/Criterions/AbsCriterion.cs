using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.AbsCriterion([sizeAverage=true]): Σ abs(x - t) (averaged over elements)</c>. Gradient by autograd; like THNN's it is +1 (not 0) where x = t.</summary>
/// <remarks>Example: <c>double err = nn.AbsCriterion().Forward(x, t);</c></remarks>
public class AbsCriterion : ElementwiseCriterion
{
    /// <summary>The criterion. Example: <c>new AbsCriterion(sizeAverage: false)</c>.</summary>
    public AbsCriterion(bool sizeAverage = true) => SizeAverage = sizeAverage;

    /// <inheritdoc/>
    protected override TS.Tensor Terms(TS.Tensor x, TS.Tensor t)
    {
        using var d = x - t;
        using var negated = d.neg();
        using var nonNegative = d.Ge(0);
        return TS.where(nonNegative, d, negated);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.AbsCriterion"/> (Lua's <c>nn.AbsCriterion</c>). Example: <c>var m = nn.AbsCriterion();</c></summary>
    public static AbsCriterion AbsCriterion(bool sizeAverage = true) => new(sizeAverage);
}
