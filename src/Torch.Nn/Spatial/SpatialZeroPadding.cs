namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialZeroPadding(l[, r=l, t=l, b=l])</c>: pads the last two dimensions with zeros (negative amounts crop). Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialZeroPadding(1, 1, 2, 2).Forward(torch.Tensor(3, 4, 4).Uniform());  // 3x8x6</c></remarks>
public class SpatialZeroPadding : SpatialPadding
{
    /// <summary>A padding layer. Example: <c>new SpatialZeroPadding(1)</c>.</summary>
    public SpatialZeroPadding(int padL, int? padR = null, int? padT = null, int? padB = null) : base(padL, padR, padT, padB) { }

    /// <inheritdoc/>
    protected override TorchSharp.PaddingModes Mode => TorchSharp.PaddingModes.Constant;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialZeroPadding"/> (Lua's <c>nn.SpatialZeroPadding</c>). Example: <c>var m = nn.SpatialZeroPadding(padL);</c></summary>
    public static SpatialZeroPadding SpatialZeroPadding(int padL, int? padR = null, int? padT = null, int? padB = null) => new(padL, padR, padT, padB);
}
