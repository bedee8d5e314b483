using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialLogSoftMax(): log-softmax over the channels at each position of a C x H x W or B x C x H x W input</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialLogSoftMax().Forward(x);</c></remarks>
public class SpatialLogSoftMax : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var t = InputTensor(input);
        var x = t.Raw;
        return Emit(TS.nn.functional.log_softmax(x, Internal.SoftMaxDim.Of(t, this)));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialLogSoftMax"/> (Lua's <c>nn.SpatialLogSoftMax</c>). Example: <c>var m = nn.SpatialLogSoftMax();</c></summary>
    public static SpatialLogSoftMax SpatialLogSoftMax() => new();
}
