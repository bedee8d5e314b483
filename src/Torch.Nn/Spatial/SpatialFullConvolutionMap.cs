namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialFullConvolutionMap(connTable, kW, kH[, dW=1, dH=1])</c>: the transposed counterpart of
/// <see cref="SpatialConvolutionMap"/> (output size (in - 1) d + k). Gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialFullConvolutionMap(nn.tables.OneToOne(2), 3, 3, 2, 2).Forward(torch.Tensor(2, 4, 4));  // 2x9x9</c></remarks>
public class SpatialFullConvolutionMap : SpatialConvolutionMap
{
    /// <summary>A transposed mapped convolution. Example: <c>new SpatialFullConvolutionMap(nn.tables.Full(4, 2), 3, 3)</c>.</summary>
    public SpatialFullConvolutionMap(Tensor connTable, int kW, int kH, int dW = 1, int dH = 1) : base(connTable, kW, kH, dW, dH) { }

    /// <inheritdoc/>
    protected override bool Transposed => true;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialFullConvolutionMap"/> (Lua's <c>nn.SpatialFullConvolutionMap</c>). Example: <c>var m = nn.SpatialFullConvolutionMap(connTable, kW, kH);</c></summary>
    public static SpatialFullConvolutionMap SpatialFullConvolutionMap(Tensor connTable, int kW, int kH, int dW = 1, int dH = 1) => new(connTable, kW, kH, dW, dH);
}
