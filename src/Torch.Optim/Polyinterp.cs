using TS = TorchSharp.torch;

namespace Torch.Optim;

public static partial class optim
{
    /// <summary>
    /// Minimum of the polynomial interpolating N points given as rows <c>{x, f(x), f'(x)}</c> (Lua's <c>optim.polyinterp</c>,
    /// from minFunc). Two points without bounds use the closed-form cubic; otherwise the polynomial of order 2N-1 is
    /// fitted and its critical points inside [xmin, xmax] (default: the points' range) are compared.
    /// </summary>
    /// <param name="points">An N x 3 tensor of {x, f, g} rows.</param>
    /// <param name="xminBound">Lower bound of the search (default: the smallest x).</param>
    /// <param name="xmaxBound">Upper bound of the search (default: the largest x).</param>
    /// <returns>The position of the minimum, and the polynomial's value there (null on the closed-form path, as in Lua).</returns>
    /// <example>Example: <c>var (t, _) = optim.Polyinterp(torch.Tensor(new double[,] { { 0, 1, -1 }, { 1, 0.5, 0.2 } }));</c></example>
    public static (double MinPos, double? Fmin) Polyinterp(Tensor points, double? xminBound = null, double? xmaxBound = null)
    {
        const string fn = "optim.Polyinterp";
        ArgumentNullException.ThrowIfNull(points, $"{fn}: points");
        if (points.Dim() != 2 || points.Size(2) != 3 || points.Size(1) < 1)
            throw new ArgumentException($"{fn}: expected an N x 3 tensor of {{x, f, g}} rows, got {points.SizeString()}");
        int n = (int)points.Size(1);
        var p = new double[n, 3];
        var flat = points.ToArray();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < 3; j++) p[i, j] = flat[i * 3 + j];

        if (n == 2 && xminBound is null && xmaxBound is null) return (CubicMinimum(p), null);

        int order = n * 2 - 1;
        double xmin = double.PositiveInfinity, xmax = double.NegativeInfinity;
        for (int i = 0; i < n; i++) { xmin = Math.Min(xmin, p[i, 0]); xmax = Math.Max(xmax, p[i, 0]); }
        double lo = xminBound ?? xmin, hi = xmaxBound ?? xmax;

        double[] parameters = FitPolynomial(p, order);
        for (int i = 0; i < parameters.Length; i++)
            if (Math.Abs(parameters[i]) <= 1e-12) parameters[i] = 0;
        var dParams = new double[order];
        for (int i = 0; i < order; i++) dParams[i] = parameters[i] * (order - i);

        var candidates = new List<(double Re, double Im)> { (lo, 0), (hi, 0) };
        for (int i = 0; i < n; i++) candidates.Add((p[i, 0], 0));
        if (!dParams.Any(v => double.IsNaN(v) || double.IsPositiveInfinity(v))) candidates.AddRange(Roots(dParams));

        double fmin = double.PositiveInfinity, minPos = (lo + hi) / 2; // bisection when no critical point qualifies
        foreach (var (re, im) in candidates)
        {
            if (im != 0 || !(re >= lo && re <= hi)) continue;
            double f = Polyval(parameters, re);
            if (f < fmin) { minPos = re; fmin = f; }
        }
        return (minPos, fmin);
    }

    /// <summary>Closed-form minimum of the cubic through two points with derivatives, clamped to their interval.</summary>
    static double CubicMinimum(double[,] p)
    {
        int mi = p[0, 0] <= p[1, 0] ? 0 : 1, ni = 1 - mi; // Torch7's min returns the first smallest
        double d1 = p[mi, 2] + p[ni, 2] - 3 * (p[mi, 1] - p[ni, 1]) / (p[mi, 0] - p[ni, 0]);
        double d2 = Math.Sqrt(d1 * d1 - p[mi, 2] * p[ni, 2]);
        if (double.IsNaN(d2)) return (p[0, 0] + p[1, 0]) / 2;
        double t = p[ni, 0] - (p[ni, 0] - p[mi, 0]) * ((p[ni, 2] + d2 - d1) / (p[ni, 2] - p[mi, 2] + 2 * d2));
        return Math.Min(Math.Max(t, p[mi, 0]), p[ni, 0]);
    }

    /// <summary>Coefficients (highest power first) of the polynomial of <paramref name="order"/> matching every f and f'.</summary>
    static double[] FitPolynomial(double[,] p, int order)
    {
        int n = p.GetLength(0);
        var a = new double[2 * n, order + 1];
        var b = new double[2 * n, 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = order; j >= 0; j--) a[i, order - j] = Math.Pow(p[i, 0], j);
            b[i, 0] = p[i, 1];
            for (int j = 1; j <= order; j++) a[n + i, j - 1] = (order - j + 1) * Math.Pow(p[i, 0], order - j);
            b[n + i, 0] = p[i, 2];
        }
        using var ta = TS.tensor(a, TS.float64);
        using var tb = TS.tensor(b, TS.float64);
        using var solution = TS.linalg.lstsq(ta, tb).Solution;
        using var flat = solution.reshape(-1);
        return flat.data<double>().ToArray();
    }

    /// <summary>Roots of the polynomial c (highest power first) as (real, imaginary) pairs: eigenvalues of its companion matrix.</summary>
    static IEnumerable<(double Re, double Im)> Roots(double[] c)
    {
        var coef = c.Select(v => Math.Abs(v) < 1e-12 ? 0 : v).ToArray();
        int first = Array.FindIndex(coef, v => v != 0);
        if (first < 0) return Array.Empty<(double, double)>();
        int last = Array.FindLastIndex(coef, v => v != 0);
        int zeros = coef.Length - 1 - last; // trailing zero coefficients are roots at 0
        var cc = coef[first..(last + 1)];
        int degree = cc.Length - 1;
        var roots = new List<(double, double)>();
        if (degree == 1) roots.Add((-cc[1] / cc[0], 0));
        else if (degree > 1)
        {
            var companion = new double[degree, degree];
            for (int j = 0; j < degree; j++) companion[0, j] = -cc[j + 1] / cc[0];
            for (int i = 1; i < degree; i++) companion[i, i - 1] = 1;
            using var m = TS.tensor(companion, TS.float64);
            using var eig = TS.linalg.eigvals(m);
            using var re = eig.real;
            using var im = eig.imag;
            var r = re.data<double>().ToArray(); var q = im.data<double>().ToArray();
            for (int i = 0; i < degree; i++) roots.Add((r[i], q[i]));
        }
        for (int i = 0; i < zeros; i++) roots.Add((0, 0));
        return roots;
    }

    /// <summary>Lua's polyval: Σ p_i x^(n-i), accumulated from the highest power down.</summary>
    static double Polyval(double[] p, double x)
    {
        double val = 0;
        for (int i = 0; i < p.Length; i++) val += p[i] * Math.Pow(x, p.Length - 1 - i);
        return val;
    }
}
