using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.HingeEmbeddingCriterion([margin=1])</c>: x where y = 1, max(0, margin - x) where y = -1, summed (averaged).
/// As Lua computes it: the sum of x (zeroed where y = -1) plus the sum of max(0, margin - x) (zeroed where y = 1), each a double
/// sum even for FloatTensors. Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.HingeEmbeddingCriterion().Forward(distances, y);</c></remarks>
public class HingeEmbeddingCriterion : ElementwiseCriterion
{
    /// <summary>The margin (Lua's <c>margin</c>). Example: <c>c.Margin</c>.</summary>
    public double Margin;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("margin", ref Margin);
    }

    /// <summary>A hinge embedding criterion. Example: <c>new HingeEmbeddingCriterion(2)</c>.</summary>
    public HingeEmbeddingCriterion(double margin = 1, bool sizeAverage = true) => (Margin, SizeAverage) = (margin, sizeAverage);

    /// <inheritdoc/>
    protected override TS.Tensor Terms(TS.Tensor x, TS.Tensor t)
    {
        var (kept, hinge) = Parts(x, t);
        using (kept) using (hinge) return kept + hinge;
    }

    /// <summary>Lua's two buffers: x zeroed where y = -1, and max(0, margin - x) zeroed where y = 1.</summary>
    (TS.Tensor Kept, TS.Tensor Hinge) Parts(TS.Tensor x, TS.Tensor t)
    {
        using var zero = TS.zeros_like(x);
        using var negative = t.Eq(-1);
        using var positive = t.Eq(1);
        using var below = x.neg().Add_(Margin);
        using var margin = below.ClampMin(0.0);
        return (TS.where(negative, zero, x), TS.where(positive, zero, margin));
    }

    /// <inheritdoc/>
    public override double UpdateOutput(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var t = InputTensor(target, "target");
        CheckSameSize(x, t);
        using var tv = t.Raw.reshape(x.Raw.shape).to_type(x.Raw.dtype);
        var (kept, hinge) = Parts(x.Raw, tv);
        double sum;
        using (kept) using (hinge) sum = Scalar(Internal.RealSum.All(kept)) + Scalar(Internal.RealSum.All(hinge));
        return Output = SizeAverage ? sum / x.NElement() : sum;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.HingeEmbeddingCriterion"/> (Lua's <c>nn.HingeEmbeddingCriterion</c>). Example: <c>var m = nn.HingeEmbeddingCriterion();</c></summary>
    public static HingeEmbeddingCriterion HingeEmbeddingCriterion(double margin = 1, bool sizeAverage = true) => new(margin, sizeAverage);
}
