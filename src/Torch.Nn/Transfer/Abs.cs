using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Abs(): y = abs(x)</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.Abs().Forward(x);</c></remarks>
public class Abs : Module
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.abs());
    }
}
