using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Tanh()</c>: y = tanh(x); explicit gradient (1 - y²) g, as THNN computes it.</summary>
/// <remarks>Example: <c>Tensor y = nn.Tanh().Forward(x);</c></remarks>
public class Tanh : Module
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var o = Buffers.Fit(ref Output, x.ScalarType);
        o.ResizeAs(x);
        o.Raw.copy_(x.Raw);
        o.Raw.tanh_();
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var y = (Tensor)Output;
        var go = InputTensor(gradOutput, "gradOutput");
        var gi = Buffers.Fit(ref GradInput, y.ScalarType);
        gi.ResizeAs(y);
        Pointwise.Derivative(gi, y, go, Pointwise.Kind.Tanh);
        return GradInput;
    }
}
