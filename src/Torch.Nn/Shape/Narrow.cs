namespace Torch.Nn;

/// <summary>Lua's <c>nn.Narrow(dim, offset[, length=1])</c>: a copy of <c>length</c> slices from 1-based offset along a
/// dimension (a negative dim counts from the end, -1 being the last). Negative offsets and lengths are resolved as Torch7's
/// Narrow.lua (nn 8726825) resolves them, so that ported programs take the same slices: a negative length becomes
/// size - offset + length + 2 (-1 reaches the last slice), and then a negative offset gives the slices 1 .. size - length.</summary>
/// <remarks>Example: <c>Tensor y = nn.Narrow(1, 2, 3).Forward(torch.Tensor(5));  // elements 2..4</c></remarks>
public class Narrow : Module
{
    /// <summary>The dimension (Lua's <c>dimension</c>). Example: <c>n.Dimension</c>.</summary>
    public int Dimension;
    /// <summary>The 1-based start (Lua's <c>index</c>; negative values as Lua resolves them, see the class). Example: <c>n.Index</c>.</summary>
    public long Index;
    /// <summary>The number of slices (Lua's <c>length</c>). Example: <c>n.Length</c>.</summary>
    public long Length;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dimension", ref Dimension);
        m.Field("index", ref Index);
        m.Field("length", ref Length);
    }

    /// <summary>A narrowing layer. Example: <c>new Narrow(2, 1, 3)</c>.</summary>
    public Narrow(int dimension, long offset, long length = 1) => (Dimension, Index, Length) = (dimension, offset, length);

    (int Dim, long Index, long Length) Resolve(Tensor x)
    {
        int d = Dimension < 0 ? x.Dim() + Dimension + 1 : Dimension;
        if (d < 1 || d > x.Dim()) throw new ArgumentException($"{this}: dimension {Dimension} out of range for an input of size {x.SizeString()}");
        long size = x.Size(d);
        long len = Length < 0 ? size - Index + Length + 2 : Length, index = Index;
        if (index < 0) (index, len) = (1, size - len);
        if (index < 1 || len < 0 || index + len - 1 > x.Size(d))
            throw new ArgumentException($"{this}: slices {index}..{index + len - 1} out of range for dimension {d} of an input of size {x.SizeString()}");
        return (d, index, len);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var (d, index, len) = Resolve(x);
        using var v = x.Narrow(d, index, len);
        return Internal.Buffers.Fit(ref Output, x.ScalarType).ResizeAs(v).Copy(v);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        var (d, index, len) = Resolve(x);
        var gi = Internal.Buffers.Fit(ref GradInput, x.ScalarType).ResizeAs(x).Zero();
        using var v = gi.Narrow(d, index, len);
        v.Copy(InputTensor(gradOutput, "gradOutput"));
        return GradInput;
    }

    /// <summary>Torch7's text: the class name. Example: <c>n.ToString() == "nn.Narrow"</c>.</summary>
    public override string ToString() => TypeName;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Narrow"/> (Lua's <c>nn.Narrow</c>). Example: <c>var m = nn.Narrow(dimension, offset);</c></summary>
    public static Narrow Narrow(int dimension, long offset, long length = 1) => new(dimension, offset, length);
}
