namespace Torch.Nn;

/// <summary>Lua's <c>nn.Transpose({d1, d2}, ...)</c>: swaps each pair of dimensions in turn (counted after the leading batch dimensions
/// when <see cref="SetNumInputDims"/> was called).</summary>
/// <remarks>Example: <c>Tensor y = nn.Transpose(new[] { 1, 2 }).Forward(torch.Tensor(2, 3));  // 3x2</c></remarks>
public class Transpose : Module
{
    /// <summary>The pairs of 1-based dimensions (Lua's <c>permutations</c>). Example: <c>t.Permutations</c>.</summary>
    public int[][] Permutations;
    /// <summary>Number of non-batch input dimensions, or null (Lua's <c>numInputDims</c>). Example: <c>t.NumInputDims</c>.</summary>
    public int? NumInputDims;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("permutations", ref Permutations);
        m.Field("numInputDims", ref NumInputDims);
    }

    /// <summary>A transposition layer. Example: <c>new Transpose(new[] { 1, 2 }, new[] { 2, 3 })</c>.</summary>
    public Transpose(params int[][] permutations)
    {
        if (permutations.Any(p => p.Length != 2)) throw new ArgumentException("nn.Transpose: each permutation is a pair of dimensions");
        Permutations = permutations;
    }

    /// <summary>Sets how many trailing dimensions are one sample: the pairs then count from the first of them (Lua's
    /// <c>setNumInputDims</c>). Example: <c>nn.Transpose(new[] { 1, 2 }).SetNumInputDims(2)</c>.</summary>
    public Transpose SetNumInputDims(int numInputDims)
    {
        NumInputDims = numInputDims;
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var t = x.Raw.alias();
        int offset = NumInputDims is int n ? x.Dim() - n : 0;
        foreach (var p in Permutations.Select(p => p.Select(d => d + offset).ToArray()))
        {
            if (p.Any(d => d < 1 || d > x.Dim())) throw new ArgumentException($"{this}: dimensions ({p[0]}, {p[1]}) out of range for an input of size {x.SizeString()}");
            var next = t.transpose(p[0] - 1, p[1] - 1);
            t.Dispose();
            t = next;
        }
        using (t) return Emit(t.contiguous().clone()); // Lua copies into its own output
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Transpose"/> (Lua's <c>nn.Transpose</c>). Example: <c>var m = nn.Transpose(permutations);</c></summary>
    public static Transpose Transpose(params int[][] permutations) => new(permutations);
}
