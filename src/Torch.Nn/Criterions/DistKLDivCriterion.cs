using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.DistKLDivCriterion([sizeAverage=true]): Σ t (log t - x) over t &gt; 0; x holds log-probabilities</c>. Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.DistKLDivCriterion().Forward(x, t);</c></remarks>
public class DistKLDivCriterion : ElementwiseCriterion
{
    /// <summary>The criterion. Example: <c>new DistKLDivCriterion(sizeAverage: false)</c>.</summary>
    public DistKLDivCriterion(bool sizeAverage = true) => SizeAverage = sizeAverage;

    /// <inheritdoc/>
    protected override TS.Tensor Terms(TS.Tensor x, TS.Tensor t) => TS.where(t.Gt(0), t * (t.ClampMin(1e-300).log() - x), TS.zeros_like(x));
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.DistKLDivCriterion"/> (Lua's <c>nn.DistKLDivCriterion</c>). Example: <c>var m = nn.DistKLDivCriterion();</c></summary>
    public static DistKLDivCriterion DistKLDivCriterion(bool sizeAverage = true) => new(sizeAverage);
}
