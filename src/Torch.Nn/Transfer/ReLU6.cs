using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.ReLU6(): y = min(max(x, 0), 6)</c> by THNN's HardTanh(0, 6): gradient g strictly between 0 and 6, 0 at and
/// beyond them (explicit gradient).</summary>
/// <remarks>Example: <c>Tensor y = nn.ReLU6().Forward(x);</c></remarks>
public class ReLU6 : Module
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.clamp(0.0, 6.0));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) => HardTanh.Backward(this, input, gradOutput, 0, 6);
}
