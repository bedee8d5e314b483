namespace Torch.Optim;

/// <summary>What <see cref="optim.Asgd"/> returns: x, {f(x)} and the averaged parameters ax.
/// Deconstructs into two (<c>var (x, fx) = ...</c>) or three (<c>var (x, fx, ax) = ...</c>) values.</summary>
/// <param name="X">The parameters, updated in place.</param>
/// <param name="Fx">Lua's returned table of function values.</param>
/// <param name="Ax">The averaged parameters (Lua's third result, <c>state.ax</c>).</param>
/// <example>Example: <c>var (x1, fx, ax) = optim.Asgd(Feval, x, cfg);</c></example>
public readonly record struct AsgdResult(Tensor X, double[] Fx, Tensor Ax)
{
    /// <summary>The first two results, as every algorithm returns them. Example: <c>var (x1, fx) = optim.Asgd(Feval, x, cfg);</c></summary>
    public void Deconstruct(out Tensor x, out double[] fx) => (x, fx) = (X, Fx);

    /// <summary>The first two results as a tuple. Example: <c>(Tensor, double[]) r = optim.Asgd(Feval, x, cfg);</c></summary>
    public static implicit operator (Tensor X, double[] Fx)(AsgdResult r) => (r.X, r.Fx);
}

/// <summary>What the batch methods (optim.Lbfgs, optim.Cg, optim.Cmaes) return:
/// x, the history of f values, and a count (Lua's third result: function evaluations).
/// Deconstructs into two or three values.</summary>
/// <param name="X">The solution (x updated in place; for Cmaes the best point found).</param>
/// <param name="Fx">Lua's returned table of function values.</param>
/// <param name="Count">Lua's third result: evaluations made by this call.</param>
/// <example>Example: <c>var (x1, fHist, nEval) = optim.Lbfgs(Feval, x, cfg);</c></example>
public readonly record struct CountedResult(Tensor X, double[] Fx, int Count)
{
    /// <summary>The first two results, as every algorithm returns them. Example: <c>var (x1, fx) = optim.Lbfgs(Feval, x, cfg);</c></summary>
    public void Deconstruct(out Tensor x, out double[] fx) => (x, fx) = (X, Fx);

    /// <summary>The first two results as a tuple. Example: <c>(Tensor, double[]) r = optim.Cg(Feval, x, cfg);</c></summary>
    public static implicit operator (Tensor X, double[] Fx)(CountedResult r) => (r.X, r.Fx);
}
