using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialSoftMax(): softmax over the channels at each position of a C x H x W or B x C x H x W input</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialSoftMax().Forward(x);</c></remarks>
public class SpatialSoftMax : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var t = InputTensor(input);
        var x = t.Raw;
        return Emit(TS.nn.functional.softmax(x, Internal.SoftMaxDim.Of(t, this)));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialSoftMax"/> (Lua's <c>nn.SpatialSoftMax</c>). Example: <c>var m = nn.SpatialSoftMax();</c></summary>
    public static SpatialSoftMax SpatialSoftMax() => new();
}
