namespace Torch.Nn;

/// <summary>Lua's <c>nn.Contiguous()</c>: a contiguous copy of the input (the input itself when already contiguous).</summary>
/// <remarks>Example: <c>Tensor y = nn.Contiguous().Forward(x.T());</c></remarks>
public class Contiguous : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        Output = x.IsContiguous() ? x : Internal.Buffers.Fit(ref Output, x.ScalarType).ResizeAs(x).Copy(x);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        GradInput = g.IsContiguous() ? g : Internal.Buffers.Fit(ref GradInput, g.ScalarType).ResizeAs(g).Copy(g);
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Contiguous"/> (Lua's <c>nn.Contiguous</c>). Example: <c>var m = nn.Contiguous();</c></summary>
    public static Contiguous Contiguous() => new();
}
