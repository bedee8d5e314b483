using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.CMulTable()</c>: the element-wise product of a table of tensors. Explicit gradients, as Lua's: the
/// gradient of input i is gradOutput times every other input, in reused buffers.</summary>
/// <remarks>Example: <c>Tensor y = nn.CMulTable().Forward(new Table(a, b));</c></remarks>
public class CMulTable : Module
{
    /// <summary>A new CMulTable, its gradInput an empty table as Lua's. Example: <c>new CMulTable()</c>.</summary>
    public CMulTable() => LuaTables(output: false, gradInput: true);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = TableArgs.Tensors(input, this);
        TableArgs.SameElements(xs, this);
        var o = Buffers.Fit(ref Output, xs[0].ScalarType).ResizeAs(xs[0]);
        if (xs.Count == 1) Loops.CopyInto(o, xs[0]);
        for (int i = 1; i < xs.Count; i++) Loops.Product(o, i == 1 ? xs[0] : o, xs[i]);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var xs = TableArgs.Tensors(input, this);
        TableArgs.SameElements(xs, this);
        var g = InputTensor(gradOutput, "gradOutput");
        if (g.NElement() != xs[0].NElement())
            throw new ArgumentException($"{this}: gradOutput of size {g.SizeString()} does not match the output of size {xs[0].SizeString()}");
        var gi = Buffers.Tensors(ref GradInput, xs.Count, g);
        for (int i = 0; i < xs.Count; i++)
        {
            var buffer = ((Tensor)gi[i + 1]).ResizeAs(xs[i]);
            // Lua's copy of gradOutput then a cmul by each other input, in order: the first product reads gradOutput itself
            bool first = true;
            for (int j = 0; j < xs.Count; j++)
                if (j != i)
                {
                    Loops.Product(buffer, first ? g : buffer, xs[j]);
                    first = false;
                }
            if (first) Loops.CopyInto(buffer, g);
        }
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CMulTable"/> (Lua's <c>nn.CMulTable</c>). Example: <c>var m = nn.CMulTable();</c></summary>
    public static CMulTable CMulTable() => new();
}
