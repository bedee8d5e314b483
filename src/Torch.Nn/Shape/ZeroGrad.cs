namespace Torch.Nn;

/// <summary>Lua's <c>nn.ZeroGrad()</c>: the identity forward; the gradInput is zero.</summary>
/// <remarks>Example: <c>Tensor g = nn.ZeroGrad().Backward(x, gy);  // zeros</c></remarks>
public class ZeroGrad : Module
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        Output = InputTensor(input);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        return Internal.Buffers.Fit(ref GradInput, x.ScalarType).ResizeAs(x).Zero();
    }
}
