using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Nag"/> (Lua's <c>optim.nag</c> table).
/// Example: <c>var cfg = new NagConfig { LearningRate = 1e-3, Momentum = 0.9 };</c></summary>
public sealed class NagConfig
{
    /// <summary>Learning rate (default 1e-3). Example: <c>cfg.LearningRate = 0.01;</c></summary>
    public double LearningRate { get; set; } = 1e-3;
    /// <summary>Learning-rate decay (default 0). Example: <c>cfg.LearningRateDecay = 1e-4;</c></summary>
    public double LearningRateDecay { get; set; }
    /// <summary>Weight decay (default 0). Example: <c>cfg.WeightDecay = 5e-4;</c></summary>
    public double WeightDecay { get; set; }
    /// <summary>Momentum, must be &gt; 0 (default 0.9). Example: <c>cfg.Momentum = 0.95;</c></summary>
    public double Momentum { get; set; } = 0.9;
    /// <summary>Dampening; read by Lua (null means Momentum) but not used by its update. Example: <c>cfg.Dampening = 0;</c></summary>
    public double? Dampening { get; set; }
    /// <summary>Per-parameter learning rates (default none). Example: <c>cfg.LearningRates = torch.Tensor(n).Fill(1);</c></summary>
    public Tensor? LearningRates { get; set; }

    /// <summary>State: number of calls so far (Lua's <c>evalCounter</c>). Example: <c>cfg.EvalCounter</c></summary>
    public int EvalCounter { get; set; }
    /// <summary>State: the velocity (Lua's <c>dfdx</c>). Example: <c>cfg.Dfdx</c></summary>
    public Tensor? Dfdx { get; set; }
    /// <summary>State: buffer for <c>learningRates .* dfdx</c> (Lua's <c>deltaParameters</c>). Example: <c>cfg.DeltaParameters</c></summary>
    public Tensor? DeltaParameters { get; set; }
}

public static partial class optim
{
    /// <summary>
    /// SGD with Nesterov's accelerated gradient (Sutskever et al. 2013; Lua's <c>optim.nag</c>): evaluates the gradient
    /// after a look-ahead step along the velocity, then updates the velocity and x.
    /// </summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters, updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given).</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x and {f(x + momentum * velocity)}.</returns>
    /// <example>Example: <c>var (_, fx) = optim.Nag(Feval, x, new NagConfig { LearningRate = 1e-3 });</c></example>
    public static (Tensor X, double[] Fx) Nag(Func<Tensor, (double, Tensor)> feval, Tensor x, NagConfig? config = null, NagConfig? state = null)
    {
        const string fn = "optim.Nag";
        config ??= new NagConfig();
        state ??= config;
        CheckX(fn, x);
        CheckState(fn, x, ("Dfdx", state.Dfdx), ("DeltaParameters", state.DeltaParameters));
        double lr = config.LearningRate, lrd = config.LearningRateDecay, wd = config.WeightDecay, mom = config.Momentum;
        NonNegative(fn, "LearningRate", lr);
        NonNegative(fn, "LearningRateDecay", lrd);
        if (!(mom > 0))
            throw new ArgumentOutOfRangeException(nameof(config), mom, $"{fn}: Momentum must be positive for Nesterov Accelerated Gradient, got {mom}");
        SameElements(fn, "LearningRates", config.LearningRates, x);
        int nevals = state.EvalCounter;

        // first step along the velocity, then the gradient there; a bad feval puts x back
        using var saved = state.Dfdx is null ? null : x.Clone();
        if (state.Dfdx is not null) x.Add(mom, state.Dfdx);
        (double F, Tensor G) r;
        try { r = Eval(fn, feval, x); }
        catch
        {
            if (saved is not null) x.Copy(saved);
            throw;
        }
        var (fx, dfdx) = r;

        WeightDecay(dfdx, wd, x);
        double clr = lr / (1 + nevals * lrd);
        if (state.Dfdx is null) state.Dfdx = dfdx.New(dfdx.Size()).Fill(0);
        else state.Dfdx.Mul(mom);
        var step = Scaled(x, dfdx, config.LearningRates, state.DeltaParameters, b => state.DeltaParameters = b);
        x.Add(-clr, step);
        state.Dfdx.Add(-clr, step);

        state.EvalCounter++;
        return (x, new[] { fx });
    }
}
