namespace Torch.Nn;

/// <summary>Lua's <c>nn.Bottle(module[, nInputDim=2, nOutputDim=nInputDim])</c>: applies a module made for nInputDim-dimensional input to
/// inputs with more leading dimensions, by folding them into one batch dimension and unfolding the output.</summary>
/// <remarks>Example: <c>Tensor y = nn.Bottle(nn.Linear(4, 3)).Forward(torch.Tensor(2, 5, 4));  // 2x5x3</c></remarks>
public class Bottle : Decorator
{
    /// <summary>Dimensions the module expects (Lua's <c>nInputDim</c>). Example: <c>b.NInputDim</c>.</summary>
    public int NInputDim;
    /// <summary>Dimensions it produces (Lua's <c>nOutputDim</c>). Example: <c>b.NOutputDim</c>.</summary>
    public int NOutputDim;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputDim", ref NInputDim);
        m.Field("nOutputDim", ref NOutputDim);
    }

    /// <summary>Wraps <paramref name="module"/>. Example: <c>new Bottle(nn.Linear(4, 3), 2)</c>.</summary>
    public Bottle(Module module, int nInputDim = 2, int? nOutputDim = null) : base(module)
    {
        (NInputDim, NOutputDim) = (nInputDim, nOutputDim ?? nInputDim);
        LuaOnly(("dimDelta", (double)(NInputDim - NOutputDim)), ("inShape", torch.Tensor(NInputDim).Zero()), ("outShape", torch.Tensor(NOutputDim).Zero())); // Lua's
    }

    long[] Lead(Tensor x) => x.Size().Take(x.Dim() - NInputDim + 1).ToArray();

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        if (x.Dim() <= NInputDim) return base.UpdateOutput(input);
        var folded = x.Contiguous().View(new[] { -1L }.Concat(x.Size().Skip(x.Dim() - NInputDim + 1)).ToArray());
        Tensor y = base.UpdateOutput(folded);
        Output = y.Contiguous().View(Lead(x).Concat(y.Size().Skip(1)).ToArray());
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        if (x.Dim() <= NInputDim) return base.UpdateGradInput(input, gradOutput);
        var g = InputTensor(gradOutput, "gradOutput").Contiguous();
        var folded = x.Contiguous().View(new[] { -1L }.Concat(x.Size().Skip(x.Dim() - NInputDim + 1)).ToArray());
        var gFolded = g.View(new[] { -1L }.Concat(g.Size().Skip(x.Dim() - NInputDim + 1)).ToArray());
        Tensor gi = ChildGradInput(0, folded, gFolded);
        GradInput = gi.Contiguous().View(x.Size());
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass)
    {
        var x = InputTensor(input);
        if (x.Dim() <= NInputDim) { base.ForEachChildBackward(input, gradOutput, pass); return; }
        var g = InputTensor(gradOutput, "gradOutput").Contiguous();
        var folded = x.Contiguous().View(new[] { -1L }.Concat(x.Size().Skip(x.Dim() - NInputDim + 1)).ToArray());
        var gFolded = g.View(new[] { -1L }.Concat(g.Size().Skip(x.Dim() - NInputDim + 1)).ToArray());
        Child(0, pass, folded, gFolded);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Bottle"/> (Lua's <c>nn.Bottle</c>). Example: <c>var m = nn.Bottle(module);</c></summary>
    public static Bottle Bottle(Module module, int nInputDim = 2, int? nOutputDim = null) => new(module, nInputDim, nOutputDim);
}
