using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.ReLU6(): y = min(max(x, 0), 6)</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.ReLU6().Forward(x);</c></remarks>
public class ReLU6 : Module
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.clamp(0.0, 6.0));
    }
}
