using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Square(): y = x²</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.Square().Forward(x);</c></remarks>
public class Square : Module
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.square());
    }
}
