namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialDropout([p=0.5])</c>: drops whole feature maps of a C x H x W or B x C x H x W input (unscaled in
/// training, scaled by 1-p in evaluation, as Lua's version 1 dropout).</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialDropout(0.2).Forward(torch.Tensor(4, 8, 5, 5).Uniform());</c></remarks>
public class SpatialDropout : Dropout
{
    /// <summary>A feature-map dropout layer. Example: <c>new SpatialDropout(0.2)</c>.</summary>
    public SpatialDropout(double p = 0.5, bool stochasticInference = false) : base(p, v1: true, stochasticInference: stochasticInference) { }

    /// <summary>Lua: the gradient masked by the noise; defined only while training. Example: <c>m.Backward(x, g)</c>.</summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) =>
        Train ? base.UpdateGradInput(input, gradOutput) : throw new InvalidOperationException($"{this}: backprop only defined while training");

    /// <summary>The dimensions of one feature map (2: H x W here; 3 for <see cref="VolumetricDropout"/>), which share one noise value.
    /// Example: <c>protected override int MapDims => 3;</c></summary>
    protected virtual int MapDims => 2;

    /// <inheritdoc/>
    protected override long[] NoiseSize(Tensor x)
    {
        CheckDims(x, MapDims + 1, MapDims + 2);
        var s = x.Size();
        for (int i = x.Dim() - MapDims; i < s.Length; i++) s[i] = 1;
        return s;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialDropout"/> (Lua's <c>nn.SpatialDropout</c>). Example: <c>var m = nn.SpatialDropout();</c></summary>
    public static SpatialDropout SpatialDropout(double p = 0.5, bool stochasticInference = false) => new(p, stochasticInference);
}
