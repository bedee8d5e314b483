using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.MarginRankingCriterion([margin=1])</c>: for {x1, x2} (one score each, or B scores) and y = ±1,
/// max(0, -y (x1 - x2) + margin), averaged over the batch. Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.MarginRankingCriterion(1).Forward(new Table(s1, s2), 1);</c></remarks>
public class MarginRankingCriterion : Criterion
{
    /// <summary>The margin (Lua's <c>margin</c>). Example: <c>c.Margin</c>.</summary>
    public double Margin;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("margin", ref Margin);
    }

    /// <summary>A ranking criterion. Example: <c>new MarginRankingCriterion(0.5)</c>.</summary>
    public MarginRankingCriterion(double margin = 1) => (Margin, GradInput) = (margin, new Table(torch.Tensor(1), torch.Tensor(1))); // Lua's gradInput

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var (a, b, y) = PairTargets.Of(this, input, target, scores: true);
        using (a) using (b) using (y)
        {
            using var d = (a - b).reshape(-1);
            using var yd = -y * d;
            using var shifted = yd.Add_(Margin);
            using var terms = shifted.ClampMin(0.0);
            var total = terms.sum();
            if (!SizeAverage || d.size(0) == 1) return total;
            using (total) return total.Div((double)d.size(0));
        }
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MarginRankingCriterion"/> (Lua's <c>nn.MarginRankingCriterion</c>). Example: <c>var m = nn.MarginRankingCriterion();</c></summary>
    public static MarginRankingCriterion MarginRankingCriterion(double margin = 1) => new(margin);
}
