using TorchSharp;
using TS = TorchSharp.torch;

namespace Torch.Optim;

/// <summary>Configuration of <see cref="optim.Cmaes"/> (Lua's <c>optim.cmaes</c> reads these from its state table).
/// Example: <c>var cfg = new CmaesConfig { Sigma = 0.5, MaxEval = 10000 };</c></summary>
public sealed class CmaesConfig
{
    /// <summary>Initial step size, the standard deviation in each coordinate (required, as in Lua). Example: <c>cfg.Sigma = 0.5;</c></summary>
    public double? Sigma { get; set; }
    /// <summary>Maximum number of function evaluations; null means 1e3 * N², as in Lua. Example: <c>cfg.MaxEval = 10000;</c></summary>
    public double? MaxEval { get; set; }
    /// <summary>Stop once the best fitness is at most this (default none). Example: <c>cfg.Ftarget = 1e-10;</c></summary>
    public double? Ftarget { get; set; }
    /// <summary>Population size; null means 4 + floor(3 ln N), as in Lua. Example: <c>cfg.Popsize = 20;</c></summary>
    public int? Popsize { get; set; }
    /// <summary>Print progress every this many iterations, 0 for never (Lua's <c>verb_disp</c>; default 0 here,
    /// as Lua's nil would fail at its final report). Example: <c>cfg.VerbDisp = 100;</c></summary>
    public int VerbDisp { get; set; }
    /// <summary>Run at least this many iterations (Lua's <c>min_iterations</c>, default 1). Example: <c>cfg.MinIterations = 5;</c></summary>
    public int MinIterations { get; set; } = 1;
}

public static partial class optim
{
    /// <summary>
    /// CMA-ES, the covariance matrix adaptation evolution strategy (Lua's <c>optim.cmaes</c>, ported from Hansen's
    /// barecmaes2): samples populations from N(mean, sigma² C) with torch's random generator, adapts mean, C and sigma.
    /// Only f is used, not the gradient. x is not changed; the best point found is returned.
    /// </summary>
    /// <param name="feval">Returns f(x) (the gradient is ignored and may be null).</param>
    /// <param name="x">The starting mean (a Float or Double tensor of any shape; candidates are passed with its shape).</param>
    /// <param name="config">Sigma, MaxEval, Ftarget, Popsize, VerbDisp, MinIterations.</param>
    /// <param name="state">Where Lua reads those settings from; defaults to <paramref name="config"/>, as in Lua.</param>
    /// <returns>The best point (flattened, as Lua returns it), the history of best fitness values (f(x) first, the overall best last), and the evaluations.</returns>
    /// <example>Example: <c>var (best, fHist, evals) = optim.Cmaes(Feval, torch.Tensor(10).Zero(), new CmaesConfig { Sigma = 0.5 });</c></example>
    public static CountedResult Cmaes(Func<Tensor, (double, Tensor)> feval, Tensor x, CmaesConfig? config = null, CmaesConfig? state = null)
    {
        const string fn = "optim.Cmaes";
        config = state ?? config ?? new CmaesConfig();
        OptimOps.CheckX(fn, x);
        double sigma = config.Sigma ?? throw new ArgumentException($"{fn}: config.Sigma (the initial step size) is required, got null");
        if (!(sigma > 0)) throw new ArgumentOutOfRangeException(nameof(config), sigma, $"{fn}: Sigma must be > 0, got {sigma}");
        return new CmaesRun(fn, feval, x, config, sigma).Optimize();
    }

    /// <summary>One CMA-ES run: the strategy parameters and the dynamic state of Lua's closure (ask, tell, stop).</summary>
    sealed class CmaesRun
    {
        readonly string fn;
        readonly Func<Tensor, (double, Tensor)> feval;
        readonly Tensor x;
        readonly CmaesConfig config;
        readonly int n, lambda, mu;
        readonly double[] weights;
        readonly double mueff, cc, cs, c1, cmu, damps, maxEval;
        double sigma;
        double[] xmean, pc, ps, d, fitvals;
        double[,] b, c, invsqrtC;
        int eigeneval, counteval;
        double[]? bestX;
        double bestF = double.NaN;

        public CmaesRun(string fn, Func<Tensor, (double, Tensor)> feval, Tensor x, CmaesConfig config, double sigma)
        {
            (this.fn, this.feval, this.x, this.config, this.sigma) = (fn, feval, x, config, sigma);
            xmean = x.ToArray();
            n = xmean.Length;
            maxEval = config.MaxEval ?? 1e3 * n * n;
            lambda = config.Popsize ?? 4 + (int)Math.Floor(3 * Math.Log(n));
            if (lambda < 2) throw new ArgumentOutOfRangeException(nameof(config), lambda, $"{fn}: Popsize must be >= 2, got {lambda}");
            double muReal = lambda / 2.0;
            mu = (int)Math.Floor(muReal); // Lua indexes with the real mu, which truncates
            weights = Enumerable.Range(0, mu).Select(i => Math.Log(muReal + 0.5) - Math.Log(i + 1)).ToArray();
            double wsum = weights.Sum();
            for (int i = 0; i < mu; i++) weights[i] /= wsum;
            mueff = Math.Pow(weights.Sum(), 2) / weights.Sum(w => w * w);
            cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
            cs = (mueff + 2) / (n + mueff + 5);
            c1 = 2 / (Math.Pow(n + 1.3, 2) + mueff);
            cmu = Math.Min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / (Math.Pow(n + 2, 2) + mueff));
            damps = 2 * mueff / lambda + 0.3 + cs;
            pc = new double[n]; ps = new double[n];
            d = Enumerable.Repeat(1.0, n).ToArray();
            b = Eye(n); c = Eye(n); invsqrtC = Eye(n);
            fitvals = new double[lambda];
        }

        static double[,] Eye(int n)
        {
            var m = new double[n, n];
            for (int i = 0; i < n; i++) m[i, i] = 1;
            return m;
        }

        public CountedResult Optimize()
        {
            var fHist = new List<double> { feval(x).Item1 };
            int iteration = 0;
            while (StopReasons().Count == 0 || iteration < config.MinIterations)
            {
                iteration++;
                var candidates = Ask();
                for (int k = 0; k < lambda; k++)
                {
                    using var candidate = torch.Tensor(candidates[k]).ViewAs(x);
                    fitvals[k] = feval(candidate).Item1;
                }
                fHist.Add(Tell(candidates));
                Display();
            }
            if (config.VerbDisp > 0)
            {
                foreach (var reason in StopReasons()) Console.WriteLine($"termination by\t{reason}");
                Console.WriteLine($"best f-value =\t{bestF}");
            }
            fHist.Add(bestF);
            var best = x.New(n);
            for (int i = 0; i < n; i++) best[i + 1] = bestX![i];
            return new CountedResult(best, fHist.ToArray(), counteval);
        }

        /// <summary>lambda candidates m + sigma B D N(0, I); refreshes B, D and C^-1/2 from C when due.</summary>
        double[][] Ask()
        {
            if (counteval - eigeneval > lambda / (c1 + cmu) / n / 10) Eigendecompose();
            var cands = new double[lambda][];
            using var z = TS.empty(n, TS.float64);
            for (int k = 0; k < lambda; k++)
            {
                z.normal_();
                var zk = z.data<double>().ToArray();
                var cand = new double[n];
                for (int i = 0; i < n; i++)
                {
                    double bz = 0;
                    for (int j = 0; j < n; j++) bz += b[i, j] * zk[j] * d[j];
                    cand[i] = xmean[i] + bz * sigma;
                }
                cands[k] = cand;
            }
            return cands;
        }

        void Eigendecompose()
        {
            eigeneval = counteval;
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) c[j, i] = c[i, j]; // enforce symmetry from the upper triangle
            using var tc = TS.tensor(c, TS.float64);
            var (vals, vecs) = TS.linalg.eigh(tc);
            using (vals) using (vecs)
            {
                var dv = vals.data<double>().ToArray();
                var bv = vecs.data<double>().ToArray();
                for (int i = 0; i < n; i++)
                {
                    d[i] = Math.Sqrt(dv[i]);
                    for (int j = 0; j < n; j++) b[i, j] = bv[i * n + j];
                }
            }
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = 0;
                    for (int k = 0; k < n; k++) s += b[i, k] / d[k] * b[j, k];
                    invsqrtC[i, j] = s;
                }
        }

        /// <summary>Sorts the candidates by fitness, moves the mean, updates the evolution paths, C and sigma; returns the best fitness.</summary>
        double Tell(double[][] arx)
        {
            counteval += lambda;
            var xold = (double[])xmean.Clone();
            var order = Enumerable.Range(0, lambda).OrderBy(k => fitvals[k]).ToArray();
            var sorted = order.Select(k => fitvals[k]).ToArray();
            var parents = order.Take(mu).Select(k => arx[k]).ToArray();
            fitvals = sorted;
            if (bestX is null || sorted[0] < bestF) (bestX, bestF) = ((double[])parents[0].Clone(), sorted[0]);

            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int k = 0; k < mu; k++) s += parents[k][i] * weights[k];
                xmean[i] = s;
            }
            var y = xmean.Select((v, i) => v - xold[i]).ToArray();
            double cps = Math.Sqrt(cs * (2 - cs) * mueff) / sigma;
            for (int i = 0; i < n; i++)
            {
                double zi = 0;
                for (int j = 0; j < n; j++) zi += invsqrtC[i, j] * y[j];
                ps[i] = ps[i] - ps[i] * cs + zi * cps;
            }
            double psNorm2 = ps.Sum(v => v * v);
            double hsig = psNorm2 / (1 - Math.Pow(1 - cs, 2.0 * counteval / lambda)) / n < 2 + 4.0 / (n + 1) ? 1 : 0;
            double cpc = Math.Sqrt(cc * (2 - cc) * mueff) / sigma;
            for (int i = 0; i < n; i++) pc[i] = pc[i] - pc[i] * cc + y[i] * cpc * hsig;

            double c1a = c1 - (1 - hsig * hsig) * c1 * cc * (2 - cc);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double r = 0;
                    for (int k = 0; k < mu; k++) r += weights[k] * (parents[k][i] - xold[i]) * (parents[k][j] - xold[j]);
                    double cmuij = r / (sigma * sigma);
                    c[i, j] += (-c1a - cmu) * c[i, j] + c1 * pc[i] * pc[j] + cmu * cmuij;
                }
            sigma *= Math.Exp(Math.Min(0.6, cs / damps * (psNorm2 / n - 1) / 2));
            return sorted[0];
        }

        List<string> StopReasons()
        {
            var res = new List<string>();
            if (counteval <= 0) return res;
            if (counteval >= maxEval) res.Add($"evals = {maxEval}");
            if (config.Ftarget is { } ft && fitvals[0] <= ft) res.Add($"ftarget = {ft}");
            if (d.Max() > 1e7 * d.Min()) res.Add("condition = 1e7");
            if (fitvals.Length > 1 && fitvals[^1] - fitvals[0] < 1e-12) res.Add("tolfun = 1e-12");
            if (sigma * d.Max() < 1e-11) res.Add("tolx = 1e-11");
            return res;
        }

        void Display()
        {
            int every = config.VerbDisp;
            if (every <= 0) return;
            int iteration = counteval / lambda;
            if (iteration == 1 || iteration % (10 * every) == 0) Console.WriteLine("evals:\t ax-ratio max(std)   f-value");
            if (iteration <= 2 || iteration % every == 0)
            {
                double maxStd = Math.Sqrt(Enumerable.Range(0, n).Max(i => c[i, i]));
                Console.WriteLine(FormattableString.Invariant($"{counteval}:  {d.Max() / d.Min(),6:F1} {sigma * maxStd,8:0.0e+00} {fitvals[0]}"));
            }
        }
    }
}
