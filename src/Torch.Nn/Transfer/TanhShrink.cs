using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.TanhShrink(): y = x - tanh(x)</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.TanhShrink().Forward(x);</c></remarks>
public class TanhShrink : Module
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x - x.tanh());
    }
}
