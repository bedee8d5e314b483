using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialAdaptiveMaxPooling(W, H)</c>: max pooling with windows chosen so the output is H x W, whatever the input.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialAdaptiveMaxPooling(2, 2).Forward(torch.Tensor(3, 7, 5));  // 3x2x2</c></remarks>
public class SpatialAdaptiveMaxPooling : Module
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

    /// <summary>An adaptive max-pooling layer. Example: <c>new SpatialAdaptiveMaxPooling(4, 4)</c>.</summary>
    public SpatialAdaptiveMaxPooling(int w, int h) => (W, H) = (w, h);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 3, 4);
        return Emit(Internal.Batched.Run(x, 3, b => TS.nn.functional.adaptive_max_pool2d(b, new long[] { H, W })));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialAdaptiveMaxPooling"/> (Lua's <c>nn.SpatialAdaptiveMaxPooling</c>). Example: <c>var m = nn.SpatialAdaptiveMaxPooling(w, h);</c></summary>
    public static SpatialAdaptiveMaxPooling SpatialAdaptiveMaxPooling(int w, int h) => new(w, h);
}
