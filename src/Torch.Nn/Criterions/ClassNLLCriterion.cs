using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.ClassNLLCriterion([weights, sizeAverage=true, ignoreIndex=-100])</c>: the negative log-likelihood
/// of log-probabilities (1-D input of nClasses, or B x nClasses) at 1-based class targets. Explicit gradient, all zeros when the
/// total weight is not positive (THNN returns early).</summary>
/// <remarks>Example: <c>double err = nn.ClassNLLCriterion().Forward(logProbs, torch.Tensor(new[] { 3.0, 1.0 }));</c></remarks>
public class ClassNLLCriterion : Criterion
{
    /// <summary>Per-class weights (Lua's <c>weights</c>), or null. Example: <c>crit.Weights</c>.</summary>
    public Tensor? Weights;

    /// <summary>Targets equal to this are skipped (Lua's <c>ignoreIndex</c>, default -100). Example: <c>crit.IgnoreIndex = 0;</c></summary>
    public long IgnoreIndex;

    /// <summary>The summed weight of the counted targets of the last forward (Lua's <c>total_weight_tensor</c>). Example: <c>crit.TotalWeight</c>.</summary>
    public double TotalWeight;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("weights", ref Weights);
        m.Field("ignoreIndex", ref IgnoreIndex);
        m.State(ref TotalWeight);
    }

    /// <summary>A negative log-likelihood criterion. Example: <c>new ClassNLLCriterion(weights, sizeAverage: false)</c>.</summary>
    public ClassNLLCriterion(Tensor? weights = null, bool sizeAverage = true, long ignoreIndex = -100)
    {
        if (weights is not null && weights.Dim() != 1)
            throw new ArgumentException($"nn.ClassNLLCriterion: weights must be a 1-D tensor, got {weights.SizeString()}");
        Weights = weights;
        SizeAverage = sizeAverage;
        IgnoreIndex = ignoreIndex;
        LuaOnly(("output_tensor", torch.Zeros(1)), ("total_weight_tensor", torch.Ones(1)), ("target", torch.LongTensor(1).Zero())); // Lua's; THNN writes into them
    }

    /// <summary>The 1-based targets and the weight of each (0 for ignored targets), after checking them.</summary>
    (Tensor X, long[] Targets, double[] Coef) Prepare(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        int dims = x.Dim();
        while (dims > 2 && x.Size(dims) == 1) dims--; // B x C x 1 x 1 (a pooled map) is B x C
        if (dims != 1 && dims != 2)
            throw new ArgumentException($"{TypeName}: expected a 1D (nClasses) or 2D (batch x nClasses) input, got {x.SizeString()}");
        long batch = dims == 1 ? 1 : x.Size(1);
        long nClasses = x.Size(dims);
        double[] raw = target.Object switch
        {
            double d => new[] { d },
            Tensor t => t.ToArray(),
            _ => throw new ArgumentException($"{TypeName}: expected a number or a tensor of 1-based class indices as target, got {target.Describe()}"),
        };
        if (raw.Length != batch)
            throw new ArgumentException($"{TypeName}: expected {batch} target{(batch == 1 ? "" : "s")} for an input of size {x.SizeString()}, got {raw.Length}");
        if (Weights is not null && Weights.NElement() != nClasses)
            throw new ArgumentException($"{TypeName}: weights have {Weights.NElement()} elements but the input has {nClasses} classes");
        var w = Weights?.ToArray();
        var targets = new long[batch];
        var coef = new double[batch];
        double total = 0;
        for (int i = 0; i < batch; i++)
        {
            long c = (long)raw[i];
            targets[i] = c;
            if (c == IgnoreIndex) continue;
            if (c < 1 || c > nClasses || c != raw[i])
                throw new IndexOutOfRangeException($"{TypeName}: target {raw[i]} out of range: expected a class index in 1..{nClasses} ({nClasses} classes; targets are 1-based)");
            coef[i] = w is null ? 1 : w[c - 1];
            total += coef[i];
        }
        TotalWeight = total;
        return (x, targets, coef);
    }

    /// <inheritdoc/>
    public override double UpdateOutput(LuaValue input, LuaValue target)
    {
        var (x, targets, coef) = Prepare(input, target);
        double sum = 0;
        long nClasses = x.NElement() / targets.Length;
        var values = x.ToArray();
        if (x.ScalarType == TS.ScalarType.Float32)
        {
            // THNN sums, weighs and divides in the tensor's own type: a float loss is a float
            float fsum = 0, ftotal = 0;
            for (int i = 0; i < targets.Length; i++)
                if (coef[i] != 0) { ftotal += (float)coef[i]; fsum -= (float)values[i * nClasses + targets[i] - 1] * (float)coef[i]; }
            return Output = SizeAverage && ftotal != 0 ? fsum / ftotal : fsum;
        }
        for (int i = 0; i < targets.Length; i++)
            if (coef[i] != 0) sum -= coef[i] * values[i * nClasses + targets[i] - 1];
        Output = SizeAverage && TotalWeight != 0 ? sum / TotalWeight : sum;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue target)
    {
        var (x, targets, coef) = Prepare(input, target);
        var gi = Buffers.Fit(ref GradInput, x.ScalarType);
        gi.ResizeAs(x);
        bool dense = Loops.Flat(gi);
        gi.Zero();
        if (!(TotalWeight > 0)) return GradInput;
        long nClasses = x.NElement() / targets.Length;
        var idx = new long[targets.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            idx[i] = i * nClasses + Math.Max(targets[i], 1) - 1;
            coef[i] = SizeAverage && TotalWeight != 0 ? -coef[i] / TotalWeight : -coef[i];
        }
        if (dense)
        {
            Loops.Scatter(gi, idx, coef);
            return GradInput;
        }
        using var index = TS.tensor(idx);
        using var vals = TS.tensor(coef, x.ScalarType);
        using var flat = gi.Handle.view(-1);
        flat.index_put_(vals, index);
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ClassNLLCriterion"/> (Lua's <c>nn.ClassNLLCriterion</c>). Example: <c>var m = nn.ClassNLLCriterion();</c></summary>
    public static ClassNLLCriterion ClassNLLCriterion(Tensor? weights = null, bool sizeAverage = true, long ignoreIndex = -100) => new(weights, sizeAverage, ignoreIndex);
}
