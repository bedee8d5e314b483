using Torch.Native;
using TT = TorchSharp.torch.Tensor;
using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Rprop"/> (Lua's <c>optim.rprop</c> table).
/// Example: <c>var cfg = new RpropConfig { Stepsize = 0.01 };</c></summary>
public sealed class RpropConfig
{
    /// <summary>Initial step size, common to all components (default 0.1). Example: <c>cfg.Stepsize = 0.01;</c></summary>
    public double Stepsize { get; set; } = 0.1;
    /// <summary>Multiplicative increase factor, &gt; 1 (default 1.2). Example: <c>cfg.Etaplus = 1.2;</c></summary>
    public double Etaplus { get; set; } = 1.2;
    /// <summary>Multiplicative decrease factor, &lt; 1 (default 0.5). Example: <c>cfg.Etaminus = 0.5;</c></summary>
    public double Etaminus { get; set; } = 0.5;
    /// <summary>Largest step size (default 50). Example: <c>cfg.Stepsizemax = 10;</c></summary>
    public double Stepsizemax { get; set; } = 50;
    /// <summary>Smallest step size (default 1e-6). Example: <c>cfg.Stepsizemin = 1e-8;</c></summary>
    public double Stepsizemin { get; set; } = 1e-6;
    /// <summary>Number of iterations per call (default 1). Example: <c>cfg.Niter = 5;</c></summary>
    public int Niter { get; set; } = 1;

    /// <summary>State: the previous gradient, zeroed where its sign flipped (Lua's <c>delta</c>). Example: <c>cfg.Delta</c></summary>
    public Tensor? Delta { get; set; }
    /// <summary>State: the per-component step sizes (Lua's <c>state.stepsize</c> tensor, renamed because the config's
    /// <see cref="Stepsize"/> number shares the object). Example: <c>cfg.Stepsizes</c></summary>
    public Tensor? Stepsizes { get; set; }
    /// <summary>State: sign buffer (Lua's <c>sign</c>). Example: <c>cfg.Sign</c></summary>
    public Tensor? Sign { get; set; }
}

public static partial class optim
{
    /// <summary>RPROP (Riedmiller; Lua's <c>optim.rprop</c>): per-component step sizes grow by Etaplus while the gradient
    /// keeps its sign and shrink by Etaminus when it flips; x moves by <c>-sign(g) * stepsize</c>. Runs Niter iterations.</summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters, updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given).</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x and the f(x) of each iteration.</returns>
    /// <example>Example: <c>var (_, fx) = optim.Rprop(Feval, x, new RpropConfig { Stepsize = 0.01 });</c></example>
    public static (Tensor X, double[] Fx) Rprop(Func<Tensor, (double, Tensor)> feval, Tensor x, RpropConfig? config = null, RpropConfig? state = null)
    {
        const string fn = "optim.Rprop";
        if (config is null && state is null) Console.WriteLine("no state table RPROP initializing"); // as Lua warns
        config ??= new RpropConfig();
        state ??= config;
        CheckX(fn, x);
        CheckState(fn, x, ("Delta", state.Delta), ("Stepsizes", state.Stepsizes), ("Sign", state.Sign));
        NonNegative(fn, "Stepsize", config.Stepsize);
        NonNegative(fn, "Stepsizemin", config.Stepsizemin);
        if (config.Stepsizemax < config.Stepsizemin)
            throw new ArgumentException($"{fn}: Stepsizemax ({config.Stepsizemax}) must be >= Stepsizemin ({config.Stepsizemin})");
        var hfx = new List<double>();
        for (int i = 0; i < config.Niter; i++)
        {
            var (fx, dfdx) = Eval(fn, feval, x);
            if (state.Delta is null || state.Stepsizes is null || state.Sign is null)
            {
                state.Delta = Zeros(dfdx);
                state.Stepsizes = dfdx.New(dfdx.Size()).Fill(config.Stepsize);
                state.Sign = dfdx.New(dfdx.Size());
            }
            var sign = state.Sign.Raw;
            sign.copy_(dfdx.Raw).mul_(state.Delta.Raw).sign_();
            using (var psign = Compare(sign, (a, b) => a.gt(b), 0))
            using (var nsign = Compare(sign, (a, b) => a.lt(b), 0))
            using (var zsign = Compare(sign, (a, b) => a.eq(b), 0))
            {
                Fill(sign, psign, config.Etaplus);
                Fill(sign, nsign, config.Etaminus);
                Fill(sign, zsign, 1);
                var step = state.Stepsizes.Raw.mul_(sign);
                using (var over = Compare(step, (a, b) => a.gt(b), config.Stepsizemax)) Fill(step, over, config.Stepsizemax);
                using (var under = Compare(step, (a, b) => a.lt(b), config.Stepsizemin)) Fill(step, under, config.Stepsizemin);
                Fill(dfdx.Raw, nsign, 0);
            }
            sign.copy_(dfdx.Raw).sign_();
            x.Addcmul(-1, state.Sign, state.Stepsizes);
            state.Delta.Copy(dfdx);
            hfx.Add(fx);
        }
        return (x, hfx.ToArray());
    }

    /// <summary>A boolean mask comparing t with the number v (Lua's <c>t.gt(mask, t, v)</c> and kin).</summary>
    static TT Compare(TT t, Func<TT, TorchSharp.Scalar, TT> op, double v)
    {
        using var s = ScalarLease.Of(v, t.dtype);
        return op(t, s.Value);
    }

    /// <summary>Lua's <c>t[mask] = v</c>.</summary>
    static void Fill(TT t, TT mask, double v)
    {
        using var s = ScalarLease.Of(v, t.dtype);
        t.masked_fill_(mask, s.Value);
    }
}
