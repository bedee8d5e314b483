namespace Torch.Nn;

/// <summary>Lua's <c>nn.CReLU(nInputDims[, inplace])</c>: the concatenation of ReLU(x) and ReLU(-x) along the feature dimension
/// (a <see cref="Sequential"/> of ConcatTable(Identity, MulConstant(-1)), JoinTable and ReLU).</summary>
/// <remarks>Example: <c>Tensor y = nn.CReLU(1).Forward(torch.Tensor(4).Uniform(-1, 1));  // size 8</c></remarks>
public class CReLU : Sequential
{
    /// <summary>Dimensions of one sample (Lua's <c>nInputDims</c>). Example: <c>c.NInputDims</c>.</summary>
    public int NInputDims;
    /// <summary>Whether its ReLU works in place (Lua's <c>inplace</c>). Example: <c>c.Inplace</c>.</summary>
    public bool Inplace;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputDims", ref NInputDims);
        m.Field("inplace", ref Inplace);
    }

    /// <summary>A concatenated rectifier. Example: <c>new CReLU(3)</c>.</summary>
    public CReLU(int nInputDims, bool inplace = false)
    {
        (NInputDims, Inplace) = (nInputDims, inplace);
        Add(new ConcatTable().Add(new Identity()).Add(new MulConstant(-1)));
        Add(new JoinTable(2));
        Add(new ReLU(inplace));
    }

    /// <summary>Each sample flattened (Lua's view to batch x -1), so that the children join along dimension 2, as Lua's children are
    /// (a file written here runs in Torch7).</summary>
    Tensor Flat(Tensor t, Tensor input) => input.Dim() == NInputDims + 1 ? t.View(input.Size(1), -1) : t.View(1, -1);

    /// <summary>Lua's updateOutput: the children on the flattened samples, the output resized to the input's with twice the features.
    /// Example: <c>Tensor y = c.UpdateOutput(x);</c></summary>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        base.UpdateOutput(Flat(x, x));
        var size = x.Size();
        size[x.Dim() == NInputDims + 1 ? 1 : 0] *= 2;
        Output = ((Tensor)Output).Resize(size);
        return Output;
    }

    /// <summary>Lua's updateGradInput: the children's on the flattened samples, resized as the input. Example: <c>c.UpdateGradInput(x, g);</c></summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        base.UpdateGradInput(Flat(x, x), Flat(InputTensor(gradOutput, "gradOutput").Contiguous(), x));
        GradInput = ((Tensor)GradInput).ResizeAs(x);
        return GradInput;
    }

    /// <summary>Nothing: a CReLU has no parameters (Lua's backward skips accGradParameters). Example: <c>c.AccGradParameters(x, g);</c></summary>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1) { }

    /// <summary>Lua's backward: updateGradInput alone (not Sequential's pass through the children, which this class's gradInput
    /// reshapes around).</summary>
    protected internal override LuaValue BackwardPass(LuaValue input, LuaValue gradOutput, double scale) => UpdateGradInput(input, gradOutput);

    /// <summary>Torch7's text: "CReLU()" (without the package name, as Lua's). Example: <c>c.ToString()</c>.</summary>
    public override string ToString() => "CReLU()";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CReLU"/> (Lua's <c>nn.CReLU</c>). Example: <c>var m = nn.CReLU(nInputDims);</c></summary>
    public static CReLU CReLU(int nInputDims, bool inplace = false) => new(nInputDims, inplace);
}
