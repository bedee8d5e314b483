using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Padding(dim, pad[, nInputDim, value=0, index=1])</c>: adds abs(pad) slices of <see cref="Value"/> along a dimension,
/// before slice <see cref="Index"/> counted from the left when pad &lt; 0, or from the right when pad &gt; 0 (so by default after the input).</summary>
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
    /// <summary>Where the padding goes, 1-based (Lua's <c>index</c>). Example: <c>p.Index</c>.</summary>
    public int Index;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dim", ref Dim);
        m.Field("pad", ref Pad);
        m.Field("nInputDim", ref NInputDim);
        m.Field("value", ref Value);
        m.Field("index", ref Index);
    }

    /// <summary>A padding layer. Example: <c>new Padding(2, -1, 1, 0, 2)</c>.</summary>
    public Padding(int dim, int pad, int? nInputDim = null, double value = 0, int index = 1)
    {
        (Dim, Pad, NInputDim, Value, Index) = (dim, pad, nInputDim, value, index);
        LuaOnly(("outputSize", torch.LongStorage(0))); // Lua's; Torch7's forward resizes it
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        int d = Internal.TableArgs.Dim(Dim, NInputDim, x);
        if (d < 1 || d > x.Dim()) throw new ArgumentException($"{this}: dimension {d} out of range for an input of size {x.SizeString()}");
        var sizes = x.Raw.shape;
        long n = sizes[d - 1], at = Pad > 0 ? n - Index + 2 : Index;  // Lua: the padding starts at slice `at` of the input
        if (at < 1 || at > n + 1) throw new ArgumentException($"{this}: index {Index} out of range for dimension {d} of an input of size {x.SizeString()}");
        sizes[d - 1] = Math.Abs(Pad);
        using var pad = KeptScalars.Full(sizes, Value, x.Raw.dtype);
        using var head = x.Raw.narrow(d - 1, 0, at - 1);
        using var tail = x.Raw.narrow(d - 1, at - 1, n - at + 1);
        return Emit(TS.cat(new[] { head, pad, tail }, d - 1));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Padding"/> (Lua's <c>nn.Padding</c>). Example: <c>var m = nn.Padding(dim, pad);</c></summary>
    public static Padding Padding(int dim, int pad, int? nInputDim = null, double value = 0, int index = 1) => new(dim, pad, nInputDim, value, index);
}
