namespace Torch.Nn;

/// <summary>Lua's <c>nn.Mean([dim=1, nInputDims])</c>: the mean over a dimension (a <see cref="Sum"/> with sizeAverage).</summary>
/// <remarks>Example: <c>Tensor m = nn.Mean(2).Forward(torch.Tensor(3, 4));  // size 3</c></remarks>
public class Mean : Sum
{
    /// <summary>A mean layer. Example: <c>new Mean(2)</c>.</summary>
    public Mean(int dimension = 1, int? nInputDims = null) : base(dimension, nInputDims, sizeAverage: true) { }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Mean"/> (Lua's <c>nn.Mean</c>). Example: <c>var m = nn.Mean();</c></summary>
    public static Mean Mean(int dimension = 1, int? nInputDims = null) => new(dimension, nInputDims);
}
