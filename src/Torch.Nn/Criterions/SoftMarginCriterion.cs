using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SoftMarginCriterion([sizeAverage=true]): Σ log(1 + exp(-y x)) for targets y = ±1</c>. Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.SoftMarginCriterion().Forward(x, t);</c></remarks>
public class SoftMarginCriterion : ElementwiseCriterion
{
    /// <summary>The criterion. Example: <c>new SoftMarginCriterion(sizeAverage: false)</c>.</summary>
    public SoftMarginCriterion(bool sizeAverage = true) => SizeAverage = sizeAverage;

    /// <inheritdoc/>
    protected override TS.Tensor Terms(TS.Tensor x, TS.Tensor t) => (-(x * t)).exp().log1p();
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SoftMarginCriterion"/> (Lua's <c>nn.SoftMarginCriterion</c>). Example: <c>var m = nn.SoftMarginCriterion();</c></summary>
    public static SoftMarginCriterion SoftMarginCriterion(bool sizeAverage = true) => new(sizeAverage);
}
