namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialReplicationPadding(l[, r=l, t=l, b=l])</c>: pads the last two dimensions with copies of the border pixels. Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialReplicationPadding(1, 1, 2, 2).Forward(torch.Tensor(3, 4, 4).Uniform());  // 3x8x6</c></remarks>
public class SpatialReplicationPadding : SpatialPadding
{
    /// <summary>A padding layer. Example: <c>new SpatialReplicationPadding(1)</c>.</summary>
    public SpatialReplicationPadding(int padL, int? padR = null, int? padT = null, int? padB = null) : base(padL, padR, padT, padB) { }

    /// <inheritdoc/>
    protected override TorchSharp.PaddingModes Mode => TorchSharp.PaddingModes.Replicate;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialReplicationPadding"/> (Lua's <c>nn.SpatialReplicationPadding</c>). Example: <c>var m = nn.SpatialReplicationPadding(padL);</c></summary>
    public static SpatialReplicationPadding SpatialReplicationPadding(int padL, int? padR = null, int? padT = null, int? padB = null) => new(padL, padR, padT, padB);
}
