namespace Torch.Distributed;

/// <summary>
/// torch-distlearn's AllReduceEA: elastic averaging SGD (Zhang, Choromanska and LeCun, 2015, arXiv:1412.6651). Each rank
/// trains its own copy; every <c>tau</c> steps each rank moves <c>alpha</c> of the way towards a shared centre point and the
/// centre moves by the sum of those moves (one all-reduce). Every rank must take the same number of steps.
/// Example: <c>var ea = new AllReduceEA(tau: 10, alpha: 0.2); ea.SynchronizeParameters(w); ... ea.AverageParameters(w);</c>
/// </summary>
public sealed class AllReduceEA
{
    readonly int tau;
    readonly double alpha;
    Tensor[]? center, delta;
    long step;

    /// <summary>Averages every <paramref name="tau"/> steps with weight <paramref name="alpha"/> (0 &lt; alpha &lt;= 1).
    /// Example: <c>new AllReduceEA(10, 0.2)</c>.</summary>
    public AllReduceEA(int tau, double alpha)
    {
        if (tau < 1) throw new ArgumentOutOfRangeException(nameof(tau), $"AllReduceEA: tau = {tau} (expected 1 or more steps)");
        if (!(alpha > 0 && alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), $"AllReduceEA: alpha = {alpha} (expected 0 < alpha <= 1)");
        (this.tau, this.alpha) = (tau, alpha);
    }

    /// <summary>The centre point, one tensor per parameter tensor (after the first call). Example: <c>ea.Center[0]</c>.</summary>
    public IReadOnlyList<Tensor> Center => center ?? Array.Empty<Tensor>();

    /// <summary>Counts a step; every <c>tau</c>-th, moves the parameters towards the centre and the centre towards the ranks.
    /// Example: <c>ea.AverageParameters(w);</c></summary>
    public void AverageParameters(params Tensor[] parameters)
    {
        Start(parameters);
        if (++step % tau != 0) return;
        for (int i = 0; i < parameters.Length; i++)
        {
            delta![i].Add(parameters[i], -1, center![i]).Mul(alpha);   // the elastic difference
            parameters[i].Add(-1, delta[i]);
        }
        foreach (var d in delta!) mpi.AllReduce(d);
        for (int i = 0; i < parameters.Length; i++) center![i].Add(delta[i]);
    }

    /// <summary>Puts rank 1's centre on every rank (it drifts apart by rounding over many steps); call it at the end of an
    /// epoch. Example: <c>ea.SynchronizeCenter(w);</c></summary>
    public void SynchronizeCenter(params Tensor[] parameters)
    {
        Start(parameters);
        step = 0;
        foreach (var c in center!) mpi.Broadcast(c, root: 1);
    }

    /// <summary>Puts rank 1's parameters on every rank and makes them the centre. Example: <c>ea.SynchronizeParameters(w);</c></summary>
    public void SynchronizeParameters(params Tensor[] parameters)
    {
        Start(parameters);
        step = 0;
        for (int i = 0; i < parameters.Length; i++) center![i].Copy(mpi.Broadcast(parameters[i], root: 1));
    }

    void Start(Tensor[] parameters)
    {
        if (center is null)
        {
            center = parameters.Select(p => p.Clone()).ToArray();
            delta = parameters.Select(p => p.Clone()).ToArray();
        }
        else if (parameters.Length != center.Length || parameters.Where((p, i) => !p.IsSameSizeAs(center[i])).Any())
            throw new ArgumentException($"AllReduceEA: expected the {center.Length} parameter tensors of the first call, with the same sizes, " +
                                        $"got {parameters.Length} of sizes {string.Join(", ", parameters.Select(p => string.Join("x", p.Size())))}");
    }
}
