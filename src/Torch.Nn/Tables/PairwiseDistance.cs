using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.PairwiseDistance(p)</c>: ||x1 - x2||_p for a table {x1, x2} (per row for batches). Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor d = nn.PairwiseDistance(2).Forward(new Table(a, b));</c></remarks>
public class PairwiseDistance : Module
{
    /// <summary>The norm (Lua's <c>norm</c>). Example: <c>d.Norm</c>.</summary>
    public double Norm;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("norm", ref Norm);
    }

    /// <summary>A distance layer. Example: <c>new PairwiseDistance(1)</c>.</summary>
    public PairwiseDistance(double p)
    {
        Norm = p;
        LuaOnly(("diff", torch.Tensor())); // Lua's
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = Internal.TableArgs.Tensors(input, this);
        if (xs.Count != 2) throw new ArgumentException($"{this}: expected a table of 2 tensors, got {xs.Count}");
        Internal.TableArgs.SameElements(xs, this);
        using var d = xs[0].Raw - xs[1].Raw;
        using var a = d.abs();
        using var s = a.pow(Norm).sum(new long[] { -1 }, keepdim: xs[0].Dim() == 1);
        return Emit(s.pow(1 / Norm));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.PairwiseDistance"/> (Lua's <c>nn.PairwiseDistance</c>). Example: <c>var m = nn.PairwiseDistance(p);</c></summary>
    public static PairwiseDistance PairwiseDistance(double p) => new(p);
}
