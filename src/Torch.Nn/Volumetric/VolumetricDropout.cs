namespace Torch.Nn;

/// <summary>Lua's <c>nn.VolumetricDropout([p=0.5])</c>: drops whole feature volumes of a C x T x H x W or B x C x T x H x W input
/// (unscaled in training, scaled by 1-p in evaluation, as Lua's version 1 dropout).</summary>
/// <remarks>Example: <c>Tensor y = nn.VolumetricDropout(0.2).Forward(torch.Tensor(2, 4, 3, 3, 3).Uniform());</c></remarks>
public class VolumetricDropout : SpatialDropout
{
    /// <summary>A volume dropout layer. Example: <c>new VolumetricDropout(0.2)</c>.</summary>
    public VolumetricDropout(double p = 0.5, bool stochasticInference = false) : base(p, stochasticInference) { }

    /// <inheritdoc/>
    protected override int MapDims => 3;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.VolumetricDropout"/> (Lua's <c>nn.VolumetricDropout</c>). Example: <c>var m = nn.VolumetricDropout();</c></summary>
    public static VolumetricDropout VolumetricDropout(double p = 0.5, bool stochasticInference = false) => new(p, stochasticInference);
}
