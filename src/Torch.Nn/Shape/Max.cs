using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Max([dim=1, nInputDims])</c>: the maximum over a dimension; the gradient goes to the arg-max.</summary>
/// <remarks>Example: <c>Tensor m = nn.Max(2).Forward(torch.Tensor(3, 4));  // size 3</c></remarks>
public class Max : Reduction
{
    /// <summary>A max layer. Example: <c>new Max(1)</c>.</summary>
    public Max(int dimension = 1, int? nInputDims = null) : base(dimension, nInputDims) { }

    /// <inheritdoc/>
    protected override TS.Tensor Reduce(TS.Tensor x, long dim)
    {
        var (values, indices) = x.max(dim, keepdim: true);
        indices.Dispose();
        return values;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Max"/> (Lua's <c>nn.Max</c>). Example: <c>var m = nn.Max();</c></summary>
    public static Max Max(int dimension = 1, int? nInputDims = null) => new(dimension, nInputDims);
}
