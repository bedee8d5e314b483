using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Lbfgs"/> (Lua's <c>optim.lbfgs</c> table).
/// Example: <c>var cfg = new LbfgsConfig { MaxIter = 100, LineSearch = optim.Lswolfe };</c></summary>
public sealed class LbfgsConfig
{
    /// <summary>Maximum number of iterations per call (default 20). Example: <c>cfg.MaxIter = 100;</c></summary>
    public int MaxIter { get; set; } = 20;
    /// <summary>Maximum number of function evaluations per call; null means MaxIter * 1.25, as in Lua. Example: <c>cfg.MaxEval = 50;</c></summary>
    public double? MaxEval { get; set; }
    /// <summary>Stop when the gradient's L1 norm is at most this (default 1e-5). Example: <c>cfg.TolFun = 1e-6;</c></summary>
    public double TolFun { get; set; } = 1e-5;
    /// <summary>Stop when a step or a change of f is smaller than this (default 1e-9). Example: <c>cfg.TolX = 1e-10;</c></summary>
    public double TolX { get; set; } = 1e-9;
    /// <summary>Number of correction pairs kept (default 100). Example: <c>cfg.NCorrection = 10;</c></summary>
    public int NCorrection { get; set; } = 100;
    /// <summary>A line search (e.g. <see cref="optim.Lswolfe"/>); without one, fixed steps of LearningRate are taken. Example: <c>cfg.LineSearch = optim.Lswolfe;</c></summary>
    public LineSearchFunction? LineSearch { get; set; }
    /// <summary>Options passed to the line search. Example: <c>cfg.LineSearchOptions = new LswolfeConfig { MaxIter = 10 };</c></summary>
    public LswolfeConfig? LineSearchOptions { get; set; }
    /// <summary>Step size, or initial step of the line search (default 1). Example: <c>cfg.LearningRate = 0.1;</c></summary>
    public double LearningRate { get; set; } = 1;
    /// <summary>Print progress (default false). Example: <c>cfg.Verbose = true;</c></summary>
    public bool Verbose { get; set; }

    /// <summary>State: total function evaluations over all calls (Lua's <c>funcEval</c>). Example: <c>cfg.FuncEval</c></summary>
    public int FuncEval { get; set; }
    /// <summary>State: total iterations over all calls (Lua's <c>nIter</c>). Example: <c>cfg.NIter</c></summary>
    public int NIter { get; set; }
    /// <summary>State: a buffer (Lua's <c>tmp1</c>). Example: <c>cfg.Tmp1</c></summary>
    public Tensor? Tmp1 { get; set; }
    /// <summary>State: free buffers for new y vectors (Lua's <c>dir_bufs</c>). Example: <c>cfg.DirBufs</c></summary>
    public List<Tensor>? DirBufs { get; set; }
    /// <summary>State: free buffers for new s vectors (Lua's <c>stp_bufs</c>). Example: <c>cfg.StpBufs</c></summary>
    public List<Tensor>? StpBufs { get; set; }
    /// <summary>State: the last search direction (Lua's <c>d</c>). Example: <c>cfg.D</c></summary>
    public Tensor? D { get; set; }
    /// <summary>State: the last step length (Lua's <c>t</c>). Example: <c>cfg.T</c></summary>
    public double T { get; set; }
    /// <summary>State: stored steps s (Lua's <c>old_dirs</c>). Example: <c>cfg.OldDirs</c></summary>
    public List<Tensor>? OldDirs { get; set; }
    /// <summary>State: stored gradient differences y (Lua's <c>old_stps</c>). Example: <c>cfg.OldStps</c></summary>
    public List<Tensor>? OldStps { get; set; }
    /// <summary>State: scale of the initial inverse Hessian (Lua's <c>Hdiag</c>). Example: <c>cfg.Hdiag</c></summary>
    public double Hdiag { get; set; }
    /// <summary>State: the previous gradient (Lua's <c>g_old</c>). Example: <c>cfg.GOld</c></summary>
    public Tensor? GOld { get; set; }
    /// <summary>State: the previous f (Lua's <c>f_old</c>). Example: <c>cfg.FOld</c></summary>
    public double FOld { get; set; }
    /// <summary>State: 1 / (y·s) per pair (Lua's <c>ro</c>). Example: <c>cfg.Ro</c></summary>
    public double[]? Ro { get; set; }
    /// <summary>State: the two-loop coefficients (Lua's <c>al</c>). Example: <c>cfg.Al</c></summary>
    public double[]? Al { get; set; }
}

public static partial class optim
{
    /// <summary>
    /// Limited-memory BFGS (Lua's <c>optim.lbfgs</c>, after minFunc): runs up to MaxIter iterations, with the configured
    /// line search or with fixed steps of LearningRate (then the last iteration is not re-evaluated). Stops when the
    /// gradient's L1 norm &lt;= TolFun, a step's L1 norm &lt;= TolX, |Δf| &lt; TolX, or MaxIter/MaxEval is reached.
    /// </summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters (1-D), updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given).</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x, the history of f (f before the first step first), and the number of evaluations of this call.</returns>
    /// <example>Example: <c>var (x1, fHist, nEval) = optim.Lbfgs(Feval, x, new LbfgsConfig { MaxIter = 100 });</c></example>
    public static CountedResult Lbfgs(Func<Tensor, (double, Tensor)> feval, Tensor x, LbfgsConfig? config = null, LbfgsConfig? state = null)
    {
        const string fn = "optim.Lbfgs";
        config ??= new LbfgsConfig();
        state ??= config;
        CheckX(fn, x);
        CheckState(fn, x, new[] { ("Tmp1", state.Tmp1), ("D", state.D), ("GOld", state.GOld) } // the direction and step buffers are resized
            .Concat((state.OldDirs ?? new()).Select(t => ("OldDirs", (Tensor?)t)))
            .Concat((state.OldStps ?? new()).Select(t => ("OldStps", (Tensor?)t))).ToArray());
        int maxIter = config.MaxIter, nCorrection = config.NCorrection;
        double maxEval = config.MaxEval ?? maxIter * 1.25, tolFun = config.TolFun, tolX = config.TolX, learningRate = config.LearningRate;
        NonNegative(fn, "LearningRate", learningRate);
        if (nCorrection < 1) throw new ArgumentOutOfRangeException(nameof(config), nCorrection, $"{fn}: NCorrection must be >= 1, got {nCorrection}");
        void Verbose(string message) { if (config.Verbose) Console.WriteLine("<optim.lbfgs> \t" + message); }

        var (f, g) = Eval(fn, feval, x);
        var fHist = new List<double> { f };
        int currentFuncEval = 1;
        state.FuncEval++;
        long p = g.NElement();

        var tmp1 = state.Tmp1 ??= Zeros(g);
        if (tmp1.Copy(g).Abs().Sum() <= tolFun)
        {
            Verbose("optimality condition below tolFun");
            return new CountedResult(x, fHist.ToArray(), currentFuncEval);
        }
        if (state.DirBufs is null || state.StpBufs is null)
        {
            Verbose("creating recyclable direction/step/history buffers");
            state.DirBufs = Enumerable.Range(0, nCorrection + 1).Select(_ => g.New(p)).ToList();
            state.StpBufs = Enumerable.Range(0, nCorrection + 1).Select(_ => g.New(p)).ToList();
        }

        var d = state.D;
        double t = state.T, hdiag = state.Hdiag, fOld = state.FOld;
        var oldDirs = state.OldDirs;
        var oldStps = state.OldStps;
        var gOld = state.GOld;

        int nIter = 0;
        while (nIter < maxIter)
        {
            nIter++;
            state.NIter++;

            if (state.NIter == 1 || d is null || oldDirs is null || oldStps is null || gOld is null)
            {
                d = g.Clone().Mul(-1);
                oldDirs = new List<Tensor>();
                oldStps = new List<Tensor>();
                hdiag = 1;
            }
            else
            {
                d = TwoLoop(state, g, gOld, d, t, ref hdiag, oldDirs, oldStps, tmp1, nCorrection);
            }
            gOld ??= g.Clone();
            gOld.Copy(g);
            fOld = f;

            double gtd = g.Dot(d);
            if (gtd > -tolX) break; // no progress possible along d

            t = state.NIter == 1 ? Math.Min(1, 1 / tmp1.Copy(g).Abs().Sum()) * learningRate : learningRate;

            int lsFuncEval = 0;
            if (config.LineSearch is { } lineSearch)
            {
                (f, g, x, t, lsFuncEval) = lineSearch(feval, x, t, d, f, g, gtd, config.LineSearchOptions);
                fHist.Add(f);
            }
            else
            {
                x.Add(t, d);
                if (nIter != maxIter)
                {
                    // re-evaluate only if not in the last iteration: in a stochastic setting the value would be wasted
                    (f, g) = Eval(fn, feval, x);
                    lsFuncEval = 1;
                    fHist.Add(f);
                }
            }
            currentFuncEval += lsFuncEval;
            state.FuncEval += lsFuncEval;

            if (nIter == maxIter) { Verbose("reached max number of iterations"); break; }
            if (currentFuncEval >= maxEval) { Verbose("max nb of function evals"); break; }
            if (tmp1.Copy(g).Abs().Sum() <= tolFun) { Verbose("optimality condition below tolFun"); break; }
            if (tmp1.Copy(d).Mul(t).Abs().Sum() <= tolX) { Verbose("step size below tolX"); break; }
            if (Math.Abs(f - fOld) < tolX) { Verbose("function value changing less than tolX"); break; }
        }

        state.OldDirs = oldDirs;
        state.OldStps = oldStps;
        state.Hdiag = hdiag;
        state.GOld = gOld;
        state.FOld = fOld;
        state.T = t;
        state.D = d;
        return new CountedResult(x, fHist.ToArray(), currentFuncEval);
    }

    /// <summary>The L-BFGS memory update and two-loop recursion: returns the new direction, written into d's buffer.</summary>
    static Tensor TwoLoop(LbfgsConfig state, Tensor g, Tensor gOld, Tensor d, double t, ref double hdiag,
        List<Tensor> oldDirs, List<Tensor> oldStps, Tensor q, int nCorrection)
    {
        var y = Pop(state.DirBufs!);
        var s = Pop(state.StpBufs!);
        y.Add(g, -1, gOld);
        s.Mul(d, t);
        double ys = y.Dot(s);
        if (ys > 1e-10)
        {
            if (oldDirs.Count == nCorrection)
            {
                // limited memory: recycle the oldest pair
                state.DirBufs!.Add(oldDirs[0]); oldDirs.RemoveAt(0);
                state.StpBufs!.Add(oldStps[0]); oldStps.RemoveAt(0);
            }
            oldDirs.Add(s);
            oldStps.Add(y);
            hdiag = ys / y.Dot(y);
        }
        else
        {
            state.DirBufs!.Add(y);
            state.StpBufs!.Add(s);
        }

        int k = oldDirs.Count;
        var ro = state.Ro ??= new double[nCorrection];
        var al = state.Al ??= new double[nCorrection];
        for (int i = 0; i < k; i++) ro[i] = 1 / oldStps[i].Dot(oldDirs[i]);

        q.Mul(g, -1);
        for (int i = k - 1; i >= 0; i--)
        {
            al[i] = oldDirs[i].Dot(q) * ro[i];
            q.Add(-al[i], oldStps[i]);
        }
        var r = d.Mul(q, hdiag);
        for (int i = 0; i < k; i++)
        {
            double beI = oldStps[i].Dot(r) * ro[i];
            r.Add(al[i] - beI, oldDirs[i]);
        }
        return r;
    }

    static Tensor Pop(List<Tensor> buffers)
    {
        var last = buffers[^1];
        buffers.RemoveAt(buffers.Count - 1);
        return last;
    }
}
