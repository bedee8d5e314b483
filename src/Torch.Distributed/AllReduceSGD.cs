using System.Diagnostics;

namespace Torch.Distributed;

/// <summary>
/// torch-distlearn's AllReduceSGD: data-parallel SGD over the job's ranks. Each rank computes the gradient of its own part
/// of the mini-batch; <see cref="SumAndNormalizeGradients"/> replaces it by the average over ranks, so every rank takes the
/// same step, the step one process would take on the whole batch. <see cref="SynchronizeParameters"/> puts rank 1's
/// parameters on every rank (at the start and after each epoch). Over MPI every rank must take the same number of steps
/// (a <see cref="Partition"/> gives every rank the same number of samples); a rank that does not is met with an
/// <see cref="MpiException"/> instead of a wait.
/// Example: <c>var sgd = new AllReduceSGD(); sgd.SynchronizeParameters(w); ... sgd.SumAndNormalizeGradients(dw);</c>
/// </summary>
public sealed class AllReduceSGD
{
    readonly Stopwatch allReduce = new();

    /// <summary>The gradient all-reduces made since this object was created. Example: <c>sgd.Steps</c>.</summary>
    public long Steps { get; private set; }

    /// <summary>The time spent in the gradient all-reduces (waiting for the slowest rank included).
    /// Example: <c>sgd.AllReduceTime.TotalMilliseconds / sgd.Steps</c>.</summary>
    public TimeSpan AllReduceTime => allReduce.Elapsed;

    /// <summary>Replaces each gradient by its sum over ranks. Example: <c>sgd.SumGradients(dw);</c></summary>
    public void SumGradients(params Tensor[] grads)
    {
        allReduce.Start();
        try { foreach (var g in grads) mpi.AllReduce(g); }
        finally { allReduce.Stop(); }
        Steps++;
    }

    /// <summary>Replaces each gradient by its average over ranks. Example: <c>sgd.SumAndNormalizeGradients(dw);</c></summary>
    public void SumAndNormalizeGradients(params Tensor[] grads)
    {
        SumGradients(grads);
        int n = mpi.Size();
        if (n > 1)
            foreach (var g in grads) g.Mul(1.0 / n);
    }

    /// <summary>Copies rank 1's parameters to every rank. Example: <c>sgd.SynchronizeParameters(w);</c></summary>
    public void SynchronizeParameters(params Tensor[] parameters)
    {
        foreach (var p in parameters) mpi.Broadcast(p, root: 1);
    }
}
