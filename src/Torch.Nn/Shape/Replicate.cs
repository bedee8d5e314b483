namespace Torch.Nn;

/// <summary>Lua's <c>nn.Replicate(nFeature[, dim=1, nDim])</c>: nFeature copies of the input along a new dimension <see cref="Dim"/>
/// (one further when the input has more than <see cref="NDim"/> dimensions).</summary>
/// <remarks>Example: <c>Tensor y = nn.Replicate(3).Forward(torch.Tensor(5));  // 3x5</c></remarks>
public class Replicate : Module
{
    /// <summary>Number of copies (Lua's <c>nfeatures</c>). Example: <c>r.Nfeatures</c>.</summary>
    public long Nfeatures;
    /// <summary>The new dimension (Lua's <c>dim</c>). Example: <c>r.Dim</c>.</summary>
    public int Dim;
    /// <summary>Dimensions of one sample, or null (Lua's <c>ndim</c>). Example: <c>r.NDim</c>.</summary>
    public int? NDim;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nfeatures", ref Nfeatures);
        m.Field("dim", ref Dim);
        m.Field("ndim", ref NDim);
    }

    /// <summary>A replication layer. Example: <c>new Replicate(3, 2)</c>.</summary>
    public Replicate(long nFeature, int dim = 1, int? nDim = null) => (Nfeatures, Dim, NDim) = (nFeature, dim, nDim);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        int d = Dim + (NDim is int n && x.Dim() > n ? 1 : 0);
        if (d < 1 || d > x.Dim() + 1) throw new ArgumentException($"{this}: dimension {d} out of range for an input of size {x.SizeString()}");
        using var u = x.Raw.unsqueeze(d - 1);
        var sizes = u.shape;
        sizes[d - 1] = Nfeatures;
        return Emit(u.expand(sizes));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Replicate"/> (Lua's <c>nn.Replicate</c>). Example: <c>var m = nn.Replicate(nFeature);</c></summary>
    public static Replicate Replicate(long nFeature, int dim = 1, int? nDim = null) => new(nFeature, dim, nDim);
}
