using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Index(dim)</c>: for a table {t, indices}, the slices of t at the 1-based indices along <see cref="Dimension"/>.</summary>
/// <remarks>Example: <c>Tensor rows = nn.Index(1).Forward(new Table(t, torch.LongTensor(new[] { 3.0, 1 })));</c></remarks>
public class Index : Module
{
    /// <summary>The dimension (Lua's <c>dimension</c>). Example: <c>i.Dimension</c>.</summary>
    public int Dimension;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dimension", ref Dimension);
    }

    /// <summary>An index layer. Example: <c>new Index(2)</c>.</summary>
    public Index(int dimension) => (Dimension, GradInput) = (dimension, new Table(torch.Tensor(), torch.Tensor())); // Lua's gradInput

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = Internal.TableArgs.Tensors(input, this);
        if (xs.Count != 2) throw new ArgumentException($"{this}: expected a table {{tensor, indices}}, got {xs.Count} tensors");
        var (t, idx) = (xs[0], xs[1]);
        if (Dimension < 1 || Dimension > t.Dim()) throw new ArgumentException($"{this}: dimension {Dimension} out of range for size {t.SizeString()}");
        long n = t.Size(Dimension);
        foreach (var v in idx.ToArray())
            if (v < 1 || v > n) throw new IndexOutOfRangeException($"{this}: index {v} out of range (expected 1..{n})");
        using var i0 = idx.Raw.to_type(TS.ScalarType.Int64, copy: true).Sub_(1L);
        return Emit(t.Raw.index_select(Dimension - 1, i0));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Index"/> (Lua's <c>nn.Index</c>). Example: <c>var m = nn.Index(dimension);</c></summary>
    public static Index Index(int dimension) => new(dimension);
}
