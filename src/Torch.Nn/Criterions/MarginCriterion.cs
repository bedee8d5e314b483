using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.MarginCriterion([margin=1])</c>: Σ max(0, margin - y x) for targets y = ±1 (averaged). Gradient by autograd, 0 where y x = margin (THNN's strict test).</summary>
/// <remarks>Example: <c>double err = nn.MarginCriterion().Forward(x, y);</c></remarks>
public class MarginCriterion : ElementwiseCriterion
{
    /// <summary>The margin (Lua's <c>margin</c>). Example: <c>c.Margin</c>.</summary>
    public double Margin;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("margin", ref Margin);
    }

    /// <summary>A hinge criterion. Example: <c>new MarginCriterion(0.5)</c>.</summary>
    public MarginCriterion(double margin = 1, bool sizeAverage = true) => (Margin, SizeAverage) = (margin, sizeAverage);

    /// <inheritdoc/>
    protected override TS.Tensor Terms(TS.Tensor x, TS.Tensor t) { using var xt = x * t; using var below = xt.neg().Add_(Margin); return below.relu(); }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MarginCriterion"/> (Lua's <c>nn.MarginCriterion</c>). Example: <c>var m = nn.MarginCriterion();</c></summary>
    public static MarginCriterion MarginCriterion(double margin = 1, bool sizeAverage = true) => new(margin, sizeAverage);
}
