namespace Torch.Nn;

/// <summary>Lua's <c>nn.ModuleCriterion(criterion[, inputModule, targetModule, castTarget=true])</c>: the criterion applied to
/// inputModule(input) and targetModule(target); the gradient goes back through inputModule.</summary>
/// <remarks>Example: <c>var mc = nn.ModuleCriterion(nn.ClassNLLCriterion(), nn.LogSoftMax());</c></remarks>
public class ModuleCriterion : Criterion
{
    /// <summary>The wrapped criterion (Lua's <c>criterion</c>). Example: <c>mc.Criterion</c>.</summary>
    public Criterion Criterion;
    /// <summary>Applied to the input first, or null (Lua's <c>inputModule</c>). Example: <c>mc.InputModule</c>.</summary>
    public Module? InputModule;
    /// <summary>Applied to the target first, or null (Lua's <c>targetModule</c>). Example: <c>mc.TargetModule</c>.</summary>
    public Module? TargetModule;
    /// <summary>Convert the target to the input's type (Lua's <c>castTarget</c>). Example: <c>mc.CastTarget</c>.</summary>
    public bool CastTarget;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("criterion", ref Criterion);
        m.Field("inputModule", ref InputModule);
        m.Field("targetModule", ref TargetModule);
        m.Field("castTarget", ref CastTarget);
    }

    /// <summary>A composed criterion. Example: <c>new ModuleCriterion(nn.MSECriterion(), nn.Tanh())</c>.</summary>
    public ModuleCriterion(Criterion criterion, Module? inputModule = null, Module? targetModule = null, bool castTarget = true) =>
        (Criterion, InputModule, TargetModule, CastTarget) = (criterion, inputModule, targetModule, castTarget);

    (LuaValue Input, LuaValue Target) Prepare(LuaValue input, LuaValue target)
    {
        var x = InputModule is null ? input : InputModule.Forward(input);
        var t = TargetModule is null ? target : TargetModule.Forward(target);
        if (CastTarget && x.Object is Tensor xt && t.Object is Tensor tt && tt.Type() != xt.Type()) t = tt.TypeAs(xt);
        return (x, t);
    }

    /// <inheritdoc/>
    public override double UpdateOutput(LuaValue input, LuaValue target)
    {
        var (x, t) = Prepare(input, target);
        Output = Criterion.UpdateOutput(x, t);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue target)
    {
        var (x, t) = Prepare(input, target);
        var g = Criterion.UpdateGradInput(x, t);
        GradInput = InputModule is null ? g : InputModule.UpdateGradInput(input, g);
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ModuleCriterion"/> (Lua's <c>nn.ModuleCriterion</c>). Example: <c>var m = nn.ModuleCriterion(criterion);</c></summary>
    public static ModuleCriterion ModuleCriterion(Criterion criterion, Module? inputModule = null, Module? targetModule = null, bool castTarget = true) => new(criterion, inputModule, targetModule, castTarget);
}
