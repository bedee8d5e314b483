using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.MultiMarginCriterion([p=1, weights, margin=1])</c>: for each sample with 1-based class y,
/// Σ_{i≠y} w_y max(0, margin - x_y + x_i)^p / nClasses, averaged over the batch. Gradient by autograd, 0 for terms at exactly 0 (THNN's z &gt; 0).</summary>
/// <remarks>Example: <c>double err = nn.MultiMarginCriterion().Forward(scores, torch.Tensor(new[] { 2.0, 1 }));</c></remarks>
public class MultiMarginCriterion : Criterion
{
    /// <summary>The exponent, 1 or 2 (Lua's <c>p</c>). Example: <c>c.P</c>.</summary>
    public int P;
    /// <summary>Per-class weights, or null (Lua's <c>weights</c>). Example: <c>c.Weights</c>.</summary>
    public Tensor? Weights;
    /// <summary>The margin (Lua's <c>margin</c>). Example: <c>c.Margin</c>.</summary>
    public double Margin;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("p", ref P);
        m.Field("weights", ref Weights);
        m.Field("margin", ref Margin);
    }

    /// <summary>A multi-class hinge criterion. Example: <c>new MultiMarginCriterion(2)</c>.</summary>
    public MultiMarginCriterion(int p = 1, Tensor? weights = null, double margin = 1)
    {
        if (p != 1 && p != 2) throw new ArgumentException($"nn.MultiMarginCriterion: only p = 1 and p = 2 are supported, got {p}");
        (P, Weights, Margin) = (p, weights, margin);
    }

    /// <summary>THNN's loop in the input's real type: z = margin - x[target] + x[d], h = z or z², times the target's weight, summed
    /// in element order; divided by the number of classes, and by the batch size when averaging. Example: <c>double l = c.Forward(x, 3);</c></summary>
    public override double UpdateOutput(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var (rows, idx) = ClassTargets.Of(this, x, target);
        var r = Internal.RealSum.Rounding(x.ScalarType);
        long nframe = rows.size(0), dim = rows.size(1);
        double[] xs, ws;
        long[] targets;
        using (rows) using (idx)
        {
            xs = Internal.RealSum.Values(rows);
            targets = idx.data<long>().ToArray();
            ws = Weights is null ? Array.Empty<double>() : Internal.RealSum.Values(Weights.Raw);
        }
        double margin = r(Margin), sum = 0;
        for (long t = 0; t < nframe; t++)
        {
            long k = targets[t];
            double xt = xs[t * dim + k];
            for (long d = 0; d < dim; d++)
            {
                double z = r(r(margin - xt) + xs[t * dim + d]);
                if (d == k || !(z > 0)) continue;
                double h = P == 1 ? z : r(z * z);
                if (Weights is not null) h = r(h * ws[k]);
                sum = r(sum + h);
            }
        }
        sum = r(sum / dim);
        return Output = SizeAverage ? r(sum / nframe) : sum;
    }

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var (rows, idx) = ClassTargets.Of(this, x, target);
        using (rows)
        using (idx)
        {
            using var picked = rows.gather(1, idx);
            using var gap = rows - picked;
            using var z = gap.Add_(Margin).relu();
            using var zp = P == 1 ? z.alias() : z.square();
            using var mask = TS.ones_like(zp).scatter_(1, idx, TS.zeros_like(picked));
            using var terms = zp * mask;
            using var perSample = terms.sum(new long[] { 1 });
            using var weighted = Weights is null ? perSample.alias() : perSample * Weights.Raw.index_select(0, idx.squeeze(1));
            using var sum = weighted.sum();
            var total = sum.Div((double)rows.size(1));
            if (!SizeAverage) return total;
            using (total) return total.Div((double)rows.size(0));
        }
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MultiMarginCriterion"/> (Lua's <c>nn.MultiMarginCriterion</c>). Example: <c>var m = nn.MultiMarginCriterion();</c></summary>
    public static MultiMarginCriterion MultiMarginCriterion(int p = 1, Tensor? weights = null, double margin = 1) => new(p, weights, margin);
}
