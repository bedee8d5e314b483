using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Cg"/> (Lua's <c>optim.cg</c> table).
/// Example: <c>var cfg = new CgConfig { MaxIter = 50 };</c></summary>
public sealed class CgConfig
{
    /// <summary>Sufficient-decrease constant of the Wolfe-Powell conditions (default 0.01). Example: <c>cfg.Rho = 0.01;</c></summary>
    public double Rho { get; set; } = 0.01;
    /// <summary>Curvature constant of the Wolfe-Powell conditions (default 0.5). Example: <c>cfg.Sig = 0.5;</c></summary>
    public double Sig { get; set; } = 0.5;
    /// <summary>Do not re-evaluate within this fraction of the current bracket (default 0.1). Example: <c>cfg.Int = 0.1;</c></summary>
    public double Int { get; set; } = 0.1;
    /// <summary>Extrapolate at most this many times the current step (default 3). Example: <c>cfg.Ext = 3;</c></summary>
    public double Ext { get; set; } = 3.0;
    /// <summary>Maximum number of line-search evaluations per line search (default 20). Example: <c>cfg.MaxIter = 50;</c></summary>
    public int MaxIter { get; set; } = 20;
    /// <summary>Largest allowed slope ratio (default 100). Example: <c>cfg.Ratio = 100;</c></summary>
    public double Ratio { get; set; } = 100;
    /// <summary>Maximum number of function evaluations; null means MaxIter * 1.25, as in Lua. Example: <c>cfg.MaxEval = 100;</c></summary>
    public double? MaxEval { get; set; }
    /// <summary>Read by Lua but unused (default 0). Example: <c>cfg.Verbose = 0;</c></summary>
    public int Verbose { get; set; }

    /// <summary>State: buffer for the gradient at x0 (Lua's <c>df0</c>). Example: <c>cfg.Df0</c></summary>
    public Tensor? Df0 { get; set; }
    /// <summary>State: buffer for the gradient at point 1 (Lua's <c>df1</c>). Example: <c>cfg.Df1</c></summary>
    public Tensor? Df1 { get; set; }
    /// <summary>State: buffer for the gradient at point 2 (Lua's <c>df2</c>). Example: <c>cfg.Df2</c></summary>
    public Tensor? Df2 { get; set; }
    /// <summary>State: buffer for the gradient at point 3 (Lua's <c>df3</c>). Example: <c>cfg.Df3</c></summary>
    public Tensor? Df3 { get; set; }
    /// <summary>State: the search direction (Lua's <c>s</c>). Example: <c>cfg.S</c></summary>
    public Tensor? S { get; set; }
    /// <summary>State: the start of the line search (Lua's <c>x0</c>). Example: <c>cfg.X0</c></summary>
    public Tensor? X0 { get; set; }
}

public static partial class optim
{
    /// <summary>
    /// Nonlinear conjugate gradients, Polack-Ribiere, with a line search using quadratic and cubic polynomial
    /// approximations and the Wolfe-Powell conditions (Lua's <c>optim.cg</c>, a rewrite of C. E. Rasmussen's minimize.m).
    /// </summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters, updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given).</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x, the f values after each successful line search (f(x) at the start first), and the number of evaluations.</returns>
    /// <example>Example: <c>var (x1, fx, evals) = optim.Cg(Feval, x, new CgConfig { MaxIter = 50 });</c></example>
    public static CountedResult Cg(Func<Tensor, (double, Tensor)> feval, Tensor x, CgConfig? config = null, CgConfig? state = null)
    {
        const string fn = "optim.Cg";
        config ??= new CgConfig();
        state ??= config;
        CheckX(fn, x);
        double rho = config.Rho, sig = config.Sig, interp = config.Int, ext = config.Ext, ratio = config.Ratio;
        int maxIter = config.MaxIter;
        double maxEval = config.MaxEval ?? maxIter * 1.25;
        const double red = 1;

        int i = 0;
        var fx = new List<double>();
        double z1, z2 = 0, z3, d1, d2, d3, f1, f2, f3, f0;
        var df1 = (state.Df1 ??= x.New()).ResizeAs(x);
        var df2 = (state.Df2 ??= x.New()).ResizeAs(x);
        var df3 = (state.Df3 ??= x.New()).ResizeAs(x);
        var s = (state.S ??= x.New()).ResizeAs(x);
        var x0 = (state.X0 ??= x.New()).ResizeAs(x);
        var df0 = (state.Df0 ??= x.New()).ResizeAs(x);
        Tensor tdf;

        (f1, tdf) = Eval(fn, feval, x);
        fx.Add(f1);
        df1.Copy(tdf);
        i++;
        s.Copy(df1).Mul(-1);
        d1 = -s.Dot(s);
        z1 = red / (1 - d1);

        while (i < Math.Abs(maxEval))
        {
            x0.Copy(x);
            f0 = f1;
            df0.Copy(df1);

            x.Add(z1, s);
            (f2, tdf) = Eval(fn, feval, x);
            df2.Copy(tdf);
            i++;
            d2 = df2.Dot(s);
            (f3, d3, z3) = (f1, d1, -z1);
            double m = Math.Min(maxIter, maxEval - i);
            bool success = false;
            double limit = -1;

            while (true)
            {
                while ((f2 > f1 + z1 * rho * d1 || d2 > -sig * d1) && m > 0)
                {
                    limit = z1;
                    if (f2 > f1) z2 = z3 - (0.5 * d3 * z3 * z3) / (d3 * z3 + f2 - f3);
                    else
                    {
                        double a = 6 * (f2 - f3) / z3 + 3 * (d2 + d3);
                        double b = 3 * (f3 - f2) - z3 * (d3 + 2 * d2);
                        z2 = (Math.Sqrt(b * b - a * d2 * z3 * z3) - b) / a;
                    }
                    if (!double.IsFinite(z2)) z2 = z3 / 2;
                    z2 = Math.Max(Math.Min(z2, interp * z3), (1 - interp) * z3);
                    z1 += z2;
                    x.Add(z2, s);
                    (f2, tdf) = Eval(fn, feval, x);
                    df2.Copy(tdf);
                    i++;
                    m--;
                    d2 = df2.Dot(s);
                    z3 -= z2;
                }
                if (f2 > f1 + z1 * rho * d1 || d2 > -sig * d1) break;
                if (d2 > sig * d1) { success = true; break; }
                if (m == 0) break;
                double a2 = 6 * (f2 - f3) / z3 + 3 * (d2 + d3);
                double b2 = 3 * (f3 - f2) - z3 * (d3 + 2 * d2);
                z2 = -d2 * z3 * z3 / (b2 + Math.Sqrt(b2 * b2 - a2 * d2 * z3 * z3));

                if (!double.IsFinite(z2) || z2 < 0) z2 = limit < -0.5 ? z1 * (ext - 1) : (limit - z1) / 2;
                else if (limit > -0.5 && z2 + z1 > limit) z2 = (limit - z1) / 2;
                else if (limit < -0.5 && z2 + z1 > z1 * ext) z2 = z1 * (ext - 1);
                else if (z2 < -z3 * interp) z2 = -z3 * interp;
                else if (limit > -0.5 && z2 < (limit - z1) * (1 - interp)) z2 = (limit - z1) * (1 - interp);
                (f3, d3, z3) = (f2, d2, -z2);
                z1 += z2;
                x.Add(z2, s);
                (f2, tdf) = Eval(fn, feval, x);
                df2.Copy(tdf);
                i++;
                m--;
                d2 = df2.Dot(s);
            }

            if (success)
            {
                f1 = f2;
                fx.Add(f1);
                double ss = (df2.Dot(df2) - df2.Dot(df1)) / df1.Dot(df1);
                s.Mul(ss).Add(-1, df2);
                Swap(df1, df2, df3);
                d2 = df1.Dot(s);
                if (d2 > 0)
                {
                    s.Copy(df1).Mul(-1);
                    d2 = -s.Dot(s);
                }
                z1 *= Math.Min(ratio, d1 / (d2 - 1e-320));
                d1 = d2;
            }
            else
            {
                x.Copy(x0);
                f1 = f0;
                df1.Copy(df0);
                // Lua tests `ls_failed or i > maxEval` with ls_failed a number, and 0 is true in Lua: a failed line search always stops
                break;
            }
        }
        return new CountedResult(x, fx.ToArray(), i);
    }

    /// <summary>Exchanges the contents of a and b through the buffer tmp (Lua's <c>tmp = df1:clone(); df1:copy(df2); df2:copy(tmp)</c>).</summary>
    static void Swap(Tensor a, Tensor b, Tensor tmp)
    {
        tmp.Copy(a);
        a.Copy(b);
        b.Copy(tmp);
    }
}
