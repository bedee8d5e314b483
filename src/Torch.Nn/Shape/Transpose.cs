namespace Torch.Nn;

/// <summary>Lua's <c>nn.Transpose({d1, d2}, ...)</c>: swaps each pair of dimensions in turn.</summary>
/// <remarks>Example: <c>Tensor y = nn.Transpose(new[] { 1, 2 }).Forward(torch.Tensor(2, 3));  // 3x2</c></remarks>
public class Transpose : Module
{
    /// <summary>The pairs of 1-based dimensions (Lua's <c>permutations</c>). Example: <c>t.Permutations</c>.</summary>
    public int[][] Permutations;

    /// <summary>A transposition layer. Example: <c>new Transpose(new[] { 1, 2 }, new[] { 2, 3 })</c>.</summary>
    public Transpose(params int[][] permutations)
    {
        if (permutations.Any(p => p.Length != 2)) throw new ArgumentException("nn.Transpose: each permutation is a pair of dimensions");
        Permutations = permutations;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var t = x.Raw.alias();
        foreach (var p in Permutations)
        {
            if (p.Any(d => d < 1 || d > x.Dim())) throw new ArgumentException($"{this}: dimensions ({p[0]}, {p[1]}) out of range for an input of size {x.SizeString()}");
            var next = t.transpose(p[0] - 1, p[1] - 1);
            t.Dispose();
            t = next;
        }
        using (t) return Emit(t.contiguous().clone()); // Lua copies into its own output
    }
}
