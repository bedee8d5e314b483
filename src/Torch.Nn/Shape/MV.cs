namespace Torch.Nn;

/// <summary>Lua's <c>nn.MV([trans=false])</c>: the product of a table {M, v} of a matrix and a vector (or batches of them).</summary>
/// <remarks>Example: <c>Tensor y = nn.MV().Forward(new Table(torch.Tensor(2, 3).Uniform(), torch.Tensor(3).Uniform()));</c></remarks>
public class MV : Module
{
    /// <summary>Transpose M first (Lua's <c>trans</c>). Example: <c>m.Trans</c>.</summary>
    public bool Trans;

    /// <summary>A matrix-vector layer. Example: <c>new MV(true)</c>.</summary>
    public MV(bool trans = false) => Trans = trans;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = Internal.TableArgs.Tensors(input, this);
        if (xs.Count != 2 || xs[0].Dim() != xs[1].Dim() + 1 || xs[0].Dim() is not (2 or 3))
            throw new ArgumentException($"{this}: expected a table {{matrix, vector}} or batches of them, got {string.Join(", ", xs.Select(x => x.SizeString()))}");
        using var m = Trans ? xs[0].Raw.transpose(-1, -2) : xs[0].Raw.alias();
        if (m.size(-1) != xs[1].Raw.size(-1))
            throw new ArgumentException($"{this}: sizes do not match: {xs[0].SizeString()} and {xs[1].SizeString()}");
        using var v = xs[1].Raw.unsqueeze(-1);
        using var r = m.matmul(v);
        return Emit(r.squeeze(-1));
    }
}
