namespace Torch.Nn;

/// <summary>Lua's <c>nn.Narrow(dim, offset[, length=1])</c>: a copy of <c>length</c> slices from 1-based offset along a
/// dimension (negative dim counts from the end; negative length counts from the end of the dimension).</summary>
/// <remarks>Example: <c>Tensor y = nn.Narrow(1, 2, 3).Forward(torch.Tensor(5));  // elements 2..4</c></remarks>
public class Narrow : Module
{
    /// <summary>The dimension (Lua's <c>dimension</c>). Example: <c>n.Dimension</c>.</summary>
    public int Dimension;
    /// <summary>The 1-based start (Lua's <c>index</c>). Example: <c>n.Index</c>.</summary>
    public long Index;
    /// <summary>The number of slices (Lua's <c>length</c>). Example: <c>n.Length</c>.</summary>
    public long Length;

    /// <summary>A narrowing layer. Example: <c>new Narrow(2, 1, 3)</c>.</summary>
    public Narrow(int dimension, long offset, long length = 1) => (Dimension, Index, Length) = (dimension, offset, length);

    (int Dim, long Length) Resolve(Tensor x)
    {
        int d = Dimension < 0 ? x.Dim() + Dimension + 1 : Dimension;
        if (d < 1 || d > x.Dim()) throw new ArgumentException($"{this}: dimension {Dimension} out of range for an input of size {x.SizeString()}");
        long len = Length < 0 ? x.Size(d) - Index + Length + 2 : Length;
        if (Index < 1 || len < 0 || Index + len - 1 > x.Size(d))
            throw new ArgumentException($"{this}: slices {Index}..{Index + len - 1} out of range for dimension {d} of an input of size {x.SizeString()}");
        return (d, len);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var (d, len) = Resolve(x);
        using var v = x.Narrow(d, Index, len);
        return Internal.Buffers.Fit(ref Output, x.ScalarType).ResizeAs(v).Copy(v);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        var (d, len) = Resolve(x);
        var gi = Internal.Buffers.Fit(ref GradInput, x.ScalarType).ResizeAs(x).Zero();
        using var v = gi.Narrow(d, Index, len);
        v.Copy(InputTensor(gradOutput, "gradOutput"));
        return GradInput;
    }

    /// <summary>Torch7's text: the class name. Example: <c>n.ToString() == "nn.Narrow"</c>.</summary>
    public override string ToString() => TypeName;
}
