using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Adamax"/> (Lua's <c>optim.adamax</c> table).
/// Example: <c>var cfg = new AdamaxConfig { LearningRate = 0.01 };</c></summary>
public sealed class AdamaxConfig
{
    /// <summary>Learning rate (default 2e-3). Example: <c>cfg.LearningRate = 0.01;</c></summary>
    public double LearningRate { get; set; } = 2e-3;
    /// <summary>First-moment coefficient (default 0.9). Example: <c>cfg.Beta1 = 0.9;</c></summary>
    public double Beta1 { get; set; } = 0.9;
    /// <summary>Infinity-norm decay (default 0.999). Example: <c>cfg.Beta2 = 0.999;</c></summary>
    public double Beta2 { get; set; } = 0.999;
    /// <summary>Numerical-stability term (default 1e-38). Example: <c>cfg.Epsilon = 1e-38;</c></summary>
    public double Epsilon { get; set; } = 1e-38;
    /// <summary>Weight decay (default 0). Example: <c>cfg.WeightDecay = 5e-4;</c></summary>
    public double WeightDecay { get; set; }

    /// <summary>State: number of steps so far (Lua's <c>t</c>). Example: <c>cfg.T</c></summary>
    public int T { get; set; }
    /// <summary>State: running average of gradients (Lua's <c>m</c>). Example: <c>cfg.M</c></summary>
    public Tensor? M { get; set; }
    /// <summary>State: exponentially weighted infinity norm (Lua's <c>u</c>; 1 x n after a step, as Torch7's max keeps the dimension). Example: <c>cfg.U</c></summary>
    public Tensor? U { get; set; }
    /// <summary>State: the 2 x n input of the max (Lua's <c>max</c>). Example: <c>cfg.Max</c></summary>
    public Tensor? Max { get; set; }
}

public static partial class optim
{
    /// <summary>AdaMax (Kingma and Ba; Lua's <c>optim.adamax</c>): <c>u = max(beta2 u, |g| + eps)</c>, <c>x -= lr / (1 - beta1^t) * m / u</c>.</summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters, updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given).</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x and {f(x) before the step}.</returns>
    /// <example>Example: <c>var (_, fx) = optim.Adamax(Feval, x, new AdamaxConfig());</c></example>
    public static (Tensor X, double[] Fx) Adamax(Func<Tensor, (double, Tensor)> feval, Tensor x, AdamaxConfig? config = null, AdamaxConfig? state = null)
    {
        const string fn = "optim.Adamax";
        config ??= new AdamaxConfig();
        state ??= config;
        CheckX(fn, x);
        CheckState(fn, x, ("M", state.M), ("U", state.U));
        CheckState(fn, "Max", state.Max, 2 * x.NElement(), x); // the decayed and the current maximum, stacked
        double lr = config.LearningRate, beta1 = config.Beta1, beta2 = config.Beta2;
        NonNegative(fn, "LearningRate", lr);
        InRange(fn, "Beta1", beta1, 0, 1);
        InRange(fn, "Beta2", beta2, 0, 1);

        var (fx, dfdx) = Eval(fn, feval, x);
        WeightDecay(dfdx, config.WeightDecay, x);

        var m = state.M ??= Zeros(x, dfdx.Size());
        var u = state.U ??= Zeros(x, dfdx.Size());
        var max = state.Max ??= Zeros(x, new[] { 2L }.Concat(dfdx.Size()).ToArray());
        int t = ++state.T;

        m.Mul(beta1).Add(1 - beta1, dfdx);
        using (var decayed = max.Select(1, 1)) decayed.Copy(u).Mul(beta2);
        using (var current = max.Select(1, 2)) current.Copy(dfdx).Abs().Add(config.Epsilon);
        u.Into(max.Raw.amax(new[] { 0L }, keepdim: true));

        double stepSize = lr / (1 - Math.Pow(beta1, t));
        x.Addcdiv(-stepSize, m, u);
        return (x, new[] { fx });
    }
}
