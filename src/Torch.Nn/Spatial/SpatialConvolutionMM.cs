namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialConvolutionMM</c>: the same convolution as <see cref="SpatialConvolution"/>, with its weight stored
/// as a 2-D nOutputPlane x (nInputPlane kH kW) matrix, as Lua's unfold-and-multiply version keeps it.</summary>
/// <remarks>Example: <c>var conv = nn.SpatialConvolutionMM(3, 16, 5, 5); conv.Weight.Dim() == 2</c></remarks>
public class SpatialConvolutionMM : SpatialConvolution
{
    /// <summary>A convolution layer with a 2-D weight. Example: <c>new SpatialConvolutionMM(3, 16, 5, 5, 1, 1, 2, 2)</c>.</summary>
    public SpatialConvolutionMM(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null)
        : base(nInputPlane, nOutputPlane, kW, kH, dW, dH, padW, padH) { }

    /// <inheritdoc/>
    protected override long[] WeightSize() => new long[] { NOutputPlane, (long)NInputPlane * KH * KW };
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialConvolutionMM"/> (Lua's <c>nn.SpatialConvolutionMM</c>). Example: <c>var m = nn.SpatialConvolutionMM(nInputPlane, nOutputPlane, kW, kH);</c></summary>
    public static SpatialConvolutionMM SpatialConvolutionMM(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null) => new(nInputPlane, nOutputPlane, kW, kH, dW, dH, padW, padH);
}
