using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.CAddTable([inplace])</c>: the element-wise sum of a table of tensors; each gradInput is the gradOutput.</summary>
/// <remarks>Example: <c>Tensor s = nn.CAddTable().Forward(new Table(a, b));</c></remarks>
public class CAddTable : Module
{
    /// <summary>Lua's <c>inplace</c>: the sum is written into the first input. Example: <c>m.Inplace</c>.</summary>
    public bool Inplace;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("inplace", ref Inplace);
    }

    /// <summary>A sum layer. Example: <c>new CAddTable()</c>.</summary>
    public CAddTable(bool inplace = false)
    {
        Inplace = inplace;
        LuaTables(output: false, gradInput: true);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = TableArgs.Tensors(input, this);
        for (int i = 1; i < xs.Count; i++)
            if (xs[i].NElement() != xs[0].NElement())
                throw new ArgumentException($"{this}: input {i + 1} of size {xs[i].SizeString()} does not match input 1 of size {xs[0].SizeString()}");
        var o = Inplace ? xs[0] : Buffers.Fit(ref Output, xs[0].ScalarType).ResizeAs(xs[0]);
        if (xs.Count == 1 && !Inplace) Loops.CopyInto(o, xs[0]);
        for (int i = 1; i < xs.Count; i++) Loops.Sum(o, i == 1 ? xs[0] : o, xs[i]);
        Output = o;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var xs = TableArgs.Tensors(input, this);
        var g = InputTensor(gradOutput, "gradOutput");
        var gi = Buffers.Tensors(ref GradInput, xs.Count, g);
        for (int i = 1; i <= xs.Count; i++)
        {
            var buffer = (Tensor)gi[i];
            if (Inplace) buffer.Set(g);
            else Loops.CopyInto(buffer.ResizeAs(xs[i - 1]), g);
        }
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CAddTable"/> (Lua's <c>nn.CAddTable</c>). Example: <c>var m = nn.CAddTable();</c></summary>
    public static CAddTable CAddTable(bool inplace = false) => new(inplace);
}
