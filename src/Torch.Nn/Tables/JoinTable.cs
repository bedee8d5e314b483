using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.JoinTable(dim[, nInputDims])</c>: concatenates a table of tensors along <see cref="Dimension"/> (one further
/// when the inputs carry a batch dimension beyond <see cref="NInputDims"/>).</summary>
/// <remarks>Example: <c>Tensor joined = nn.JoinTable(1).Forward(new Table(a, b));</c></remarks>
public class JoinTable : Module
{
    /// <summary>The dimension (Lua's <c>dimension</c>; negative counts from the end). Example: <c>j.Dimension</c>.</summary>
    public int Dimension;
    /// <summary>Dimensions of one sample, or null (Lua's <c>nInputDims</c>). Example: <c>j.NInputDims</c>.</summary>
    public int? NInputDims;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dimension", ref Dimension);
        m.Field("nInputDims", ref NInputDims);
    }

    /// <summary>A join layer. Example: <c>new JoinTable(2, 1)</c>.</summary>
    public JoinTable(int dimension, int? nInputDims = null)
    {
        (Dimension, NInputDims) = (dimension, nInputDims);
        LuaTables(output: false, gradInput: true);
        LuaOnly(("size", torch.LongStorage(0))); // Lua's; Torch7's forward resizes it
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = TableArgs.Tensors(input, this);
        int d = TableArgs.Dim(Dimension, NInputDims, xs[0]);
        for (int i = 0; i < xs.Count; i++)
        {
            if (d < 1 || d > xs[i].Dim())
                throw new ArgumentException($"{this}: dimension {d} out of range for input {i + 1} of size {xs[i].SizeString()}");
            for (int k = 1; k <= xs[0].Dim(); k++)
                if (k != d && (xs[i].Dim() != xs[0].Dim() || xs[i].Size(k) != xs[0].Size(k)))
                    throw new ArgumentException($"{this}: input {i + 1} of size {xs[i].SizeString()} does not match input 1 of size {xs[0].SizeString()} outside dimension {d}");
        }
        return Emit(TS.cat(xs.Select(x => x.Raw).ToArray(), d - 1));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var xs = TableArgs.Tensors(input, this);
        var g = InputTensor(gradOutput, "gradOutput");
        int d = TableArgs.Dim(Dimension, NInputDims, xs[0]);
        var old = GradInput.Object as Table;
        var gi = new Table();
        long offset = 1;
        for (int i = 0; i < xs.Count; i++)
        {
            long size = xs[i].Size(d);
            using var slice = g.Narrow(d, offset, size);
            var buffer = old?[i + 1].Object is Tensor b && b.Type() == g.Type() ? b : g.New();
            gi.Insert(buffer.ResizeAs(slice).Copy(slice));
            offset += size;
        }
        GradInput = gi;
        return GradInput;
    }

    /// <summary>Torch7's text: the class name. Example: <c>nn.JoinTable(1).ToString() == "nn.JoinTable"</c>.</summary>
    public override string ToString() => TypeName;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.JoinTable"/> (Lua's <c>nn.JoinTable</c>). Example: <c>var m = nn.JoinTable(dimension);</c></summary>
    public static JoinTable JoinTable(int dimension, int? nInputDims = null) => new(dimension, nInputDims);
}
