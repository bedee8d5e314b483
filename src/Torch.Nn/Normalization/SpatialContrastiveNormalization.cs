namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialContrastiveNormalization([nInputPlane=1, kernel=9x9 ones, threshold=1e-4, thresval=threshold])</c>: a
/// <see cref="SpatialSubtractiveNormalization"/> followed by a <see cref="SpatialDivisiveNormalization"/> with the same kernel.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialContrastiveNormalization(3, torch.Tensor(7).Fill(1)).Forward(image);</c></remarks>
public class SpatialContrastiveNormalization : Sequential
{
    /// <summary>A contrastive normalisation. Example: <c>new SpatialContrastiveNormalization(3)</c>.</summary>
    public SpatialContrastiveNormalization(int nInputPlane = 1, Tensor? kernel = null, double threshold = 1e-4, double? thresval = null)
    {
        kernel ??= torch.Tensor(9, 9).Fill(1);
        Add(new SpatialSubtractiveNormalization(nInputPlane, kernel));
        Add(new SpatialDivisiveNormalization(nInputPlane, kernel, threshold, thresval));
    }

    /// <summary>Torch7's text: Lua's module is no container and defines no <c>__tostring__</c>, so "nn.SpatialContrastiveNormalization". Example: <c>c.ToString()</c>.</summary>
    public override string ToString() => TypeName;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialContrastiveNormalization"/> (Lua's <c>nn.SpatialContrastiveNormalization</c>). Example: <c>var m = nn.SpatialContrastiveNormalization();</c></summary>
    public static SpatialContrastiveNormalization SpatialContrastiveNormalization(int nInputPlane = 1, Tensor? kernel = null, double threshold = 1e-4, double? thresval = null) => new(nInputPlane, kernel, threshold, thresval);
}
