namespace Torch.Nn;

/// <summary>Lua's <c>nn.Select(dim, index)</c>: a copy of the slice at <see cref="Index"/> along a dimension (negative counts from the end),
/// one dimension less.</summary>
/// <remarks>Example: <c>Tensor row = nn.Select(1, 2).Forward(torch.Tensor(3, 4));  // size 4</c></remarks>
public class Select : Module
{
    /// <summary>The dimension (Lua's <c>dimension</c>). Example: <c>s.Dimension</c>.</summary>
    public int Dimension;
    /// <summary>The 1-based index (Lua's <c>index</c>). Example: <c>s.Index</c>.</summary>
    public long Index;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dimension", ref Dimension);
        m.Field("index", ref Index);
    }

    /// <summary>A selection layer. Example: <c>new Select(2, -1)</c>.</summary>
    public Select(int dimension, long index) => (Dimension, Index) = (dimension, index);

    (int Dim, long Index) Resolve(Tensor x)
    {
        int d = Dimension < 0 ? x.Dim() + Dimension + 1 : Dimension;
        if (d < 1 || d > x.Dim()) throw new ArgumentException($"{this}: dimension {Dimension} out of range for an input of size {x.SizeString()}");
        long i = Index < 0 ? x.Size(d) + Index + 1 : Index;
        if (i < 1 || i > x.Size(d)) throw new IndexOutOfRangeException($"{this}: index {Index} out of range for dimension {d} of size {x.Size(d)}");
        return (d, i);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var (d, i) = Resolve(x);
        using var v = x.Select(d, i);
        return Internal.Buffers.Fit(ref Output, x.ScalarType).ResizeAs(v).Copy(v);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        var (d, i) = Resolve(x);
        var gi = Internal.Buffers.Fit(ref GradInput, x.ScalarType).ResizeAs(x).Zero();
        using var v = gi.Select(d, i);
        v.Copy(InputTensor(gradOutput, "gradOutput"));
        return GradInput;
    }

    /// <summary>Torch7's text: the class name. Example: <c>s.ToString() == "nn.Select"</c>.</summary>
    public override string ToString() => TypeName;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Select"/> (Lua's <c>nn.Select</c>). Example: <c>var m = nn.Select(dimension, index);</c></summary>
    public static Select Select(int dimension, long index) => new(dimension, index);
}
