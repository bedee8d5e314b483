using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SoftMin(): softmax of -x over the feature dimension</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SoftMin().Forward(x);</c></remarks>
public class SoftMin : Module
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var t = InputTensor(input);
        var x = t.Raw;
        return Emit(TS.nn.functional.softmax(-x, Internal.SoftMaxDim.Of(t, this)));
    }
}
