using Torch.Native;
using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.BCECriterion([weights, sizeAverage=true])</c>: -Σ w (t log(x + ε) + (1 - t) log(1 - x + ε)), ε = 1e-12,
/// divided by the number of elements when averaging; probabilities x in [0, 1]. Explicit gradient as THNN's.</summary>
/// <remarks>Example: <c>double err = nn.BCECriterion().Forward(nn.Sigmoid().Forward(x), targets);</c></remarks>
public class BCECriterion : Criterion
{
    const double Eps = 1e-12;

    /// <summary>Per-element weights (broadcast over a batch), or null (Lua's <c>weights</c>). Example: <c>bce.Weights</c>.</summary>
    public Tensor? Weights;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("weights", ref Weights);
    }

    /// <summary>A binary cross-entropy criterion. Example: <c>new BCECriterion(sizeAverage: false)</c>.</summary>
    public BCECriterion(Tensor? weights = null, bool sizeAverage = true) => (Weights, SizeAverage) = (weights, sizeAverage);

    (Tensor X, TS.Tensor T, TS.Tensor? W) Check(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var t = InputTensor(target, "target");
        CheckSameSize(x, t);
        var w = Weights is null ? null : Weights.Raw.expand_as(x.Raw);
        return (x, t.Raw.view_as(x.Raw), w);
    }

    /// <inheritdoc/>
    public override double UpdateOutput(LuaValue input, LuaValue target)
    {
        var (x, t, w) = Check(input, target);
        CheckRange(x);
        using (t) using (w)
        {
            if (x.ScalarType == TS.ScalarType.Float32) return Output = FloatLoss(x.Raw, t, w);
            using var logx = x.Raw.Add(Eps).log_();
            using var log1mx = x.Raw.neg().Add_(1 + Eps).log_();
            using var tm = t.neg().Add_(1.0);
            using var sum = logx.mul_(t).add_(log1mx.mul_(tm), ScalarLease.One);
            if (w is not null) sum.mul_(w);
            double total = -Scalar(sum.sum());
            Output = SizeAverage ? total / x.NElement() : total;
            return Output;
        }
    }

    /// <summary>THNN's float loop: each term in double (C's log of x + 1e-12), subtracted from a float sum in element order; the
    /// average divides in float.</summary>
    double FloatLoss(TS.Tensor x, TS.Tensor t, TS.Tensor? w)
    {
        double[] xs = RealSum.Values(x), ts = RealSum.Values(t), ws = w is null ? Array.Empty<double>() : RealSum.Values(w);
        float sum = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double term = Math.Log(xs[i] + Eps) * ts[i] + Math.Log(1.0 - xs[i] + Eps) * (1.0 - ts[i]);
            sum = (float)(sum - (w is null ? term : term * ws[i]));
        }
        return SizeAverage ? sum / (float)xs.Length : sum;
    }

    /// <summary>THNN's assertion: every input in [0, 1] (NaN fails too), else an error with the first offending value.</summary>
    void CheckRange(Tensor x)
    {
        using var bad = x.Raw.Ge(0).logical_and_(x.Raw.Le(1)).logical_not_();
        if (!bad.any().item<bool>()) return;
        using var vals = x.Raw.masked_select(bad);
        double v = Scalar(vals[0]);
        throw new ArgumentException($"{TypeName}: input value should be between 0~1, but got {v.ToString("F6", System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue target)
    {
        var (x, t, w) = Check(input, target);
        using var den = x.Raw.neg().Add_(1 + Eps);
        using (var xe = x.Raw.Add(Eps)) den.mul_(xe);
        var g = x.Raw.sub(t).div_(den);
        if (w is not null) g.mul_(w);
        if (SizeAverage) g.Div_((double)x.NElement());
        t.Dispose();
        w?.Dispose();
        return EmitGrad(g);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.BCECriterion"/> (Lua's <c>nn.BCECriterion</c>). Example: <c>var m = nn.BCECriterion();</c></summary>
    public static BCECriterion BCECriterion(Tensor? weights = null, bool sizeAverage = true) => new(weights, sizeAverage);
}
