using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Exp(): y = exp(x)</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.Exp().Forward(x);</c></remarks>
public class Exp : Module
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.exp());
    }
}
