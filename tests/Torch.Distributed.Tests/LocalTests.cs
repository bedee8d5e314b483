namespace Torch.Distributed.Tests;

/// <summary>What works in one process without MPI: the partitioner, argument checks, and the error without Open MPI.</summary>
public sealed class LocalTests
{
    static long[] Shard(long n, long seed, int epoch, int rank, int ranks) => new Partition(n, seed, rank, ranks).Epoch(epoch).ToArray<long>();

    [Fact]
    public void The_ranks_batches_together_are_the_batch_one_process_takes_from_the_same_permutation()
    {
        const int N = 3, B = 4;
        var one = Shard(36, 5, 2, 1, 1);
        one.Order().Should().Equal(Enumerable.Range(1, 36).Select(i => (long)i), "one process takes every sample once");
        var shards = Enumerable.Range(1, N).Select(r => Shard(36, 5, 2, r, N)).ToArray();
        foreach (var s in shards) s.Should().HaveCount(12);
        for (int k = 0; k < 3; k++)
            shards.SelectMany(s => s.Skip(k * B).Take(B)).Order().Should().Equal(one.Skip(k * N * B).Take(N * B).Order(), $"batch {k + 1}");
    }

    [Fact]
    public void Each_epoch_has_its_own_order_from_the_shared_seed()
    {
        Shard(100, 1, 1, 2, 4).Should().Equal(Shard(100, 1, 1, 2, 4), "the same seed and epoch on any process");
        Shard(100, 1, 2, 2, 4).Should().NotEqual(Shard(100, 1, 1, 2, 4), "another epoch");
        Shard(100, 2, 1, 2, 4).Should().NotEqual(Shard(100, 1, 1, 2, 4), "another seed");
    }

    [Fact]
    public void Uneven_data_gives_every_rank_the_same_number_of_samples_and_misses_none()
    {
        var shards = Enumerable.Range(1, 4).Select(r => Shard(10, 3, 1, r, 4)).ToArray();
        foreach (var s in shards) s.Should().HaveCount(3, "ceil(10 / 4): every rank takes as many steps");
        shards.SelectMany(s => s).Distinct().Order().Should().Equal(Enumerable.Range(1, 10).Select(i => (long)i));
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        FluentActions.Invoking(() => new Partition(10, 1, 5, 4)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("Partition: rank 5 (expected 1 to 4)*");
        FluentActions.Invoking(() => new Partition(0, 1, 1, 4)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("Partition: 0 samples*");
        FluentActions.Invoking(() => new AllReduceEA(0, 0.5)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("AllReduceEA: tau = 0*");
        FluentActions.Invoking(() => new AllReduceEA(2, 1.5)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("AllReduceEA: alpha = 1.5*");
    }

    [Fact]
    public void Collectives_before_init_say_to_call_init()
    {
        FluentActions.Invoking(() => mpi.Rank()).Should().Throw<InvalidOperationException>().WithMessage("mpi.Rank: call mpi.Init() first");
        FluentActions.Invoking(() => mpi.AllReduce(torch.DoubleTensor(3))).Should().Throw<InvalidOperationException>().WithMessage("mpi.AllReduce: call mpi.Init() first");
        FluentActions.Invoking(() => new Partition(10)).Should().Throw<InvalidOperationException>().WithMessage("mpi.Rank: call mpi.Init() first");
    }

    [Fact]
    public void Without_open_mpi_init_names_the_debian_packages()
    {
        var (code, output, _) = MpiJob.Alone(MpiJob.Program("tests/Torch.Distributed.Worker"), "init /nonexistent",
            new Dictionary<string, string> { ["TORCH_MPI_LIBRARY"] = "/nonexistent/libmpi.so" });
        code.Should().NotBe(0, output);
        output.Should().Contain("DllNotFoundException: mpi.Init: Open MPI's library was not found (/nonexistent/libmpi.so)")
            .And.Contain("apt-get install openmpi-bin libopenmpi-dev");
    }
}
