using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Sum([dim=1, nInputDims, sizeAverage=false, squeeze=true])</c>: the sum (or mean) over a dimension.</summary>
/// <remarks>Example: <c>Tensor s = nn.Sum(1).Forward(torch.Tensor(3, 4));  // size 4</c></remarks>
public class Sum : Reduction
{
    /// <summary>Divide by the dimension's size (Lua's <c>sizeAverage</c>). Example: <c>s.SizeAverage</c>.</summary>
    public bool SizeAverage;
    /// <summary>Remove the reduced dimension (Lua's <c>squeeze</c>). Example: <c>s.Squeeze</c>.</summary>
    public bool Squeeze;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("sizeAverage", ref SizeAverage);
        m.Field("squeeze", ref Squeeze);
    }

    /// <summary>A sum layer. Example: <c>new Sum(2, sizeAverage: true)</c>.</summary>
    public Sum(int dimension = 1, int? nInputDims = null, bool sizeAverage = false, bool squeeze = true) : base(dimension, nInputDims) =>
        (SizeAverage, Squeeze) = (sizeAverage, squeeze);

    /// <inheritdoc/>
    protected override bool SqueezeResult => Squeeze;

    /// <inheritdoc/>
    protected override TS.Tensor Reduce(TS.Tensor x, long dim) =>
        SizeAverage ? x.mean(new[] { dim }, keepdim: true) : x.sum(new[] { dim }, keepdim: true);
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Sum"/> (Lua's <c>nn.Sum</c>). Example: <c>var m = nn.Sum();</c></summary>
    public static Sum Sum(int dimension = 1, int? nInputDims = null, bool sizeAverage = false, bool squeeze = true) => new(dimension, nInputDims, sizeAverage, squeeze);
}
