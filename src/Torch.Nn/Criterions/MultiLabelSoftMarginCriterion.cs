using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.MultiLabelSoftMarginCriterion([weights])</c>: a <see cref="Sigmoid"/> then a <see cref="BCECriterion"/> (averaged
/// over elements) against 0/1 targets. Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.MultiLabelSoftMarginCriterion().Forward(scores, targets01);</c></remarks>
public class MultiLabelSoftMarginCriterion : Criterion
{
    /// <summary>Per-element weights, or null (Lua's <c>weights</c>). Example: <c>c.Weights</c>.</summary>
    public Tensor? Weights;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("weights", ref Weights);
    }

    /// <summary>A multi-label logistic criterion. Example: <c>new MultiLabelSoftMarginCriterion()</c>.</summary>
    public MultiLabelSoftMarginCriterion(Tensor? weights = null)
    {
        Weights = weights;
        LuaOnly(("sigmoid", new Sigmoid())); // Lua's; Torch7's forward runs it
    }

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var t = InputTensor(target, "target");
        CheckSameSize(x, t);
        // Lua's order: log(1 + exp(x - 2 x [x >= 0])) - (t - [x >= 0]) x, summed in double (t:sum()), over the element count
        using var xf = x.Raw.reshape(-1);
        using var tv = t.Raw.reshape(-1).to_type(x.Raw.dtype);
        using var indicator = xf.Ge(0).to_type(x.Raw.dtype);
        using var xi = xf * indicator;
        using var doubled = xi.Mul(-2.0);
        using var shifted = doubled + xf;
        using var e = shifted.exp();
        using var e1 = e.Add(1.0);
        using var softplus = e1.log();
        using var difference = tv - indicator;
        using var linear = difference * xf;
        using var terms = softplus - linear;
        using var weights = Weights is null ? null : Weights.Raw.expand(t.Raw.reshape(-1, Weights.NElement()).shape).reshape(-1);
        using var weighted = weights is null ? terms.alias() : terms * weights;
        using var total = Internal.RealSum.All(weighted);
        return total.Div((double)x.NElement());
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MultiLabelSoftMarginCriterion"/> (Lua's <c>nn.MultiLabelSoftMarginCriterion</c>). Example: <c>var m = nn.MultiLabelSoftMarginCriterion();</c></summary>
    public static MultiLabelSoftMarginCriterion MultiLabelSoftMarginCriterion(Tensor? weights = null) => new(weights);
}
