using System.Globalization;

namespace Torch.Optim.Tests;

/// <summary>Rosenbrock's f(x) = Σ 100 (x[i+1] - x[i]²)² + (1 - x[i])² and its analytic gradient
/// (df/dx[i] = 200 (x[i] - x[i-1]²) - 400 x[i] (x[i+1] - x[i]²) - 2 (1 - x[i]), the terms that exist), rounded as the function that
/// made fixtures/optim/rosenbrock.txt rounds them, Lua's left-to-right scalar order: this reproduces all 87 recorded
/// f values bit for bit, and the algorithms then retrace Torch7 bit for bit. Counts its evaluations.</summary>
public sealed class Rosenbrock
{
    public int Evaluations { get; private set; }

    public static double F(double[] x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a;
            sum += b * b;
        }
        return sum;
    }

    public static double[] Grad(double[] x)
    {
        int d = x.Length;
        var g = new double[d];
        for (int i = 0; i < d; i++)
        {
            if (i > 0) g[i] += 200 * (x[i] - x[i - 1] * x[i - 1]);
            if (i < d - 1) g[i] = g[i] - 400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
        }
        return g;
    }

    /// <summary>The feval optim's algorithms take: a fresh gradient tensor each call, as rosenbrock.lua returns.</summary>
    public (double, Tensor) Eval(Tensor x)
    {
        Evaluations++;
        var v = x.ToArray();
        return (F(v), torch.Tensor(Grad(v)));
    }
}

/// <summary>One line of fixtures/optim/rosenbrock.txt: after <see cref="Step"/> calls, x and f(x) and #fx.</summary>
public sealed record Trajectory(string Algo, int Step, double[] X, double F, int FxCount)
{
    public static IReadOnlyList<Trajectory> Load(string algo) =>
        File.ReadAllLines(Path.Combine(Fixtures.Root, "optim", "rosenbrock.txt"))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 0 && p[0] == algo)
            .Select(p =>
            {
                var n = p.Skip(2).Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
                return new Trajectory(algo, int.Parse(p[1], CultureInfo.InvariantCulture), n[..^2], n[^2], (int)n[^1]);
            }).ToList();
}
