using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialDivisiveNormalization([nInputPlane=1, kernel=9x9 ones, threshold=1e-4, thresval=threshold])</c>: divides each
/// pixel by the local standard deviation over all planes, sqrt(local weighted Σ x²) / border coefficient, raised to
/// <see cref="Thresval"/> where it is not above <see cref="Threshold"/>. Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialDivisiveNormalization(3).Forward(image);</c></remarks>
public class SpatialDivisiveNormalization : Module
{
    /// <summary>Planes (Lua's <c>nInputPlane</c>). Example: <c>n.NInputPlane</c>.</summary>
    public int NInputPlane;
    /// <summary>The local estimator (Lua.s <c>stdestimator</c>, as its normalised kernel).</summary>
    internal LocalEstimator Estimator;
    /// <summary>The averaging kernel, normalised (Lua's <c>kernel</c>). Example: <c>n.Kernel</c>.</summary>
    public Tensor Kernel;
    /// <summary>Standard deviations not above this are replaced (Lua's <c>threshold</c>). Example: <c>n.Threshold</c>.</summary>
    public double Threshold;
    /// <summary>Their replacement (Lua's <c>thresval</c>). Example: <c>n.Thresval</c>.</summary>
    public double Thresval;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputPlane", ref NInputPlane);
        m.State(ref Estimator);
        m.Field("kernel", ref Kernel);
        m.Field("threshold", ref Threshold);
        m.Field("thresval", ref Thresval);
    }

    /// <summary>A divisive normalisation. Example: <c>new SpatialDivisiveNormalization(3)</c>.</summary>
    public SpatialDivisiveNormalization(int nInputPlane = 1, Tensor? kernel = null, double threshold = 1e-4, double? thresval = null)
    {
        (NInputPlane, Threshold, Thresval) = (nInputPlane, threshold, thresval ?? threshold);
        Estimator = new LocalEstimator(nInputPlane, kernel ?? torch.Tensor(9, 9).Fill(1), TypeName, divisive: true);
        Kernel = Estimator.Kernel;
    }

    /// <summary>Lua's read sets the (normalised) kernel; the local estimator is rebuilt from it. Example: <c>n.AfterRead(1)</c>.</summary>
    protected internal override void AfterRead(int version) => Estimator = new LocalEstimator(NInputPlane, Kernel, TypeName, divisive: true, normalised: true);

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
            using var sq = b.square();
            using var sums = Estimator.Sums(sq);
            using var stds = sums.sqrt();
            using var coef = Estimator.Coefficients(b);
            using var adjusted = stds / coef;
            using var thresholded = TorchSharp.torch.nn.functional.threshold(adjusted, Threshold, Thresval);
            return b / thresholded;
        }));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialDivisiveNormalization"/> (Lua's <c>nn.SpatialDivisiveNormalization</c>). Example: <c>var m = nn.SpatialDivisiveNormalization();</c></summary>
    public static SpatialDivisiveNormalization SpatialDivisiveNormalization(int nInputPlane = 1, Tensor? kernel = null, double threshold = 1e-4, double? thresval = null) => new(nInputPlane, kernel, threshold, thresval);
}
