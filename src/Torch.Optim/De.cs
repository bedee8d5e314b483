using TS = TorchSharp.torch;

namespace Torch.Optim;

/// <summary>Configuration of <see cref="optim.De"/> (Lua's <c>optim.de</c> config table).
/// Example: <c>var cfg = new DeConfig { Popsize = 50, ScaleFactor = 0.5, CrossoverRate = 0.9, MaxFEs = 3000 };</c></summary>
public sealed class DeConfig
{
    /// <summary>Population size; null means 10 * D, as in Lua. Example: <c>cfg.Popsize = 50;</c></summary>
    public int? Popsize { get; set; }
    /// <summary>Scale factor of the difference vector, usually 0.4 to 1 (required by Lua's formula). Example: <c>cfg.ScaleFactor = 0.5;</c></summary>
    public double ScaleFactor { get; set; } = double.NaN;
    /// <summary>Crossover rate, usually 0.1 to 0.9 (required by Lua's formula). Example: <c>cfg.CrossoverRate = 0.9;</c></summary>
    public double CrossoverRate { get; set; } = double.NaN;
    /// <summary>Number of function evaluations (required). Example: <c>cfg.MaxFEs = 3000;</c></summary>
    public int? MaxFEs { get; set; }
    /// <summary>Upper bound of the initial population (default 30). Example: <c>cfg.MaxRegion = 5;</c></summary>
    public double MaxRegion { get; set; } = 30;
    /// <summary>Lower bound of the initial population (default -30). Example: <c>cfg.MinRegion = -5;</c></summary>
    public double MinRegion { get; set; } = -30;
}

public static partial class optim
{
    /// <summary>
    /// Differential evolution (Lua's <c>optim.de</c>): a population drawn uniformly in [MinRegion, MaxRegion] evolves by
    /// best/1/bin mutation and crossover, for MaxFEs evaluations. Uses its own generator seeded with 1, as Lua does, so
    /// runs are repeatable. Only f is used. x gives the dimension and is not changed.
    /// </summary>
    /// <param name="feval">Returns f(x) (the gradient is ignored and may be null).</param>
    /// <param name="x">A point whose number of elements is the problem's dimension.</param>
    /// <param name="config">Popsize, ScaleFactor, CrossoverRate, MaxFEs, MaxRegion, MinRegion.</param>
    /// <returns>The best solution and the f value of every evaluation (MaxFEs entries, as Lua's tensor).</returns>
    /// <example>Example: <c>var (best, fx) = optim.De(Feval, torch.Tensor(2).Zero(), new DeConfig { ScaleFactor = 0.5, CrossoverRate = 0.9, MaxFEs = 3000 });</c></example>
    public static (Tensor X, double[] Fx) De(Func<Tensor, (double, Tensor)> feval, Tensor x, DeConfig? config = null)
    {
        const string fn = "optim.De";
        config ??= new DeConfig();
        OptimOps.CheckX(fn, x);
        int maxFEs = config.MaxFEs ?? throw new ArgumentException($"{fn}: config.MaxFEs (the number of evaluations) is required, got null");
        double scaleFactor = config.ScaleFactor, crossoverRate = config.CrossoverRate;
        if (double.IsNaN(scaleFactor) || double.IsNaN(crossoverRate))
            throw new ArgumentException($"{fn}: config.ScaleFactor and config.CrossoverRate are required, got {scaleFactor} and {crossoverRate}");
        int d = (int)x.NElement();
        int popsize = config.Popsize ?? 10 * d;
        if (popsize < 3) throw new ArgumentOutOfRangeException(nameof(config), popsize, $"{fn}: Popsize must be >= 3 (a member and two others), got {popsize}");
        if (maxFEs < popsize) throw new ArgumentOutOfRangeException(nameof(config), maxFEs, $"{fn}: MaxFEs ({maxFEs}) must be at least Popsize ({popsize})");

        using var gen = new TS.Generator(1);
        var fx = new double[maxFEs];
        using var popT = TS.empty(popsize, d, TS.float64).uniform_(config.MinRegion, config.MaxRegion, gen);
        var pop = Rows(popT.data<double>().ToArray(), popsize, d);
        var fitness = new double[popsize];
        int fes = 0;
        double Evaluate(double[] v)
        {
            using var t = x.New(x.Size());
            using var src = torch.DoubleTensor(v);
            t.Copy(src);
            double f = feval(t).Item1;
            if (fes < maxFEs) fx[fes] = f;
            fes++;
            return f;
        }
        for (int i = 0; i < popsize; i++) fitness[i] = Evaluate(pop[i]);

        // Lua starts from the fitness maximum (its fitness:max(1)); any better child replaces it
        int index = Array.IndexOf(fitness, fitness.Max());
        double bestFitness = fitness[index];
        var bestSolution = (double[])pop[index].Clone();

        int Random(int hi) { using var r = TS.randint(1, hi + 1, new long[] { 1 }, generator: gen); return (int)r.item<long>(); }
        double Uniform() { using var r = TS.rand(new long[] { 1 }, TS.float64, generator: gen); return r.item<double>(); }

        var children = new double[popsize][];
        var childFitness = new double[popsize];
        while (fes + 1 < maxFEs)
        {
            for (int i = 1; i <= popsize; i++)
            {
                int r1, r2;
                do r1 = Random(popsize); while (r1 == i);
                do r2 = Random(popsize); while (r2 == r1 || r2 == i);
                int jrand = Random(d);
                var child = new double[d];
                for (int j = 1; j <= d; j++)
                    child[j - 1] = Uniform() < crossoverRate || i == jrand
                        ? bestSolution[j - 1] + scaleFactor * (pop[r1 - 1][j - 1] - pop[r2 - 1][j - 1])
                        : pop[i - 1][j - 1];
                children[i - 1] = child;
                childFitness[i - 1] = Evaluate(child);
            }
            for (int i = 0; i < popsize; i++)
            {
                if (!(childFitness[i] <= fitness[i])) continue;
                pop[i] = children[i];
                fitness[i] = childFitness[i];
                if (fitness[i] < bestFitness) (bestFitness, bestSolution) = (fitness[i], (double[])children[i].Clone());
            }
        }
        using var best = torch.DoubleTensor(bestSolution);
        return (x.New(d).Copy(best), fx);
    }

    static double[][] Rows(double[] flat, int rows, int cols) =>
        Enumerable.Range(0, rows).Select(r => flat.AsSpan(r * cols, cols).ToArray()).ToArray();
}
