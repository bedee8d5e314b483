using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SmoothL1Criterion([sizeAverage=true]): Σ 0.5 d² where abs(d) &lt; 1, abs(d) - 0.5 elsewhere, d = x - t</c>. Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.SmoothL1Criterion().Forward(x, t);</c></remarks>
public class SmoothL1Criterion : ElementwiseCriterion
{
    /// <summary>The criterion. Example: <c>new SmoothL1Criterion(sizeAverage: false)</c>.</summary>
    public SmoothL1Criterion(bool sizeAverage = true) => SizeAverage = sizeAverage;

    /// <inheritdoc/>
    protected override TS.Tensor Terms(TS.Tensor x, TS.Tensor t) => TS.nn.functional.smooth_l1_loss(x, t, TS.nn.Reduction.None);
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SmoothL1Criterion"/> (Lua's <c>nn.SmoothL1Criterion</c>). Example: <c>var m = nn.SmoothL1Criterion();</c></summary>
    public static SmoothL1Criterion SmoothL1Criterion(bool sizeAverage = true) => new(sizeAverage);
}
