using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Sgd"/> (Lua's config/state table of <c>optim.sgd</c>).
/// Example: <c>var cfg = new SgdConfig { LearningRate = 0.01, Momentum = 0.9 };</c></summary>
public sealed class SgdConfig
{
    /// <summary>Learning rate (default 1e-3). Example: <c>cfg.LearningRate = 0.01;</c></summary>
    public double LearningRate { get; set; } = 1e-3;
    /// <summary>Learning-rate decay: the step is <c>lr / (1 + EvalCounter * LearningRateDecay)</c> (default 0). Example: <c>cfg.LearningRateDecay = 1e-4;</c></summary>
    public double LearningRateDecay { get; set; }
    /// <summary>L2 weight decay added to the gradient as <c>wd * x</c> (default 0). Example: <c>cfg.WeightDecay = 5e-4;</c></summary>
    public double WeightDecay { get; set; }
    /// <summary>Per-parameter weight decays, used when <see cref="WeightDecay"/> is 0 (default none). Example: <c>cfg.WeightDecays = torch.Tensor(n).Fill(1e-4);</c></summary>
    public Tensor? WeightDecays { get; set; }
    /// <summary>Momentum (default 0). Example: <c>cfg.Momentum = 0.9;</c></summary>
    public double Momentum { get; set; }
    /// <summary>Dampening of the momentum; null means "same as Momentum", as in Lua. Example: <c>cfg.Dampening = 0;</c></summary>
    public double? Dampening { get; set; }
    /// <summary>Nesterov momentum (needs Momentum &gt; 0 and Dampening 0; default false). Example: <c>cfg.Nesterov = true;</c></summary>
    public bool Nesterov { get; set; }
    /// <summary>Per-parameter learning rates, multiplied into the gradient (default none). Example: <c>cfg.LearningRates = torch.Tensor(n).Fill(1);</c></summary>
    public Tensor? LearningRates { get; set; }

    /// <summary>State: number of calls so far (Lua's <c>evalCounter</c>). Example: <c>int n = cfg.EvalCounter;</c></summary>
    public int EvalCounter { get; set; }
    /// <summary>State: the momentum buffer (Lua's <c>dfdx</c>), created on the first call with momentum. Example: <c>cfg.Dfdx?.Size()</c></summary>
    public Tensor? Dfdx { get; set; }
    /// <summary>State: buffer for <c>weightDecays .* x</c> (Lua's <c>decayParameters</c>). Example: <c>cfg.DecayParameters</c></summary>
    public Tensor? DecayParameters { get; set; }
    /// <summary>State: buffer for <c>learningRates .* dfdx</c> (Lua's <c>deltaParameters</c>). Example: <c>cfg.DeltaParameters</c></summary>
    public Tensor? DeltaParameters { get; set; }
}

public static partial class optim
{
    /// <summary>
    /// Stochastic gradient descent (Lua's <c>optim.sgd</c>): weight decay, momentum with dampening or Nesterov,
    /// learning-rate decay, per-parameter learning rates. Evaluates feval once; returns x (updated in place) and {f(x) before the step}.
    /// </summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters, updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given); reuse it across calls.</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x and the one-element table {f(x)}.</returns>
    /// <example>Example: <c>var (_, fx) = optim.Sgd(Feval, w, new SgdConfig { LearningRate = 0.01 });</c></example>
    public static (Tensor X, double[] Fx) Sgd(Func<Tensor, (double, Tensor)> feval, Tensor x, SgdConfig? config = null, SgdConfig? state = null)
    {
        const string fn = "optim.Sgd";
        config ??= new SgdConfig();
        state ??= config;
        CheckX(fn, x);
        CheckState(fn, x, ("Dfdx", state.Dfdx), ("DecayParameters", state.DecayParameters), ("DeltaParameters", state.DeltaParameters));
        double lr = config.LearningRate, lrd = config.LearningRateDecay, wd = config.WeightDecay, mom = config.Momentum;
        double damp = config.Dampening ?? mom;
        NonNegative(fn, "LearningRate", lr);
        NonNegative(fn, "LearningRateDecay", lrd);
        if (config.Nesterov && !(mom > 0 && damp == 0))
            throw new ArgumentException($"{fn}: Nesterov momentum requires a momentum and zero dampening (got Momentum = {mom}, Dampening = {damp})");
        SameElements(fn, "LearningRates", config.LearningRates, x);
        SameElements(fn, "WeightDecays", config.WeightDecays, x);
        int nevals = state.EvalCounter;

        var (fx, dfdx) = Eval(fn, feval, x);

        if (wd != 0) dfdx.Add(wd, x);
        else if (config.WeightDecays is { } wds)
        {
            state.DecayParameters ??= x.New(dfdx.Size());
            state.DecayParameters.Copy(wds).Cmul(x);
            dfdx.Add(state.DecayParameters);
        }

        if (mom != 0)
        {
            if (state.Dfdx is null) state.Dfdx = dfdx.New(dfdx.Size()).Copy(dfdx);
            else state.Dfdx.Mul(mom).Add(1 - damp, dfdx);
            if (config.Nesterov) dfdx.Add(mom, state.Dfdx);
            else dfdx = state.Dfdx;
        }

        double clr = lr / (1 + nevals * lrd);
        x.Add(-clr, Scaled(x, dfdx, config.LearningRates, state.DeltaParameters, b => state.DeltaParameters = b));

        state.EvalCounter++;
        return (x, new[] { fx });
    }

    /// <summary>Lua's per-parameter learning rates: <c>buffer:copy(lrs):cmul(dfdx)</c>, or dfdx itself without them.</summary>
    static Tensor Scaled(Tensor x, Tensor dfdx, Tensor? lrs, Tensor? buffer, Action<Tensor> keep)
    {
        if (lrs is null) return dfdx;
        if (buffer is null) keep(buffer = x.New(dfdx.Size()));
        return buffer.Copy(lrs).Cmul(dfdx);
    }
}
