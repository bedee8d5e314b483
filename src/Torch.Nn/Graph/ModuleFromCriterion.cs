namespace Torch.Nn;

/// <summary>
/// Lua's <c>nn.ModuleFromCriterion(criterion)</c>: a criterion as a module, so it can be a graph node. The input is a
/// {prediction, target} table, the output a one-element tensor holding the loss; the gradient of the prediction is the
/// criterion's times gradOutput[1], the target's is zero.
/// </summary>
/// <remarks>Example: <c>var loss = nn.ModuleFromCriterion(nn.MSECriterion()).Call(prediction, target);</c></remarks>
public class ModuleFromCriterion : Module
{
    /// <summary>The wrapped criterion (Lua's <c>criterion</c>). Example: <c>m.Criterion</c>.</summary>
    public Criterion Criterion;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("criterion", ref Criterion);
    }

    /// <summary>Example: <c>new ModuleFromCriterion(nn.ClassNLLCriterion())</c>.</summary>
    public ModuleFromCriterion(Criterion criterion)
    {
        Criterion = criterion ?? throw new ArgumentNullException(nameof(criterion), "nn.ModuleFromCriterion: criterion is null");
        Output = torch.Tensor(1);
        GradInput = new Table(torch.Tensor(), torch.Tensor());
    }

    (LuaValue Prediction, LuaValue Target) Unpack(LuaValue input) => input.Object is Table t && t.Length == 2 ? (t[1], t[2])
        : throw new ArgumentException($"{TypeName}: expected a table {{prediction, target}}, got {input.Describe()}" + (input.Object is Table x ? $" of {x.Length}" : ""));

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var (prediction, target) = Unpack(input);
        ((Tensor)Output)[1] = Criterion.UpdateOutput(prediction, target);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var (prediction, target) = Unpack(input);
        double scale = ((Tensor)gradOutput)[1];
        var gradPrediction = Criterion.UpdateGradInput(prediction, target);
        var gradInput = (Table)GradInput;
        gradInput[1] = Internal.Values.Map(gradPrediction, g => g.Clone().Mul(scale));
        if (target.Object is Tensor t) ((Tensor)gradInput[2]).ResizeAs(t).Zero();
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ModuleFromCriterion"/> (Lua's <c>nn.ModuleFromCriterion</c>).
    /// Example: <c>var m = nn.ModuleFromCriterion(nn.MSECriterion());</c></summary>
    public static ModuleFromCriterion ModuleFromCriterion(Criterion criterion) => new(criterion);
}
