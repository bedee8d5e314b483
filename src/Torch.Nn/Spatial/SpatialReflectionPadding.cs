namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialReflectionPadding(l[, r=l, t=l, b=l])</c>: pads the last two dimensions with the mirror image of the border (excluding it). Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialReflectionPadding(1, 1, 2, 2).Forward(torch.Tensor(3, 4, 4).Uniform());  // 3x8x6</c></remarks>
public class SpatialReflectionPadding : SpatialPadding
{
    /// <summary>A padding layer. Example: <c>new SpatialReflectionPadding(1)</c>.</summary>
    public SpatialReflectionPadding(int padL, int? padR = null, int? padT = null, int? padB = null) : base(padL, padR, padT, padB) { }

    /// <inheritdoc/>
    protected override TorchSharp.PaddingModes Mode => TorchSharp.PaddingModes.Reflect;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialReflectionPadding"/> (Lua's <c>nn.SpatialReflectionPadding</c>). Example: <c>var m = nn.SpatialReflectionPadding(padL);</c></summary>
    public static SpatialReflectionPadding SpatialReflectionPadding(int padL, int? padR = null, int? padT = null, int? padB = null) => new(padL, padR, padT, padB);
}
