using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.MM([transA=false, transB=false])</c>: the matrix product of a table {A, B} of matrices (or of batches of them,
/// with the same number of matrices).</summary>
/// <remarks>Example: <c>Tensor c = nn.MM().Forward(new Table(torch.Tensor(2, 3).Uniform(), torch.Tensor(3, 4).Uniform()));</c></remarks>
public class MM : Module
{
    /// <summary>Transpose A first (Lua's <c>transA</c>). Example: <c>m.TransA</c>.</summary>
    public bool TransA;
    /// <summary>Transpose B first (Lua's <c>transB</c>). Example: <c>m.TransB</c>.</summary>
    public bool TransB;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("transA", ref TransA);
        m.Field("transB", ref TransB);
    }

    /// <summary>A matrix-product layer. Example: <c>new MM(transA: true)</c>.</summary>
    public MM(bool transA = false, bool transB = false) => (TransA, TransB, GradInput) = (transA, transB, new Table(torch.Tensor(), torch.Tensor())); // Lua's gradInput

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = TableArgs.Tensors(input, this);
        void Assert(bool ok, string message) => TableArgs.Assert(ok, this, message, xs);
        Assert(xs.Count == 2, "input must be a pair of minibatch matrices");
        Assert(xs[0].Dim() is 2 or 3, "input tensors must be 2D or 3D");
        Assert(xs[1].Dim() == xs[0].Dim(), $"second input tensor must be {xs[0].Dim()}D");
        Assert(xs[0].Dim() == 2 || xs[0].Size(1) == xs[1].Size(1), "inputs must contain the same number of minibatches");
        using var a = TransA ? xs[0].Raw.transpose(-1, -2) : xs[0].Raw.alias();
        using var b = TransB ? xs[1].Raw.transpose(-1, -2) : xs[1].Raw.alias();
        Assert(a.size(-1) == b.size(-2), "matrix sizes do not match");
        return Emit(a.matmul(b));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MM"/> (Lua's <c>nn.MM</c>). Example: <c>var m = nn.MM();</c></summary>
    public static MM MM(bool transA = false, bool transB = false) => new(transA, transB);
}
