using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Padding(dim, pad[, nInputDim, value=0])</c>: adds abs(pad) slices of <see cref="Value"/> along a dimension,
/// after the input when pad &gt; 0 and before it when pad &lt; 0.</summary>
/// <remarks>Example: <c>Tensor y = nn.Padding(1, 2).Forward(torch.Tensor(3));  // size 5</c></remarks>
public class Padding : Module
{
    /// <summary>The dimension (Lua's <c>dim</c>). Example: <c>p.Dim</c>.</summary>
    public int Dim;
    /// <summary>The amount and side (Lua's <c>pad</c>). Example: <c>p.Pad</c>.</summary>
    public int Pad;
    /// <summary>Dimensions of one sample, or null (Lua's <c>nInputDim</c>). Example: <c>p.NInputDim</c>.</summary>
    public int? NInputDim;
    /// <summary>The padding value (Lua's <c>value</c>). Example: <c>p.Value</c>.</summary>
    public double Value;

    /// <summary>A padding layer. Example: <c>new Padding(2, -1, 1, 0)</c>.</summary>
    public Padding(int dim, int pad, int? nInputDim = null, double value = 0) => (Dim, Pad, NInputDim, Value) = (dim, pad, nInputDim, value);

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        int d = Internal.TableArgs.Dim(Dim, NInputDim, x);
        if (d < 1 || d > x.Dim()) throw new ArgumentException($"{this}: dimension {d} out of range for an input of size {x.SizeString()}");
        var sizes = x.Raw.shape;
        sizes[d - 1] = Math.Abs(Pad);
        using var pad = TS.full(sizes, Value, x.Raw.dtype);
        return Emit(TS.cat(Pad >= 0 ? new[] { x.Raw, pad } : new[] { pad, x.Raw }, d - 1));
    }
}
