using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SoftMin(): softmax of -x over the feature dimension</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SoftMin().Forward(x);</c></remarks>
public class SoftMin : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var t = InputTensor(input);
        var x = t.Raw;
        return Emit(TS.nn.functional.softmax(-x, Internal.SoftMaxDim.Of(t, this)));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SoftMin"/> (Lua's <c>nn.SoftMin</c>). Example: <c>var m = nn.SoftMin();</c></summary>
    public static SoftMin SoftMin() => new();
}
