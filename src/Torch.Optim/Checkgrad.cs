using TorchSharp;

namespace Torch.Optim;

public static partial class optim
{
    /// <summary>
    /// Compares feval's gradient with central differences (Lua's <c>optim.checkgrad</c>):
    /// <c>diff = ||dC - dC_est|| / ||dC + dC_est||</c>, which should be near 0. x is restored element by element.
    /// </summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The point at which to check (1-D, as in Lua).</param>
    /// <param name="eps">The finite-difference step (default 1e-7).</param>
    /// <returns>The relative difference, the analytic gradient dC (reshaped to x's size) and the estimate dC_est.</returns>
    /// <example>Example: <c>var (diff, dC, dCEst) = optim.Checkgrad(Feval, x);</c></example>
    public static (double Diff, Tensor DC, Tensor DCEst) Checkgrad(Func<Tensor, (double, Tensor)> feval, Tensor x, double eps = 1e-7)
    {
        const string fn = "optim.Checkgrad";
        OptimOps.CheckX(fn, x);
        if (x.Dim() != 1) throw new ArgumentException($"{fn}: expected a 1-D x (as Lua indexes x[i]), got {x.SizeString()}");
        var (_, dC) = OptimOps.Eval(fn, feval, x);
        dC = dC.Clone().Resize(x.Size());
        var dCEst = dC.New(dC.Size());
        for (long i = 1; i <= dC.Size(1); i++)
        {
            double saved = x[i];
            x[i] = saved + eps;
            double c1 = feval(x).Item1;
            x[i] = x[i] - 2 * eps;
            double c2 = feval(x).Item1;
            x[i] = saved;
            dCEst[i] = (c1 - c2) / (2 * eps);
        }
        using var diff = dC.Raw - dCEst.Raw;
        using var sum = dC.Raw + dCEst.Raw;
        using var num = diff.norm();
        using var den = sum.norm();
        return (num.ToDouble() / den.ToDouble(), dC, dCEst);
    }
}
