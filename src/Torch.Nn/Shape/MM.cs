namespace Torch.Nn;

/// <summary>Lua's <c>nn.MM([transA=false, transB=false])</c>: the matrix product of a table {A, B} of matrices (or of batches of them).</summary>
/// <remarks>Example: <c>Tensor c = nn.MM().Forward(new Table(torch.Tensor(2, 3).Uniform(), torch.Tensor(3, 4).Uniform()));</c></remarks>
public class MM : Module
{
    /// <summary>Transpose A first (Lua's <c>transA</c>). Example: <c>m.TransA</c>.</summary>
    public bool TransA;
    /// <summary>Transpose B first (Lua's <c>transB</c>). Example: <c>m.TransB</c>.</summary>
    public bool TransB;

    /// <summary>A matrix-product layer. Example: <c>new MM(transA: true)</c>.</summary>
    public MM(bool transA = false, bool transB = false) => (TransA, TransB) = (transA, transB);

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = Internal.TableArgs.Tensors(input, this);
        if (xs.Count != 2 || xs[0].Dim() != xs[1].Dim() || xs[0].Dim() is not (2 or 3))
            throw new ArgumentException($"{this}: expected a table of two matrices or two batches of matrices, got {string.Join(", ", xs.Select(x => x.SizeString()))}");
        using var a = TransA ? xs[0].Raw.transpose(-1, -2) : xs[0].Raw.alias();
        using var b = TransB ? xs[1].Raw.transpose(-1, -2) : xs[1].Raw.alias();
        if (a.size(-1) != b.size(-2))
            throw new ArgumentException($"{this}: matrix sizes do not match: {xs[0].SizeString()} and {xs[1].SizeString()}");
        return Emit(a.matmul(b));
    }
}
