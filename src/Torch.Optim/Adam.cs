using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Adam"/> (Lua's <c>optim.adam</c> table).
/// Example: <c>var cfg = new AdamConfig { LearningRate = 0.002 };</c></summary>
public sealed class AdamConfig
{
    /// <summary>Learning rate (default 1e-3). Example: <c>cfg.LearningRate = 0.002;</c></summary>
    public double LearningRate { get; set; } = 1e-3;
    /// <summary>Learning-rate decay, <c>clr = lr / (1 + t * lrd)</c> (default 0). Example: <c>cfg.LearningRateDecay = 1e-4;</c></summary>
    public double LearningRateDecay { get; set; }
    /// <summary>First-moment coefficient (default 0.9). Example: <c>cfg.Beta1 = 0.9;</c></summary>
    public double Beta1 { get; set; } = 0.9;
    /// <summary>Second-moment coefficient (default 0.999). Example: <c>cfg.Beta2 = 0.999;</c></summary>
    public double Beta2 { get; set; } = 0.999;
    /// <summary>Numerical-stability term (default 1e-8). Example: <c>cfg.Epsilon = 1e-8;</c></summary>
    public double Epsilon { get; set; } = 1e-8;
    /// <summary>Weight decay (default 0). Example: <c>cfg.WeightDecay = 5e-4;</c></summary>
    public double WeightDecay { get; set; }

    /// <summary>State: number of steps so far (Lua's <c>t</c>). Example: <c>cfg.T</c></summary>
    public int T { get; set; }
    /// <summary>State: running average of gradients (Lua's <c>m</c>). Example: <c>cfg.M</c></summary>
    public Tensor? M { get; set; }
    /// <summary>State: running average of squared gradients (Lua's <c>v</c>). Example: <c>cfg.V</c></summary>
    public Tensor? V { get; set; }
    /// <summary>State: <c>sqrt(v) + epsilon</c> (Lua's <c>denom</c>). Example: <c>cfg.Denom</c></summary>
    public Tensor? Denom { get; set; }
}

public static partial class optim
{
    /// <summary>Adam (Kingma and Ba; Lua's <c>optim.adam</c>): <c>x -= clr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + eps)</c>.</summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters, updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given).</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x and {f(x) before the step}.</returns>
    /// <example>Example: <c>var (_, fx) = optim.Adam(Feval, x, new AdamConfig { LearningRate = 0.002 });</c></example>
    public static (Tensor X, double[] Fx) Adam(Func<Tensor, (double, Tensor)> feval, Tensor x, AdamConfig? config = null, AdamConfig? state = null)
    {
        const string fn = "optim.Adam";
        config ??= new AdamConfig();
        state ??= config;
        CheckX(fn, x);
        CheckState(fn, x, ("M", state.M), ("V", state.V), ("Denom", state.Denom));
        double lr = config.LearningRate, lrd = config.LearningRateDecay, beta1 = config.Beta1, beta2 = config.Beta2;
        NonNegative(fn, "LearningRate", lr);
        NonNegative(fn, "LearningRateDecay", lrd);
        InRange(fn, "Beta1", beta1, 0, 1);
        InRange(fn, "Beta2", beta2, 0, 1);

        var (fx, dfdx) = Eval(fn, feval, x);
        WeightDecay(dfdx, config.WeightDecay, x);

        var m = state.M ??= Zeros(x, dfdx.Size());
        var v = state.V ??= Zeros(x, dfdx.Size());
        var denom = state.Denom ??= Zeros(x, dfdx.Size());
        double clr = lr / (1 + state.T * lrd);
        int t = ++state.T;

        double biasCorrection1 = 1 - Math.Pow(beta1, t);
        double biasCorrection2 = 1 - Math.Pow(beta2, t);
        double stepSize = clr * Math.Sqrt(biasCorrection2) / biasCorrection1;
        if (Fused.Adam(x, dfdx, m, v, denom, beta1, beta2, config.Epsilon, stepSize)) return (x, new[] { fx });

        m.Mul(beta1).Add(1 - beta1, dfdx);
        v.Mul(beta2).Addcmul(1 - beta2, dfdx, dfdx);
        denom.Copy(v).Sqrt().Add(config.Epsilon);
        x.Addcdiv(-stepSize, m, denom);
        return (x, new[] { fx });
    }
}
