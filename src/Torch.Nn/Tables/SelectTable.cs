using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SelectTable(index)</c>: element <see cref="Index"/> of the input table (negative counts from the end);
/// the gradInput holds the gradOutput there and zeros elsewhere.</summary>
/// <remarks>Example: <c>Tensor second = nn.SelectTable(2).Forward(new Table(a, b));</c></remarks>
public class SelectTable : Module
{
    /// <summary>The 1-based index (Lua's <c>index</c>). Example: <c>s.Index</c>.</summary>
    public int Index;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("index", ref Index);
    }

    /// <summary>A selection layer. Example: <c>new SelectTable(-1)</c>.</summary>
    public SelectTable(int index)
    {
        Index = index;
        LuaTables(output: false, gradInput: true);
    }

    int Resolve(Table t)
    {
        int i = Index < 0 ? t.Length + Index + 1 : Index;
        if (i < 1 || i > t.Length) throw new IndexOutOfRangeException($"{this}: index {Index} out of range for a table of {t.Length} elements");
        return i;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var t = TableArgs.Of(input, this);
        Output = t[Resolve(t)];
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var t = TableArgs.Of(input, this);
        int k = Resolve(t);
        var gi = new Table();
        for (int i = 1; i <= t.Length; i++)
            gi.Insert(i == k ? Sums.CopyOf(LuaValue.Nil, gradOutput) : Zeros(t[i]));
        GradInput = gi;
        return GradInput;
    }

    static LuaValue Zeros(LuaValue like) => like.Object switch
    {
        Tensor x => x.New().ResizeAs(x).Zero(),
        Table tb => new Table(tb.IPairs().Select(Zeros).ToArray()),
        _ => like,
    };

    /// <summary>Torch7's text, e.g. "nn.SelectTable(2)". Example: <c>s.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({Index})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SelectTable"/> (Lua's <c>nn.SelectTable</c>). Example: <c>var m = nn.SelectTable(index);</c></summary>
    public static SelectTable SelectTable(int index) => new(index);
}
