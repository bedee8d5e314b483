using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.MV([trans=false])</c>: the product of a table {M, v} of a matrix and a vector (or batches of them, with the
/// same number of each).</summary>
/// <remarks>Example: <c>Tensor y = nn.MV().Forward(new Table(torch.Tensor(2, 3).Uniform(), torch.Tensor(3).Uniform()));</c></remarks>
public class MV : Module
{
    /// <summary>Transpose M first (Lua's <c>trans</c>). Example: <c>m.Trans</c>.</summary>
    public bool Trans;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("trans", ref Trans);
    }

    /// <summary>A matrix-vector layer. Example: <c>new MV(true)</c>.</summary>
    public MV(bool trans = false) => (Trans, GradInput) = (trans, new Table(torch.Tensor(), torch.Tensor())); // Lua's gradInput

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = TableArgs.Tensors(input, this);
        void Assert(bool ok, string message) => TableArgs.Assert(ok, this, message, xs);
        Assert(xs.Count == 2, "input must be a pair of minibatch matrices");
        Assert(xs[0].Dim() is 2 or 3, "input matrix must be 2D or 3D");
        Assert(xs[1].Dim() is 1 or 2, "input vector must be 1D or 2D");
        Assert(xs[1].Dim() == xs[0].Dim() - 1, xs[0].Dim() == 2 ? "vector must be 1D" : "vector must be 2D (batch dimension)");
        Assert(xs[0].Dim() == 2 || xs[0].Size(1) == xs[1].Size(1), "inputs must contain the same number of minibatches");
        using var m = Trans ? xs[0].Raw.transpose(-1, -2) : xs[0].Raw.alias();
        Assert(m.size(-1) == xs[1].Raw.size(-1), "matrix row count and vector length do not match");
        using var v = xs[1].Raw.unsqueeze(-1);
        using var r = m.matmul(v);
        return Emit(r.squeeze(-1));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MV"/> (Lua's <c>nn.MV</c>). Example: <c>var m = nn.MV();</c></summary>
    public static MV MV(bool trans = false) => new(trans);
}
