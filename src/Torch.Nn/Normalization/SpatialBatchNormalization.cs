namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialBatchNormalization(N[, eps, momentum, affine])</c>: <see cref="BatchNormalization"/> over the N channels
/// of a B x N x H x W batch (statistics over batch and positions).</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialBatchNormalization(16).Forward(torch.Tensor(4, 16, 8, 8).Uniform());</c></remarks>
public class SpatialBatchNormalization : BatchNormalization
{
    /// <summary>A spatial batch normalisation layer. Example: <c>new SpatialBatchNormalization(16)</c>.</summary>
    public SpatialBatchNormalization(int nOutput, double eps = 1e-5, double momentum = 0.1, bool affine = true)
        : base(nOutput, eps, momentum, affine) { }

    /// <inheritdoc/>
    protected override int NDim => 4;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialBatchNormalization"/> (Lua's <c>nn.SpatialBatchNormalization</c>). Example: <c>var m = nn.SpatialBatchNormalization(nOutput);</c></summary>
    public static SpatialBatchNormalization SpatialBatchNormalization(int nOutput, double eps = 1e-5, double momentum = 0.1, bool affine = true) => new(nOutput, eps, momentum, affine);
}
