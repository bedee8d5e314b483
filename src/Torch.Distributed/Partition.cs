namespace Torch.Distributed;

/// <summary>
/// Splits a data set of <c>n</c> samples among the job's ranks, anew each epoch: every rank draws the same permutation of
/// 1..n from the shared seed and the epoch, and rank r takes its positions r, r + N, r + 2N, ... (N ranks). So the ranks'
/// k-th mini-batches of B samples together are the k-th mini-batch of N x B samples that one process would take from that
/// permutation, and one AllReduceSGD step equals that process's step. Every rank gets ceil(n / N) samples (the last
/// positions wrap round to the permutation's start), so all take the same number of steps, as MPI's collectives need.
/// Example: <c>var part = new Partition(train.Size, seed: 1); Tensor mine = part.Epoch(epoch);</c>
/// </summary>
public sealed class Partition
{
    readonly long n, seed;
    readonly int rank, ranks;

    /// <summary>This rank's share of <paramref name="n"/> samples (<see cref="mpi.Rank"/> of <see cref="mpi.Size"/>).
    /// Example: <c>new Partition(60000, seed: 1)</c>.</summary>
    public Partition(long n, long seed = 1) : this(n, seed, mpi.Rank(), mpi.Size()) { }

    /// <summary>Rank <paramref name="rank"/>'s share of <paramref name="n"/> samples among <paramref name="ranks"/> ranks (no MPI
    /// needed). Example: <c>new Partition(60000, 1, rank: 2, ranks: 4)</c>.</summary>
    public Partition(long n, long seed, int rank, int ranks)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"Partition: {n} samples (expected 1 or more)");
        if (ranks < 1) throw new ArgumentOutOfRangeException(nameof(ranks), $"Partition: {ranks} ranks (expected 1 or more)");
        if (rank < 1 || rank > ranks) throw new ArgumentOutOfRangeException(nameof(rank), $"Partition: rank {rank} (expected 1 to {ranks})");
        (this.n, this.seed, this.rank, this.ranks) = (n, seed, rank, ranks);
    }

    /// <summary>How many samples each rank takes per epoch: ceil(n / ranks). Example: <c>long steps = part.Samples / batch;</c></summary>
    public long Samples => (n + ranks - 1) / ranks;

    /// <summary>This rank's samples for epoch <paramref name="epoch"/>, in order: a LongTensor of <see cref="Samples"/> 1-based
    /// indices into the data set. Example: <c>long k = (long)part.Epoch(1)[1];</c></summary>
    public Tensor Epoch(int epoch)
    {
        var gen = torch.Generator();
        torch.ManualSeed(gen, unchecked(seed * 1_000_003 + epoch));
        long[] order = torch.Randperm(gen, n, "torch.LongTensor").ToArray<long>();
        var mine = new long[Samples];
        for (long k = 0; k < mine.Length; k++) mine[k] = order[(rank - 1 + k * ranks) % n];
        return torch.LongTensor(mine.AsSpan());
    }
}
