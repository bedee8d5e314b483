using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.WeightedMSECriterion(weight)</c>: the <see cref="MSECriterion"/> of x against t ⊙ weight (the weight broadcast over
/// a batch). Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.WeightedMSECriterion(torch.Tensor(new[] { 1.0, 2 })).Forward(x, t);</c></remarks>
public class WeightedMSECriterion : Criterion
{
    /// <summary>The target weights (Lua's <c>weight</c>). Example: <c>c.Weight</c>.</summary>
    public Tensor Weight;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("weight", ref Weight);
    }

    /// <summary>A weighted MSE criterion; it keeps a copy of <paramref name="weight"/> (Lua's <c>w:clone()</c>). Example: <c>new WeightedMSECriterion(w)</c>.</summary>
    public WeightedMSECriterion(Tensor weight) => Weight = weight.Clone();

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var t = InputTensor(target, "target");
        CheckSameSize(x, t);
        using var tv = t.Raw.reshape(x.Raw.shape);
        using var w = x.NElement() == Weight.NElement() ? Weight.Raw.reshape(x.Raw.shape) : Weight.Raw.reshape(x.Raw.shape.Skip(1).ToArray());
        using var sq = (x.Raw - tv * w).square();
        var total = sq.sum();
        if (!SizeAverage) return total;
        using (total) return total.Div((double)x.NElement());
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.WeightedMSECriterion"/> (Lua's <c>nn.WeightedMSECriterion</c>). Example: <c>var m = nn.WeightedMSECriterion(weight);</c></summary>
    public static WeightedMSECriterion WeightedMSECriterion(Tensor weight) => new(weight);
}
