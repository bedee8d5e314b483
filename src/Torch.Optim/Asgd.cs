using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Asgd"/> (Lua's <c>optim.asgd</c> table).
/// Example: <c>var cfg = new AsgdConfig { Eta0 = 1e-3 };</c></summary>
public sealed class AsgdConfig
{
    /// <summary>Initial learning rate (default 1e-4). Example: <c>cfg.Eta0 = 1e-3;</c></summary>
    public double Eta0 { get; set; } = 1e-4;
    /// <summary>Decay term (default 1e-4). Example: <c>cfg.Lambda = 1e-4;</c></summary>
    public double Lambda { get; set; } = 1e-4;
    /// <summary>Power of the eta update (default 0.75). Example: <c>cfg.Alpha = 0.75;</c></summary>
    public double Alpha { get; set; } = 0.75;
    /// <summary>Step at which averaging starts (default 1e6). Example: <c>cfg.T0 = 100;</c></summary>
    public double T0 { get; set; } = 1e6;

    /// <summary>State: the current learning rate (Lua's <c>eta_t</c>; null until the first call, then Eta0). Example: <c>double? e = cfg.EtaT;</c></summary>
    public double? EtaT { get; set; }
    /// <summary>State: the averaging rate (Lua's <c>mu_t</c>, starts at 1). Example: <c>double m = cfg.MuT;</c></summary>
    public double MuT { get; set; } = 1;
    /// <summary>State: number of calls so far (Lua's <c>t</c>). Example: <c>int t = cfg.T;</c></summary>
    public int T { get; set; }
    /// <summary>State: the averaged parameters (Lua's <c>ax</c>). Example: <c>Tensor? ax = cfg.Ax;</c></summary>
    public Tensor? Ax { get; set; }
    /// <summary>State: a buffer (Lua's <c>tmp</c>). Example: <c>cfg.Tmp</c></summary>
    public Tensor? Tmp { get; set; }
}

public static partial class optim
{
    /// <summary>
    /// Averaged SGD as in L. Bottou's sgd-2.0 (Lua's <c>optim.asgd</c>): <c>x := (1 - lambda eta_t) x - eta_t df/dx</c>,
    /// <c>ax := ax + mu_t (x - ax)</c>, with <c>eta_t = eta0 / (1 + lambda eta0 t)^alpha</c> and <c>mu_t = 1/max(1, t - t0)</c>.
    /// </summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters, updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given).</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x, {f(x) before the step}, and the averaged parameters ax.</returns>
    /// <example>Example: <c>var (x1, fx, ax) = optim.Asgd(Feval, x, new AsgdConfig { Eta0 = 1e-3 });</c></example>
    public static AsgdResult Asgd(Func<Tensor, (double, Tensor)> feval, Tensor x, AsgdConfig? config = null, AsgdConfig? state = null)
    {
        const string fn = "optim.Asgd";
        config ??= new AsgdConfig();
        state ??= config;
        CheckX(fn, x);
        CheckState(fn, x, ("Ax", state.Ax), ("Tmp", state.Tmp));
        NonNegative(fn, "Eta0", config.Eta0);
        NonNegative(fn, "Lambda", config.Lambda);

        var (fx, dfdx) = Eval(fn, feval, x);

        double etaT = state.EtaT ??= config.Eta0;
        x.Mul(1 - config.Lambda * etaT);
        x.Add(-etaT, dfdx);

        var ax = state.Ax ??= Zeros(x);
        var tmp = state.Tmp ??= ax.New(ax.Size());
        if (state.MuT != 1)
        {
            tmp.Copy(x).Add(-1, ax).Mul(state.MuT);
            ax.Add(tmp);
        }
        else ax.Copy(x);

        state.T++;
        state.EtaT = config.Eta0 / Math.Pow(1 + config.Lambda * config.Eta0 * state.T, config.Alpha);
        state.MuT = 1 / Math.Max(1, state.T - config.T0);
        return new AsgdResult(x, new[] { fx }, ax);
    }
}
