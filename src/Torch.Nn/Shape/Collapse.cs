namespace Torch.Nn;

/// <summary>Lua's <c>nn.Collapse(nInputDim)</c>: the input flattened to 1-D, or to B x (rest) when it has more than nInputDim dimensions.</summary>
/// <remarks>Example: <c>Tensor y = nn.Collapse(2).Forward(torch.Tensor(4, 3, 2));  // 4x6</c></remarks>
public class Collapse : Module
{
    /// <summary>Dimensions of one sample (Lua's <c>nInputDim</c>). Example: <c>c.NInputDim</c>.</summary>
    public int NInputDim;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputDim", ref NInputDim);
    }

    /// <summary>A flattening layer. Example: <c>new Collapse(3)</c>.</summary>
    public Collapse(int nInputDim) => NInputDim = nInputDim;

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Contiguous();
        using var v = x.Dim() > NInputDim ? x.View(x.Size(1), -1) : x.View(-1);
        Output = Internal.Buffers.Fit(ref Output, x.ScalarType).Set(v);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) =>
        EmitGradInput(InputTensor(gradOutput, "gradOutput").Raw.reshape(InputTensor(input).Raw.shape));
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Collapse"/> (Lua's <c>nn.Collapse</c>). Example: <c>var m = nn.Collapse(nInputDim);</c></summary>
    public static Collapse Collapse(int nInputDim) => new(nInputDim);
}
