using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Adagrad"/> (Lua's <c>optim.adagrad</c> table).
/// Example: <c>var cfg = new AdagradConfig { LearningRate = 0.1 };</c></summary>
public sealed class AdagradConfig
{
    /// <summary>Learning rate (default 1e-3). Example: <c>cfg.LearningRate = 0.1;</c></summary>
    public double LearningRate { get; set; } = 1e-3;
    /// <summary>Learning-rate decay (default 0). Example: <c>cfg.LearningRateDecay = 1e-4;</c></summary>
    public double LearningRateDecay { get; set; }
    /// <summary>Weight decay (default 0). Example: <c>cfg.WeightDecay = 5e-4;</c></summary>
    public double WeightDecay { get; set; }

    /// <summary>State: number of calls so far (Lua's <c>evalCounter</c>). Example: <c>cfg.EvalCounter</c></summary>
    public int EvalCounter { get; set; }
    /// <summary>State: accumulated squared gradients (Lua's <c>paramVariance</c>). Example: <c>cfg.ParamVariance</c></summary>
    public Tensor? ParamVariance { get; set; }
    /// <summary>State: <c>sqrt(paramVariance) + 1e-10</c> (Lua's <c>paramStd</c>). Example: <c>cfg.ParamStd</c></summary>
    public Tensor? ParamStd { get; set; }
}

public static partial class optim
{
    /// <summary>AdaGrad (Lua's <c>optim.adagrad</c>): <c>x -= clr * g / (sqrt(Σ g²) + 1e-10)</c>.</summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters, updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given).</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x and {f(x) before the step}.</returns>
    /// <example>Example: <c>var (_, fx) = optim.Adagrad(Feval, x, new AdagradConfig { LearningRate = 0.1 });</c></example>
    public static (Tensor X, double[] Fx) Adagrad(Func<Tensor, (double, Tensor)> feval, Tensor x, AdagradConfig? config = null, AdagradConfig? state = null)
    {
        const string fn = "optim.Adagrad";
        if (config is null && state is null) Console.WriteLine("no state table, ADAGRAD initializing"); // as Lua warns
        config ??= new AdagradConfig();
        state ??= config;
        CheckX(fn, x);
        CheckState(fn, x, ("ParamVariance", state.ParamVariance)); // ParamStd is resized
        double lr = config.LearningRate, lrd = config.LearningRateDecay;
        NonNegative(fn, "LearningRate", lr);
        NonNegative(fn, "LearningRateDecay", lrd);
        int nevals = state.EvalCounter;

        var (fx, dfdx) = Eval(fn, feval, x);
        WeightDecay(dfdx, config.WeightDecay, x);
        double clr = lr / (1 + nevals * lrd);

        if (state.ParamVariance is null || state.ParamStd is null)
        {
            state.ParamVariance = Zeros(x, dfdx.Size());
            state.ParamStd = x.New(dfdx.Size());
        }
        state.ParamVariance.Addcmul(1, dfdx, dfdx);
        state.ParamStd.ResizeAs(state.ParamVariance).Copy(state.ParamVariance).Sqrt();
        x.Addcdiv(-clr, dfdx, state.ParamStd.Add(1e-10));

        state.EvalCounter++;
        return (x, new[] { fx });
    }
}
