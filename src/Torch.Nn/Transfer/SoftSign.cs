using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SoftSign(): y = x / (1 + abs(x))</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SoftSign().Forward(x);</c></remarks>
public class SoftSign : Module
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x / (x.abs() + 1));
    }
}
