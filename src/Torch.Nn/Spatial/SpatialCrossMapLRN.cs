using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialCrossMapLRN(size[, alpha=1e-4, beta=0.75, k=1])</c>: local response normalisation across channels,
/// y = x / (k + alpha / size Σ x²)^beta over the <see cref="Size"/> neighbouring channels. Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialCrossMapLRN(5).Forward(torch.Tensor(8, 6, 6).Uniform());</c></remarks>
public class SpatialCrossMapLRN : Module
{
    /// <summary>Channels in the window (Lua's <c>size</c>). Example: <c>l.Size</c>.</summary>
    public int Size;
    /// <summary>Scale (Lua's <c>alpha</c>). Example: <c>l.Alpha</c>.</summary>
    public double Alpha;
    /// <summary>Exponent (Lua's <c>beta</c>). Example: <c>l.Beta</c>.</summary>
    public double Beta;
    /// <summary>Offset (Lua's <c>k</c>). Example: <c>l.K</c>.</summary>
    public double K;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("size", ref Size);
        m.Field("alpha", ref Alpha);
        m.Field("beta", ref Beta);
        m.Field("k", ref K);
    }

    /// <summary>A response normalisation layer. Example: <c>new SpatialCrossMapLRN(5, 1e-4, 0.75, 2)</c>.</summary>
    public SpatialCrossMapLRN(int size, double alpha = 1e-4, double beta = 0.75, double k = 1) => (Size, Alpha, Beta, K) = (size, alpha, beta, k);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 3, 4);
        return Emit(Internal.Batched.Run(x, 3, b => TS.nn.functional.local_response_norm(b, Size, Alpha, Beta, K)));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialCrossMapLRN"/> (Lua's <c>nn.SpatialCrossMapLRN</c>). Example: <c>var m = nn.SpatialCrossMapLRN(size);</c></summary>
    public static SpatialCrossMapLRN SpatialCrossMapLRN(int size, double alpha = 1e-4, double beta = 0.75, double k = 1) => new(size, alpha, beta, k);
}
