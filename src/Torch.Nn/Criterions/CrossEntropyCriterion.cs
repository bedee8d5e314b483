namespace Torch.Nn;

/// <summary>Lua's <c>nn.CrossEntropyCriterion([weights])</c>: <see cref="LogSoftMax"/> followed by <see cref="ClassNLLCriterion"/>
/// (1-based targets), on scores of size nClasses or B x nClasses.</summary>
/// <remarks>Example: <c>double err = nn.CrossEntropyCriterion().Forward(scores, torch.Tensor(new[] { 2.0, 5 }));</c></remarks>
public class CrossEntropyCriterion : Criterion
{
    /// <summary>The log-softmax stage (Lua's <c>lsm</c>). Example: <c>ce.Lsm</c>.</summary>
    public LogSoftMax Lsm = new();
    /// <summary>The negative log-likelihood stage (Lua's <c>nll</c>). Example: <c>ce.Nll</c>.</summary>
    public ClassNLLCriterion Nll;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("lsm", ref Lsm);
        m.Field("nll", ref Nll);
    }

    /// <summary>A cross-entropy criterion. Example: <c>new CrossEntropyCriterion(weights)</c>.</summary>
    public CrossEntropyCriterion(Tensor? weights = null, bool sizeAverage = true)
    {
        Nll = new ClassNLLCriterion(weights, sizeAverage);
        SizeAverage = sizeAverage;
        LuaOnly(("oldSizeAverage", sizeAverage)); // Lua's: Torch7 passes a changed sizeAverage on to its nll
    }

    /// <inheritdoc/>
    public override double UpdateOutput(LuaValue input, LuaValue target)
    {
        Nll.SizeAverage = SizeAverage;
        var x = Squeezed(InputTensor(input));
        Lsm.UpdateOutput(x);
        Output = Nll.UpdateOutput(Lsm.Output, Target(target));
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue target)
    {
        Nll.SizeAverage = SizeAverage;
        var original = InputTensor(input);
        var x = Squeezed(original);
        var g = Nll.UpdateGradInput(Lsm.Output, Target(target));
        Tensor gi = Lsm.UpdateGradInput(x, g);
        GradInput = gi.View(original.Size());
        return GradInput;
    }

    static Tensor Squeezed(Tensor x) => x.Dim() > 1 && x.Size().Contains(1) ? x.Squeeze() : x;

    static LuaValue Target(LuaValue t) => t.Object is Tensor tt && tt.Dim() > 1 ? tt.Squeeze() : t;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CrossEntropyCriterion"/> (Lua's <c>nn.CrossEntropyCriterion</c>). Example: <c>var m = nn.CrossEntropyCriterion();</c></summary>
    public static CrossEntropyCriterion CrossEntropyCriterion(Tensor? weights = null, bool sizeAverage = true) => new(weights, sizeAverage);
}
