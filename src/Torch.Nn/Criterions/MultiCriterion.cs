namespace Torch.Nn;

/// <summary>Lua's <c>nn.MultiCriterion()</c>: the weighted sum of several criterions on the same input and target (<see cref="Add"/>).</summary>
/// <remarks>Example: <c>var mc = nn.MultiCriterion().Add(nn.MSECriterion()).Add(nn.AbsCriterion(), 0.5);</c></remarks>
public class MultiCriterion : Criterion
{
    /// <summary>The criterions (Lua's <c>criterions</c>). Example: <c>mc.Criterions</c>.</summary>
    public List<Criterion> Criterions = new();
    /// <summary>Their weights, 1-based (Lua's <c>weights</c>, a DoubleStorage). Example: <c>mc.Weights[1]</c>.</summary>
    public Storage Weights = torch.DoubleStorage(0);

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("criterions", ref Criterions);
        m.Field("weights", ref Weights);
    }

    /// <summary>Adds a criterion with a weight. Example: <c>mc.Add(nn.MSECriterion(), 2);</c></summary>
    public MultiCriterion Add(Criterion criterion, double weight = 1)
    {
        Criterions.Add(criterion);
        Weights.Resize(Criterions.Count)[Criterions.Count] = weight;
        return this;
    }

    /// <inheritdoc/>
    public override double UpdateOutput(LuaValue input, LuaValue target)
    {
        Output = 0;
        for (int i = 0; i < Criterions.Count; i++) Output += Weights[i + 1] * Criterions[i].UpdateOutput(input, target);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue target)
    {
        LuaValue sum = LuaValue.Nil;
        for (int i = 0; i < Criterions.Count; i++)
        {
            var g = Internal.Values.Map(Criterions[i].UpdateGradInput(input, target), t => torch.Add(torch.Tensor(t.Size()).Zero().TypeAs(t), Weights[i + 1], t));
            sum = i == 0 ? g : Internal.Sums.AddInto(sum, g);
        }
        GradInput = sum;
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MultiCriterion"/> (Lua's <c>nn.MultiCriterion</c>). Example: <c>var m = nn.MultiCriterion();</c></summary>
    public static MultiCriterion MultiCriterion() => new();
}
