namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialDropout([p=0.5])</c>: drops whole feature maps of a C x H x W or B x C x H x W input (scaled by 1/(1-p)
/// in training, identity in evaluation).</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialDropout(0.2).Forward(torch.Tensor(4, 8, 5, 5).Uniform());</c></remarks>
public class SpatialDropout : Dropout
{
    /// <summary>A feature-map dropout layer. Example: <c>new SpatialDropout(0.2)</c>.</summary>
    public SpatialDropout(double p = 0.5) : base(p) { }

    /// <inheritdoc/>
    protected override long[] NoiseSize(Tensor x)
    {
        CheckDims(x, 3, 4);
        var s = x.Size();
        for (int i = x.Dim() - 2; i < s.Length; i++) s[i] = 1;
        return s;
    }
}
