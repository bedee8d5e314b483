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
        using var tv = t.Raw.reshape(x.Raw.shape).to_type(x.Raw.dtype);
        using var p = x.Raw.sigmoid();
        using var terms = tv * (p + 1e-12).log() + (1.0 - tv) * (1.0 - p + 1e-12).log();
        using var weighted = Weights is null ? terms.alias() : terms * Weights.Raw;
        return weighted.sum() / (double)-x.NElement();
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MultiLabelSoftMarginCriterion"/> (Lua's <c>nn.MultiLabelSoftMarginCriterion</c>). Example: <c>var m = nn.MultiLabelSoftMarginCriterion();</c></summary>
    public static MultiLabelSoftMarginCriterion MultiLabelSoftMarginCriterion(Tensor? weights = null) => new(weights);
}
