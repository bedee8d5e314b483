using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Min([dim=1, nInputDims])</c>: the minimum over a dimension; the gradient goes to the arg-min.</summary>
/// <remarks>Example: <c>Tensor m = nn.Min(2).Forward(torch.Tensor(3, 4));  // size 3</c></remarks>
public class Min : Reduction
{
    /// <summary>A min layer. Example: <c>new Min(1)</c>.</summary>
    public Min(int dimension = 1, int? nInputDims = null) : base(dimension, nInputDims) { }

    /// <inheritdoc/>
    protected override TS.Tensor Reduce(TS.Tensor x, long dim)
    {
        var (values, indices) = x.min(dim, keepdim: true);
        indices.Dispose();
        return values;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Min"/> (Lua's <c>nn.Min</c>). Example: <c>var m = nn.Min();</c></summary>
    public static Min Min(int dimension = 1, int? nInputDims = null) => new(dimension, nInputDims);
}
