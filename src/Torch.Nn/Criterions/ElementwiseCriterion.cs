using Torch.Native;
namespace Torch.Nn;

/// <summary>The shared shape of the simple element-wise criterions written with autograd: a tensor input, a target of the same number
/// of elements, and a sum that is averaged when <see cref="Criterion.SizeAverage"/>.</summary>
/// <remarks>Example: <c>public class AbsCriterion : ElementwiseCriterion { protected override TT Terms(TT x, TT t) => (x - t).abs(); }</c></remarks>
public abstract class ElementwiseCriterion : Criterion
{
    /// <summary>The per-element loss terms of input <paramref name="x"/> and target <paramref name="t"/> (already viewed like x).
    /// Example: <c>protected override TT Terms(TT x, TT t) => (x - t).abs();</c></summary>
    protected abstract TorchSharp.torch.Tensor Terms(TorchSharp.torch.Tensor x, TorchSharp.torch.Tensor t);

    /// <inheritdoc/>
    public override double UpdateOutput(LuaValue input, LuaValue target)
    {
        if (InputTensor(input).ScalarType != TorchSharp.torch.ScalarType.Float32) return base.UpdateOutput(input, target);
        using var terms = TermsOf(input, target);
        return Output = Internal.RealSum.Float(terms, SizeAverage);
    }

    /// <inheritdoc/>
    protected override TorchSharp.torch.Tensor Loss(LuaValue input, LuaValue target)
    {
        using var terms = TermsOf(input, target);
        var sum = terms.sum();
        if (!SizeAverage) return sum;
        using (sum) return sum.Div((double)terms.NumberOfElements);
    }

    TorchSharp.torch.Tensor TermsOf(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var t = InputTensor(target, "target");
        CheckSameSize(x, t);
        using var tv = t.Raw.reshape(x.Raw.shape).to_type(x.Raw.dtype);
        return Terms(x.Raw, tv);
    }
}
