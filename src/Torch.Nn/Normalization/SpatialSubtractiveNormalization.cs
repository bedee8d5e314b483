using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialSubtractiveNormalization([nInputPlane=1, kernel=9x9 ones])</c>: subtracts from each pixel the local weighted
/// mean over all planes (corrected at the borders). Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialSubtractiveNormalization(3, torch.Tensor(5, 5).Fill(1)).Forward(image);</c></remarks>
public class SpatialSubtractiveNormalization : Module
{
    /// <summary>Planes (Lua's <c>nInputPlane</c>). Example: <c>n.NInputPlane</c>.</summary>
    public int NInputPlane;
    /// <summary>The local averaging (Lua.s <c>meanestimator</c>, as its normalised kernel).</summary>
    internal LocalEstimator Estimator;
    /// <summary>The averaging kernel, normalised (Lua's <c>kernel</c>). Example: <c>n.Kernel</c>.</summary>
    public Tensor Kernel;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputPlane", ref NInputPlane);
        m.State(ref Estimator);
        m.Field("kernel", ref Kernel);
    }

    /// <summary>A subtractive normalisation. Example: <c>new SpatialSubtractiveNormalization(3)</c>.</summary>
    public SpatialSubtractiveNormalization(int nInputPlane = 1, Tensor? kernel = null)
    {
        NInputPlane = nInputPlane;
        Estimator = new LocalEstimator(nInputPlane, kernel ?? torch.Tensor(9, 9).Fill(1), TypeName);
        Kernel = Estimator.Kernel;
    }

    /// <summary>Lua's read sets the (normalised) kernel; the local estimator is rebuilt from it. Example: <c>n.AfterRead(1)</c>.</summary>
    protected internal override void AfterRead(int version) => Estimator = new LocalEstimator(NInputPlane, Kernel, TypeName, normalised: true);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 3, 4);
        if (x.Size(x.Dim() - 2) != NInputPlane) throw new ArgumentException($"{this}: expected {NInputPlane} planes, got an input of size {x.SizeString()}");
        return Emit(Internal.Batched.Run(x, 3, b =>
        {
            using var sums = Estimator.Sums(b);
            using var coef = Estimator.Coefficients(b);
            return b - sums / coef;
        }));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialSubtractiveNormalization"/> (Lua's <c>nn.SpatialSubtractiveNormalization</c>). Example: <c>var m = nn.SpatialSubtractiveNormalization();</c></summary>
    public static SpatialSubtractiveNormalization SpatialSubtractiveNormalization(int nInputPlane = 1, Tensor? kernel = null) => new(nInputPlane, kernel);
}
