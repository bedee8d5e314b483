namespace Torch.Nn;

/// <summary>Lua's <c>nn.CriterionTable(criterion)</c>: a module whose input is the table {input, target} and whose output is the
/// criterion's loss (a number); its gradInput is the table {criterion's gradInput}.</summary>
/// <remarks>Example: <c>double loss = nn.CriterionTable(nn.MSECriterion()).Forward(new Table(y, t));</c></remarks>
public class CriterionTable : Module
{
    /// <summary>The wrapped criterion (Lua's <c>criterion</c>). Example: <c>ct.Criterion</c>.</summary>
    public Criterion Criterion;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("criterion", ref Criterion);
    }

    /// <summary>Wraps <paramref name="criterion"/>. Example: <c>new CriterionTable(nn.MSECriterion())</c>.</summary>
    public CriterionTable(Criterion criterion) => (Criterion, GradInput) = (criterion, new Table(criterion.GradInput)); // Lua's gradInput

    (LuaValue Input, LuaValue Target) Args(LuaValue input)
    {
        var t = Internal.TableArgs.Of(input, this);
        return (t[1], t[2]);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var (x, t) = Args(input);
        Output = Criterion.UpdateOutput(x, t);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var (x, t) = Args(input);
        GradInput = new Table(Criterion.UpdateGradInput(x, t));
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CriterionTable"/> (Lua's <c>nn.CriterionTable</c>). Example: <c>var m = nn.CriterionTable(criterion);</c></summary>
    public static CriterionTable CriterionTable(Criterion criterion) => new(criterion);
}
