using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Options of <see cref="optim.Lswolfe"/> (Lua's <c>options</c> table of <c>optim.lswolfe</c>).
/// Example: <c>var opts = new LswolfeConfig { C1 = 1e-4, C2 = 0.9 };</c></summary>
public sealed class LswolfeConfig
{
    /// <summary>Sufficient-decrease parameter (default 1e-4). Example: <c>opts.C1 = 1e-4;</c></summary>
    public double C1 { get; set; } = 1e-4;
    /// <summary>Curvature parameter (default 0.9). Example: <c>opts.C2 = 0.9;</c></summary>
    public double C2 { get; set; } = 0.9;
    /// <summary>Smallest allowed progress (default 1e-9). Example: <c>opts.TolX = 1e-9;</c></summary>
    public double TolX { get; set; } = 1e-9;
    /// <summary>Maximum number of iterations (default 20). Example: <c>opts.MaxIter = 20;</c></summary>
    public int MaxIter { get; set; } = 20;
    /// <summary>Print progress (default false). Example: <c>opts.Verbose = true;</c></summary>
    public bool Verbose { get; set; }
}

/// <summary>A line search as <see cref="optim.Lbfgs"/> calls it (Lua's <c>lineSearch(opfunc, x, t, d, f, g, gtd, options)</c>):
/// moves x to x + t d for a step t it chooses and returns f and g there, x, t and its number of evaluations.
/// Example: <c>LineSearchFunction ls = optim.Lswolfe;</c></summary>
public delegate (double F, Tensor G, Tensor X, double T, int LsFuncEval) LineSearchFunction(
    Func<Tensor, (double, Tensor)> opfunc, Tensor x, double t, Tensor d, double f, Tensor g, double gtd, LswolfeConfig? options = null);

public static partial class optim
{
    /// <summary>
    /// A line search satisfying the strong Wolfe conditions (Lua's <c>optim.lswolfe</c>, from minFunc): brackets a step,
    /// then zooms in with cubic interpolation.
    /// </summary>
    /// <param name="opfunc">Returns f(x) and df/dx.</param>
    /// <param name="x">Starting point; left at x + t d.</param>
    /// <param name="t">Initial step size.</param>
    /// <param name="d">Descent direction.</param>
    /// <param name="f">f at the starting point.</param>
    /// <param name="g">Gradient at the starting point.</param>
    /// <param name="gtd">Directional derivative g·d at the starting point.</param>
    /// <param name="options">c1, c2, tolX, maxIter, verbose.</param>
    /// <returns>f and g at the new point, x, the step t, and the number of evaluations.</returns>
    /// <example>Example: <c>var (f1, g1, x1, t1, n) = optim.Lswolfe(Feval, x, 1, d, f, g, g.Raw.dot(d.Raw).item&lt;double&gt;());</c></example>
    public static (double F, Tensor G, Tensor X, double T, int LsFuncEval) Lswolfe(
        Func<Tensor, (double, Tensor)> opfunc, Tensor x, double t, Tensor d, double f, Tensor g, double gtd, LswolfeConfig? options = null)
    {
        const string fn = "optim.Lswolfe";
        options ??= new LswolfeConfig();
        CheckX(fn, x);
        SameElements(fn, "d", d, x);
        SameElements(fn, "g", g, x);
        double c1 = options.C1, c2 = options.C2, tolX = options.TolX;
        int maxIter = options.MaxIter;
        void Verbose(string message) { if (options.Verbose) Console.WriteLine("<optim.lswolfe> \t" + message); }

        var xInit = x.Clone();
        x.Add(t, d);
        var (fNew, gNew) = Eval(fn, opfunc, x);
        int lsFuncEval = 1;
        double gtdNew = gNew.Dot(d);

        int lsIter = 0;
        double tPrev = 0;
        bool done = false;
        double fPrev = f, gtdPrev = gtd;
        var gPrev = g.Clone();
        double[] bracket = Array.Empty<double>(), bracketFval = Array.Empty<double>();
        Tensor[] bracketGval = Array.Empty<Tensor>();
        while (lsIter < maxIter)
        {
            bool wolfe = Math.Abs(gtdNew) <= -c2 * gtd;
            if (fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev) || (!wolfe && gtdNew >= 0))
            {
                // Armijo fails, or no decrease since the last step, or the slope turned: the interval brackets a point
                (bracket, bracketFval, bracketGval) = (new[] { tPrev, t }, new[] { fPrev, fNew }, new[] { gPrev.Clone(), gNew.Clone() });
                break;
            }
            if (wolfe)
            {
                (bracket, bracketFval, bracketGval) = (new[] { t }, new[] { fNew }, new[] { gNew.Clone() });
                done = true;
                break;
            }
            double tmp = tPrev;
            tPrev = t;
            double minStep = t + 0.01 * (t - tmp), maxStep = t * 10;
            t = Interpolate(new double[,] { { tmp, fPrev, gtdPrev }, { t, fNew, gtdNew } }, minStep, maxStep);

            fPrev = fNew;
            gPrev.Dispose();
            gPrev = gNew.Clone();
            gtdPrev = gtdNew;
            x.Copy(xInit).Add(t, d);
            (fNew, gNew) = Eval(fn, opfunc, x);
            lsFuncEval++;
            gtdNew = gNew.Dot(d);
            lsIter++;
        }

        if (lsIter == maxIter)
        {
            foreach (var b in bracketGval) b.Dispose();
            (bracket, bracketFval, bracketGval) = (new[] { 0, t }, new[] { f, fNew }, new[] { g.Clone(), gNew.Clone() });
        }

        bool insufProgress = false;
        while (!done && lsIter < maxIter)
        {
            int lo = bracketFval[1] < bracketFval[0] ? 1 : 0, hi = 1 - lo;
            double fLo = bracketFval[lo];
            t = Interpolate(new double[,]
            {
                { bracket[0], bracketFval[0], bracketGval[0].Dot(d) },
                { bracket[1], bracketFval[1], bracketGval[1].Dot(d) },
            });

            double bMax = Math.Max(bracket[0], bracket[1]), bMin = Math.Min(bracket[0], bracket[1]);
            if (Math.Min(bMax - t, t - bMin) / (bMax - bMin) < 0.1)
            {
                if (insufProgress || t >= bMax || t <= bMin)
                {
                    t = Math.Abs(t - bMax) < Math.Abs(t - bMin) ? bMax - 0.1 * (bMax - bMin) : bMin + 0.1 * (bMax - bMin);
                    insufProgress = false;
                }
                else insufProgress = true;
            }
            else insufProgress = false;

            x.Copy(xInit).Add(t, d);
            (fNew, gNew) = Eval(fn, opfunc, x);
            lsFuncEval++;
            gtdNew = gNew.Dot(d);
            lsIter++;
            if (fNew > f + c1 * t * gtd || fNew >= fLo)
            {
                bracketGval[hi].Dispose();
                (bracket[hi], bracketFval[hi], bracketGval[hi]) = (t, fNew, gNew.Clone());
            }
            else
            {
                if (Math.Abs(gtdNew) <= -c2 * gtd) done = true;
                else if (gtdNew * (bracket[hi] - bracket[lo]) >= 0)
                {
                    // old HI becomes new LO
                    bracketGval[hi].Dispose();
                    (bracket[hi], bracketFval[hi], bracketGval[hi]) = (bracket[lo], bracketFval[lo], bracketGval[lo]);
                }
                if (!ReferenceEquals(bracketGval[lo], bracketGval[hi])) bracketGval[lo].Dispose();
                (bracket[lo], bracketFval[lo], bracketGval[lo]) = (t, fNew, gNew.Clone());
            }
            if (!done && Math.Abs((bracket[0] - bracket[1]) * gtdNew) < tolX) break;
        }

        if (lsIter == maxIter) Verbose("reached max number of iterations");
        int best = bracketFval.Length > 1 && bracketFval[1] < bracketFval[0] ? 1 : 0;
        t = bracket[best];
        x.Copy(xInit).Add(t, d);
        for (int i = 0; i < bracketGval.Length; i++) if (i != best) bracketGval[i].Dispose();
        xInit.Dispose();
        gPrev.Dispose();
        return (bracketFval[best], bracketGval[best], x, t, lsFuncEval);
    }

    /// <summary>Polyinterp of points given as an array.</summary>
    static double Interpolate(double[,] points, double? xmin = null, double? xmax = null)
    {
        using var p = torch.Tensor(points);
        return Polyinterp(p, xmin, xmax).MinPos;
    }
}
