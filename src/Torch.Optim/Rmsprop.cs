using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Rmsprop"/> (Lua's <c>optim.rmsprop</c> table).
/// Example: <c>var cfg = new RmspropConfig { LearningRate = 5e-4 };</c></summary>
public sealed class RmspropConfig
{
    /// <summary>Learning rate (default 1e-2). Example: <c>cfg.LearningRate = 5e-4;</c></summary>
    public double LearningRate { get; set; } = 1e-2;
    /// <summary>Smoothing constant (default 0.99). Example: <c>cfg.Alpha = 0.95;</c></summary>
    public double Alpha { get; set; } = 0.99;
    /// <summary>Added to the root mean square (default 1e-8). Example: <c>cfg.Epsilon = 1e-6;</c></summary>
    public double Epsilon { get; set; } = 1e-8;
    /// <summary>Weight decay (default 0). Example: <c>cfg.WeightDecay = 5e-4;</c></summary>
    public double WeightDecay { get; set; }
    /// <summary>Initial value of the mean square (default 0). Example: <c>cfg.InitialMean = 1;</c></summary>
    public double InitialMean { get; set; }

    /// <summary>State: leaky mean of squared gradients (Lua's <c>m</c>). Example: <c>cfg.M</c></summary>
    public Tensor? M { get; set; }
    /// <summary>State: <c>sqrt(m) + epsilon</c> (Lua's <c>tmp</c>). Example: <c>cfg.Tmp</c></summary>
    public Tensor? Tmp { get; set; }
}

public static partial class optim
{
    /// <summary>RMSprop (Lua's <c>optim.rmsprop</c>): <c>m = alpha m + (1 - alpha) g²</c>, <c>x -= lr g / (sqrt(m) + eps)</c>.</summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters, updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given).</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x and {f(x) before the step}.</returns>
    /// <example>Example: <c>var (_, fx) = optim.Rmsprop(Feval, x, new RmspropConfig { LearningRate = 5e-4 });</c></example>
    public static (Tensor X, double[] Fx) Rmsprop(Func<Tensor, (double, Tensor)> feval, Tensor x, RmspropConfig? config = null, RmspropConfig? state = null)
    {
        const string fn = "optim.Rmsprop";
        config ??= new RmspropConfig();
        state ??= config;
        CheckX(fn, x);
        CheckState(fn, x, ("M", state.M), ("Tmp", state.Tmp));
        double lr = config.LearningRate, alpha = config.Alpha;
        NonNegative(fn, "LearningRate", lr);
        InRange(fn, "Alpha", alpha, 0, 1);

        var (fx, dfdx) = Eval(fn, feval, x);
        WeightDecay(dfdx, config.WeightDecay, x);

        if (state.M is null || state.Tmp is null)
        {
            state.M = x.New(dfdx.Size()).Fill(config.InitialMean);
            state.Tmp = x.New(dfdx.Size());
        }
        if (Fused.Rmsprop(x, dfdx, state.M, state.Tmp, alpha, config.Epsilon, lr)) return (x, new[] { fx });
        state.M.Mul(alpha);
        state.M.Addcmul(1 - alpha, dfdx, dfdx);
        state.Tmp.Copy(state.M).Sqrt().Add(config.Epsilon);
        x.Addcdiv(-lr, dfdx, state.Tmp);
        return (x, new[] { fx });
    }
}
