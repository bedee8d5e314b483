using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialAdaptiveAveragePooling(W, H)</c>: average pooling with windows chosen so the output is H x W.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialAdaptiveAveragePooling(1, 1).Forward(torch.Tensor(3, 7, 5));  // 3x1x1</c></remarks>
public class SpatialAdaptiveAveragePooling : Module
{
    /// <summary>Output width (Lua's <c>W</c>). Example: <c>p.W</c>.</summary>
    public int W;
    /// <summary>Output height (Lua's <c>H</c>). Example: <c>p.H</c>.</summary>
    public int H;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("W", ref W);
        m.Field("H", ref H);
    }

    /// <summary>An adaptive average-pooling layer. Example: <c>new SpatialAdaptiveAveragePooling(1, 1)</c>.</summary>
    public SpatialAdaptiveAveragePooling(int w, int h) => (W, H) = (w, h);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 3, 4);
        return Emit(Internal.Batched.Run(x, 3, b => TS.nn.functional.adaptive_avg_pool2d(b, new long[] { H, W })));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialAdaptiveAveragePooling"/> (Lua's <c>nn.SpatialAdaptiveAveragePooling</c>). Example: <c>var m = nn.SpatialAdaptiveAveragePooling(w, h);</c></summary>
    public static SpatialAdaptiveAveragePooling SpatialAdaptiveAveragePooling(int w, int h) => new(w, h);
}
