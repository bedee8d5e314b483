using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SplitTable(dim[, nInputDims])</c>: a table of the slices of the input along a dimension (views).</summary>
/// <remarks>Example: <c>Table rows = nn.SplitTable(1).Forward(torch.Tensor(3, 4));  // 3 tensors of size 4</c></remarks>
public class SplitTable : Module
{
    /// <summary>The dimension (Lua's <c>dimension</c>; negative counts from the end). Example: <c>s.Dimension</c>.</summary>
    public int Dimension;
    /// <summary>Dimensions of one sample, or null (Lua's <c>nInputDims</c>). Example: <c>s.NInputDims</c>.</summary>
    public int? NInputDims;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dimension", ref Dimension);
        m.Field("nInputDims", ref NInputDims);
    }

    /// <summary>A split layer. Example: <c>new SplitTable(1)</c>.</summary>
    public SplitTable(int dimension, int? nInputDims = null) => (Dimension, NInputDims) = (dimension, nInputDims);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        int d = TableArgs.Dim(Dimension, NInputDims, x);
        if (d < 1 || d > x.Dim()) throw new ArgumentException($"{this}: dimension {d} out of range for an input of size {x.SizeString()}");
        var outs = new Table();
        for (long i = 1; i <= x.Size(d); i++) outs.Insert(x.Select(d, i));
        Output = outs;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        int d = TableArgs.Dim(Dimension, NInputDims, x);
        var gs = TableArgs.Of(gradOutput, this, "gradOutput");
        if (GradInput.IsNil) return GradInput; // Lua's idiom: gradInput = nil skips it
        // as Lua's: each slice of the kept buffer gets its gradient (zero where there is none), no new tensor
        var gi = Buffers.Fit(ref GradInput, x.ScalarType).ResizeAs(x);
        for (long i = 1; i <= x.Size(d); i++)
        {
            if (gs[(int)i].Object is Tensor dense && Loops.CopyIntoSlice(gi, d - 1, i - 1, dense)) continue;
            using var slice = gi.Handle.select(d - 1, i - 1);
            switch (gs[(int)i].Object)
            {
                case null: slice.zero_(); break;
                case Tensor g when g.NElement() == slice.numel():
                    if (g.IsSize(slice.shape)) slice.copy_(g.Handle);
                    else gi.Select(d, i).Copy(g); // Lua's copy: the same number of elements in any shape
                    break;
                default:
                    throw new ArgumentException($"{this}: element {i} of the gradOutput table should be a Tensor of {slice.numel()} elements, got {gs[(int)i].Describe()}");
            }
        }
        return GradInput;
    }

    /// <summary>Torch7's text: the class name. Example: <c>nn.SplitTable(1).ToString() == "nn.SplitTable"</c>.</summary>
    public override string ToString() => TypeName;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SplitTable"/> (Lua's <c>nn.SplitTable</c>). Example: <c>var m = nn.SplitTable(dimension);</c></summary>
    public static SplitTable SplitTable(int dimension, int? nInputDims = null) => new(dimension, nInputDims);
}
