using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Parameters and buffers of <see cref="optim.FistaLS"/> (Lua's <c>params</c> table of <c>optim.FistaLS</c>).
/// Example: <c>var p = new FistaLSConfig { L = 0.1, DoFistaUpdate = true };</c></summary>
public sealed class FistaLSConfig
{
    /// <summary>1/(step size) of the ISTA/FISTA iteration (default 0.1); the last L used is written back. Example: <c>p.L = 0.1;</c></summary>
    public double L { get; set; } = 0.1;
    /// <summary>Multiplier of L at each line-search step (default 1.5). Example: <c>p.Lstep = 1.5;</c></summary>
    public double Lstep { get; set; } = 1.5;
    /// <summary>Maximum number of iterations (default 50). Example: <c>p.Maxiter = 100;</c></summary>
    public int Maxiter { get; set; } = 50;
    /// <summary>Maximum number of line-search steps per iteration (default 20). Example: <c>p.Maxline = 20;</c></summary>
    public int Maxline { get; set; } = 20;
    /// <summary>Convergence threshold on the change of f + g (default 1e-4). Example: <c>p.Errthres = 1e-4;</c></summary>
    public double Errthres { get; set; } = 1e-4;
    /// <summary>FISTA (true) or ISTA (false) updates. Lua's code reads a missing value as false (ISTA), though its
    /// comment says true; this follows the code. Example: <c>p.DoFistaUpdate = true;</c></summary>
    public bool DoFistaUpdate { get; set; }
    /// <summary>Print each step and keep xk and y in the history (default false). Example: <c>p.Verbose = true;</c></summary>
    public bool Verbose { get; set; }

    /// <summary>Buffer: the previous iterate (Lua's <c>xkm</c>). Example: <c>p.Xkm</c></summary>
    public Tensor? Xkm { get; set; }
    /// <summary>Buffer: the FISTA point (Lua's <c>y</c>). Example: <c>p.Y</c></summary>
    public Tensor? Y { get; set; }
    /// <summary>Buffer: pl(y - grad f(y) / L) (Lua's <c>ply</c>). Example: <c>p.Ply</c></summary>
    public Tensor? Ply { get; set; }
}

/// <summary>One entry of <see cref="optim.FistaLS"/>'s history (Lua's <c>history[niter]</c> table).</summary>
/// <param name="Nline">Line-search steps taken.</param>
/// <param name="L">The L in use.</param>
/// <param name="F">f + g at the new point.</param>
/// <param name="Fply">f at the new point.</param>
/// <param name="Gply">g at the new point.</param>
/// <param name="Q">The quadratic model's value.</param>
/// <param name="Xk">The iterate (Verbose only).</param>
/// <param name="Y">The FISTA point (Verbose only).</param>
/// <example>Example: <c>double last = history[^1].F;</c></example>
public sealed record FistaStep(int Nline, double L, double F, double Fply, double Gply, double Q, Tensor? Xk, Tensor? Y);

public static partial class optim
{
    /// <summary>
    /// FISTA with backtracking line search (Beck and Teboulle 2009; Lua's <c>optim.FistaLS</c>): minimises f(x) + g(x)
    /// with f smooth and g handled by the proximal operator pl. Starts from zeros; xinit receives the solution.
    /// </summary>
    /// <param name="f">The smooth function: <c>f(x, true)</c> returns f and its gradient, <c>f(x, false)</c> the value (gradient may be null).</param>
    /// <param name="g">The non-smooth function's value.</param>
    /// <param name="pl">Solves the proximal problem in place: <c>pl(x, L)</c>.</param>
    /// <param name="xinit">Receives the solution; its size sets the problem's.</param>
    /// <param name="parameters">Parameters and reusable buffers (Lua's params).</param>
    /// <returns>The solution (the buffer <c>parameters.Y</c>) and the per-iteration history.</returns>
    /// <example>Example: <c>var (x, hist) = optim.FistaLS(F, G, Pl, x0, new FistaLSConfig { DoFistaUpdate = true });</c></example>
    public static (Tensor X, IReadOnlyList<FistaStep> History) FistaLS(Func<Tensor, bool, (double, Tensor?)> f, Func<Tensor, double> g,
        Action<Tensor, double> pl, Tensor xinit, FistaLSConfig? parameters = null)
    {
        const string fn = "optim.FistaLS";
        ArgumentNullException.ThrowIfNull(f, $"{fn}: f");
        ArgumentNullException.ThrowIfNull(g, $"{fn}: g");
        ArgumentNullException.ThrowIfNull(pl, $"{fn}: pl");
        CheckX(fn, xinit);
        var p = parameters ?? new FistaLSConfig();
        double l = p.L;
        if (!(l > 0)) throw new ArgumentOutOfRangeException(nameof(parameters), l, $"{fn}: L must be > 0, got {l}");
        if (p.Maxiter < 1) throw new ArgumentOutOfRangeException(nameof(parameters), p.Maxiter, $"{fn}: Maxiter must be >= 1, got {p.Maxiter}");
        var xkm = (p.Xkm ??= xinit.New()).ResizeAs(xinit).Zero();
        var ply = (p.Ply ??= xinit.New()).ResizeAs(xinit).Zero();
        var y = (p.Y ??= xinit.New()).ResizeAs(xinit).Zero();
        var xk = xinit;
        var history = new List<FistaStep>();
        double tk = 1, tkp = 0;
        double fval = double.PositiveInfinity;

        for (int niter = 1; niter <= p.Maxiter; niter++)
        {
            var (fy, gfyMaybe) = f(y, true);
            var gfy = gfyMaybe ?? throw new ArgumentException($"{fn}: f(y, true) must return the gradient, got null", nameof(f));
            double fply = 0, q = 0;
            int nline = 0;
            for (bool lineSearchDone = false; !lineSearchDone; nline++)
            {
                ply.Copy(y).Add(-1 / l, gfy);
                pl(ply, l);
                xk.Copy(ply);
                fply = f(ply, false).Item1;
                ply.Add(-1, y);
                double q2 = gfy.Dot(ply);
                double q3 = l / 2 * ply.Dot(ply);
                q = fy + q2 + q3;
                if (p.Verbose) Console.WriteLine(FormattableString.Invariant($"nline={nline} L={l} fply={fply} Q={q} fy={fy} Q2={q2} Q3={q3}"));
                if (fply <= q) lineSearchDone = true;
                else if (nline >= p.Maxline)
                {
                    lineSearchDone = true;
                    xk.Copy(xkm); // no better point found: stay at the previous iterate
                }
                else l *= p.Lstep;
            }

            if (p.DoFistaUpdate)
            {
                tkp = (1 + Math.Sqrt(1 + 4 * tk * tk)) / 2;
                xkm.Add(-1, xk);
                y.Copy(xk).Add((1 - tk) / tkp, xkm);
                xkm.Copy(xk);
            }
            else y.Copy(xk);
            tk = tkp;
            fply = f(y, false).Item1;
            double gply = g(y);
            if (p.Verbose) Console.WriteLine(FormattableString.Invariant($"iter={niter - 1} eold={fval} enew={fply + gply}"));

            fval = fply + gply;
            history.Add(new FistaStep(nline, l, fval, fply, gply, q, p.Verbose ? xk.Clone() : null, p.Verbose ? y.Clone() : null));
            p.L = l;
            if ((niter > 1 && Math.Abs(history[^1].F - history[^2].F) <= p.Errthres) || niter >= p.Maxiter) break;
        }
        xinit.Copy(y);
        return (y, history);
    }
}
