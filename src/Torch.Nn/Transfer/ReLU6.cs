using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.ReLU6(): y = min(max(x, 0), 6)</c> by THNN's HardTanh(0, 6): gradient g strictly between 0 and 6, 0 at and
/// beyond them. The gradient comes from autograd (libtorch's hardtanh backward has the same rule).</summary>
/// <remarks>Example: <c>Tensor y = nn.ReLU6().Forward(x);</c></remarks>
public class ReLU6 : Module
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(TS.nn.functional.hardtanh(x, 0, 6));
    }
}
