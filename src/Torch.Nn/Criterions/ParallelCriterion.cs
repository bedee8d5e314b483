namespace Torch.Nn;

/// <summary>Lua's <c>nn.ParallelCriterion([repeatTarget=false])</c>: the weighted sum of criterion i on input[i] and target[i] (or on the
/// same target for all when <see cref="RepeatTarget"/>).</summary>
/// <remarks>Example: <c>var pc = nn.ParallelCriterion().Add(nn.MSECriterion()).Add(nn.ClassNLLCriterion(), 0.5);</c></remarks>
public class ParallelCriterion : Criterion
{
    /// <summary>The criterions (Lua's <c>criterions</c>). Example: <c>pc.Criterions</c>.</summary>
    public List<Criterion> Criterions = new();
    /// <summary>Their weights (Lua's <c>weights</c>). Example: <c>pc.Weights</c>.</summary>
    public List<double> Weights = new();
    /// <summary>Use the same target for every criterion (Lua's <c>repeatTarget</c>). Example: <c>pc.RepeatTarget</c>.</summary>
    public bool RepeatTarget;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("criterions", ref Criterions);
        m.Field("weights", ref Weights);
        m.Field("repeatTarget", ref RepeatTarget);
    }

    /// <summary>A parallel criterion. Example: <c>new ParallelCriterion(true)</c>.</summary>
    public ParallelCriterion(bool repeatTarget = false) => (RepeatTarget, GradInput) = (repeatTarget, new Table()); // Lua's gradInput is a table

    /// <summary>Adds a criterion with a weight. Example: <c>pc.Add(nn.MSECriterion(), 2);</c></summary>
    public ParallelCriterion Add(Criterion criterion, double weight = 1)
    {
        Criterions.Add(criterion);
        Weights.Add(weight);
        return this;
    }

    (Table Input, Func<int, LuaValue> Target) Args(LuaValue input, LuaValue target)
    {
        var x = input.Object as Table ?? throw new ArgumentException($"{TypeName}: expected a table input, got {input.Describe()}");
        if (RepeatTarget) return (x, _ => target);
        var t = target.Object as Table ?? throw new ArgumentException($"{TypeName}: expected a table target (or repeatTarget), got {target.Describe()}");
        return (x, i => t[i]);
    }

    /// <inheritdoc/>
    public override double UpdateOutput(LuaValue input, LuaValue target)
    {
        var (x, t) = Args(input, target);
        Output = 0;
        for (int i = 0; i < Criterions.Count; i++) Output += Weights[i] * Criterions[i].UpdateOutput(x[i + 1], t(i + 1));
        return Output;
    }

    /// <summary>Zeros shaped like the whole input, then weight i times criterion i's gradient added into element i; elements without
    /// a criterion keep zero gradients (Lua's recursiveResizeAs, recursiveFill(0), recursiveAdd). Example: <c>pc.UpdateGradInput(x, t);</c></summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue target)
    {
        var (x, t) = Args(input, target);
        var g = (Table)Internal.Values.Map(x, xt => torch.Tensor(xt.Size()).Zero().TypeAs(xt));
        for (int i = 0; i < Criterions.Count; i++)
        {
            var dst = Internal.Values.Tensors(g[i + 1]);
            var src = Internal.Values.Tensors(Criterions[i].UpdateGradInput(x[i + 1], t(i + 1)));
            for (int k = 0; k < dst.Count; k++) dst[k].Add(Weights[i], src[k]);
        }
        GradInput = g;
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ParallelCriterion"/> (Lua's <c>nn.ParallelCriterion</c>). Example: <c>var m = nn.ParallelCriterion();</c></summary>
    public static ParallelCriterion ParallelCriterion(bool repeatTarget = false) => new(repeatTarget);
}
