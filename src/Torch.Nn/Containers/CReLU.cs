namespace Torch.Nn;

/// <summary>Lua's <c>nn.CReLU(nInputDims[, inplace])</c>: the concatenation of ReLU(x) and ReLU(-x) along the feature dimension
/// (a <see cref="Sequential"/> of ConcatTable(Identity, MulConstant(-1)), JoinTable and ReLU).</summary>
/// <remarks>Example: <c>Tensor y = nn.CReLU(1).Forward(torch.Tensor(4).Uniform(-1, 1));  // size 8</c></remarks>
public class CReLU : Sequential
{
    /// <summary>Dimensions of one sample (Lua's <c>nInputDims</c>). Example: <c>c.NInputDims</c>.</summary>
    public int NInputDims;
    /// <summary>Whether its ReLU works in place (Lua's <c>inplace</c>). Example: <c>c.Inplace</c>.</summary>
    public bool Inplace;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputDims", ref NInputDims);
        m.Field("inplace", ref Inplace);
    }

    /// <summary>A concatenated rectifier. Example: <c>new CReLU(3)</c>.</summary>
    public CReLU(int nInputDims, bool inplace = false)
    {
        (NInputDims, Inplace) = (nInputDims, inplace);
        Add(new ConcatTable().Add(new Identity()).Add(new MulConstant(-1)));
        Add(new JoinTable(1, nInputDims));
        Add(new ReLU(inplace));
    }

    /// <summary>Torch7's text: "CReLU()" (without the package name, as Lua's). Example: <c>c.ToString()</c>.</summary>
    public override string ToString() => "CReLU()";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CReLU"/> (Lua's <c>nn.CReLU</c>). Example: <c>var m = nn.CReLU(nInputDims);</c></summary>
    public static CReLU CReLU(int nInputDims, bool inplace = false) => new(nInputDims, inplace);
}
