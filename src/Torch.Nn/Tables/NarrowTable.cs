namespace Torch.Nn;

/// <summary>Lua's <c>nn.NarrowTable(offset[, length=1])</c>: the sub-table of <see cref="Length"/> elements from 1-based <see cref="Offset"/>.</summary>
/// <remarks>Example: <c>Table t = nn.NarrowTable(2, 2).Forward(new Table(a, b, c));  // {b, c}</c></remarks>
public class NarrowTable : Module
{
    /// <summary>The first element (Lua's <c>offset</c>). Example: <c>n.Offset</c>.</summary>
    public int Offset;
    /// <summary>The number of elements (Lua's <c>length</c>). Example: <c>n.Length</c>.</summary>
    public int Length;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("offset", ref Offset);
        m.Field("length", ref Length);
    }

    /// <summary>A table-narrowing layer. Example: <c>new NarrowTable(1, 2)</c>.</summary>
    public NarrowTable(int offset, int length = 1)
    {
        (Offset, Length) = (offset, length);
        LuaTables(output: true, gradInput: true);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var t = Internal.TableArgs.Of(input, this);
        if (Offset < 1 || Offset + Length - 1 > t.Length)
            throw new ArgumentException($"{this}: elements {Offset}..{Offset + Length - 1} out of range for a table of {t.Length}");
        var r = new Table();
        for (int i = 0; i < Length; i++) r.Insert(t[Offset + i]);
        Output = r;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var t = Internal.TableArgs.Of(input, this);
        var g = Internal.TableArgs.Of(gradOutput, this, "gradOutput");
        var r = new Table();
        for (int i = 1; i <= t.Length; i++)
            r.Insert(i >= Offset && i < Offset + Length ? g[i - Offset + 1] : Internal.Values.Map(t[i], x => x.New().ResizeAs(x).Zero()));
        GradInput = r;
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.NarrowTable"/> (Lua's <c>nn.NarrowTable</c>). Example: <c>var m = nn.NarrowTable(offset);</c></summary>
    public static NarrowTable NarrowTable(int offset, int length = 1) => new(offset, length);
}
