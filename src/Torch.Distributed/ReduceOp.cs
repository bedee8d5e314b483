namespace Torch.Distributed;

/// <summary>How <see cref="mpi.AllReduce"/> combines the ranks' elements (MPI_SUM, MPI_MAX, MPI_MIN, MPI_PROD).
/// Example: <c>mpi.AllReduce(t, ReduceOp.Max)</c>.</summary>
public enum ReduceOp
{
    /// <summary>The sum over ranks (the default). Example: <c>mpi.AllReduce(grad, ReduceOp.Sum)</c>.</summary>
    Sum,
    /// <summary>The largest value over ranks. Example: <c>mpi.AllReduce(loss, ReduceOp.Max)</c>.</summary>
    Max,
    /// <summary>The smallest value over ranks. Example: <c>mpi.AllReduce(steps, ReduceOp.Min)</c>.</summary>
    Min,
    /// <summary>The product over ranks. Example: <c>mpi.AllReduce(flags, ReduceOp.Prod)</c>.</summary>
    Prod,
}
