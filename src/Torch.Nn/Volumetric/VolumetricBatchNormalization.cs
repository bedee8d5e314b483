namespace Torch.Nn;

/// <summary>Lua's <c>nn.VolumetricBatchNormalization(N[, eps, momentum, affine])</c>: <see cref="BatchNormalization"/> over the N channels
/// of a B x N x T x H x W batch.</summary>
/// <remarks>Example: <c>Tensor y = nn.VolumetricBatchNormalization(4).Forward(torch.Tensor(2, 4, 3, 3, 3).Uniform());</c></remarks>
public class VolumetricBatchNormalization : BatchNormalization
{
    /// <summary>A volumetric batch normalisation layer. Example: <c>new VolumetricBatchNormalization(4)</c>.</summary>
    public VolumetricBatchNormalization(int nOutput, double eps = 1e-5, double momentum = 0.1, bool affine = true)
        : base(nOutput, eps, momentum, affine) { }

    /// <inheritdoc/>
    protected override int NDim => 5;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.VolumetricBatchNormalization"/> (Lua's <c>nn.VolumetricBatchNormalization</c>). Example: <c>var m = nn.VolumetricBatchNormalization(nOutput);</c></summary>
    public static VolumetricBatchNormalization VolumetricBatchNormalization(int nOutput, double eps = 1e-5, double momentum = 0.1, bool affine = true) => new(nOutput, eps, momentum, affine);
}
