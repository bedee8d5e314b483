using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.L1HingeEmbeddingCriterion([margin=1])</c>: for {x1, x2} and a number y, d = ||x1 - x2||_1 over all elements
/// (no batch mode), and max(0, margin - d) where y is the number -1 (any other target gives d, as Lua's <c>y == -1</c> test does).
/// Gradient by autograd (0 where x1 = x2, where Lua picks a random sign).</summary>
/// <remarks>Example: <c>double err = nn.L1HingeEmbeddingCriterion(2).Forward(new Table(a, b), -1);</c></remarks>
public class L1HingeEmbeddingCriterion : Criterion
{
    /// <summary>The margin (Lua's <c>margin</c>). Example: <c>c.Margin</c>.</summary>
    public double Margin;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("margin", ref Margin);
    }

    /// <summary>An L1 hinge embedding criterion. Example: <c>new L1HingeEmbeddingCriterion()</c>.</summary>
    public L1HingeEmbeddingCriterion(double margin = 1) => (Margin, GradInput) = (margin, new Table(torch.Tensor(), torch.Tensor())); // Lua's gradInput

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var t = input.Object as Table;
        if (t is null || t.Length != 2 || t[1].Object is not Tensor x1 || t[2].Object is not Tensor x2 || x1.NElement() != x2.NElement())
            throw new ArgumentException($"{TypeName}: expected a table of two tensors of the same size as input, got {input.Describe()}");
        using var diff = x1.Raw - x2.Raw.view_as(x1.Raw);
        using var absDiff = diff.abs();
        var d = absDiff.sum();
        if (target.Object is not double y || y != -1) return d;
        using (d)
        using (var below = d.neg().Add_(Margin)) return below.ClampMin(0.0);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.L1HingeEmbeddingCriterion"/> (Lua's <c>nn.L1HingeEmbeddingCriterion</c>). Example: <c>var m = nn.L1HingeEmbeddingCriterion();</c></summary>
    public static L1HingeEmbeddingCriterion L1HingeEmbeddingCriterion(double margin = 1) => new(margin);
}
