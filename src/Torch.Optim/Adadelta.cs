using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Adadelta"/> (Lua's <c>optim.adadelta</c> table).
/// Example: <c>var cfg = new AdadeltaConfig { Eps = 1e-10 };</c></summary>
public sealed class AdadeltaConfig
{
    /// <summary>Interpolation parameter (default 0.9). Example: <c>cfg.Rho = 0.95;</c></summary>
    public double Rho { get; set; } = 0.9;
    /// <summary>Numerical-stability term (default 1e-6). Example: <c>cfg.Eps = 1e-10;</c></summary>
    public double Eps { get; set; } = 1e-6;
    /// <summary>Weight decay (default 0). Example: <c>cfg.WeightDecay = 5e-4;</c></summary>
    public double WeightDecay { get; set; }

    /// <summary>State: number of calls so far (Lua's <c>evalCounter</c>). Example: <c>cfg.EvalCounter</c></summary>
    public int EvalCounter { get; set; }
    /// <summary>State: running average of squared gradients (Lua's <c>paramVariance</c>). Example: <c>cfg.ParamVariance</c></summary>
    public Tensor? ParamVariance { get; set; }
    /// <summary>State: <c>sqrt(paramVariance + eps)</c> (Lua's <c>paramStd</c>). Example: <c>cfg.ParamStd</c></summary>
    public Tensor? ParamStd { get; set; }
    /// <summary>State: the last step (Lua's <c>delta</c>). Example: <c>cfg.Delta</c></summary>
    public Tensor? Delta { get; set; }
    /// <summary>State: running average of squared steps (Lua's <c>accDelta</c>). Example: <c>cfg.AccDelta</c></summary>
    public Tensor? AccDelta { get; set; }
}

public static partial class optim
{
    /// <summary>ADADELTA (Zeiler 2012; Lua's <c>optim.adadelta</c>): steps of <c>sqrt(accDelta + eps) / sqrt(E[g²] + eps) * g</c>.</summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters, updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given).</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x and {f(x) before the step}.</returns>
    /// <example>Example: <c>var (_, fx) = optim.Adadelta(Feval, x, new AdadeltaConfig());</c></example>
    public static (Tensor X, double[] Fx) Adadelta(Func<Tensor, (double, Tensor)> feval, Tensor x, AdadeltaConfig? config = null, AdadeltaConfig? state = null)
    {
        const string fn = "optim.Adadelta";
        if (config is null && state is null) Console.WriteLine("no state table, ADADELTA initializing"); // as Lua warns
        config ??= new AdadeltaConfig();
        state ??= config;
        CheckX(fn, x);
        CheckState(fn, x, ("ParamVariance", state.ParamVariance), ("AccDelta", state.AccDelta)); // ParamStd and Delta are resized
        double rho = config.Rho, eps = config.Eps;
        InRange(fn, "Rho", rho, 0, 1);
        NonNegative(fn, "Eps", eps);

        var (fx, dfdx) = Eval(fn, feval, x);
        WeightDecay(dfdx, config.WeightDecay, x);

        if (state.ParamVariance is null || state.ParamStd is null || state.Delta is null || state.AccDelta is null)
        {
            state.ParamVariance = Zeros(x, dfdx.Size());
            state.ParamStd = Zeros(x, dfdx.Size());
            state.Delta = Zeros(x, dfdx.Size());
            state.AccDelta = Zeros(x, dfdx.Size());
        }
        state.ParamVariance.Mul(rho).Addcmul(1 - rho, dfdx, dfdx);
        state.ParamStd.ResizeAs(state.ParamVariance).Copy(state.ParamVariance).Add(eps).Sqrt();
        state.Delta.ResizeAs(state.ParamVariance).Copy(state.AccDelta).Add(eps).Sqrt().Cdiv(state.ParamStd).Cmul(dfdx);
        x.Add(-1, state.Delta);
        state.AccDelta.Mul(rho).Addcmul(1 - rho, state.Delta, state.Delta);

        state.EvalCounter++;
        return (x, new[] { fx });
    }
}
