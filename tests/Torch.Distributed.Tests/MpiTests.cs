using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Torch.Distributed.Tests;

/// <summary>Two-rank jobs under mpirun (Open MPI, which .ci/run installs): collectives, AllReduceSGD against one process on
/// the whole batch, AllReduceEA by hand, a failing rank, and Fashion-MNIST trained by two ranks.</summary>
public sealed class MpiTests(ITestOutputHelper log) : IDisposable
{
    const string NoMpirun = "mpirun is missing: apt-get install openmpi-bin libopenmpi-dev (.ci/run does)";
    static readonly string Worker = MpiJob.Program("tests/Torch.Distributed.Worker");

    // one job for the tests that read the collectives' lines
    static readonly Lazy<(int Code, string Output, TimeSpan Took)> collectives = new(() =>
    {
        string folder = Directory.CreateTempSubdirectory("torch-dist-").FullName;
        try { return Said(MpiJob.Run(2, Worker, $"collectives {folder}"), folder); }
        finally { Directory.Delete(folder, recursive: true); }
    });

    readonly string dir = Directory.CreateTempSubdirectory("torch-dist-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // the job's exit code, and the ranks' own lines (each rank writes its file: no lines cut into each other) after mpirun's output
    static (int Code, string Output, TimeSpan Took) Said((int Code, string Output, TimeSpan Took) job, string folder) =>
        (job.Code, job.Output + string.Concat(Directory.GetFiles(folder, "rank-*.txt").Order().Select(File.ReadAllText)), job.Took);

    // "rank R: WHAT v1 v2 ..." -> the numbers, for each rank
    static double[][] Numbers(string output, string what) => new[] { 1, 2 }.Select(r =>
    {
        var m = Regex.Match(output, $@"^rank {r}: {Regex.Escape(what)} ([-0-9.Ee+ ]+)$", RegexOptions.Multiline);
        m.Success.Should().BeTrue($"rank {r} prints '{what}':\n{output}");
        return m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }).ToArray();

    (int Code, string Output) Collectives()
    {
        Skip.IfNot(MpiJob.HasMpirun(), NoMpirun);
        var (code, output, took) = collectives.Value;
        log.WriteLine($"{took.TotalSeconds:F1} s\n{output}");
        code.Should().Be(0, output);
        return (code, output);
    }

    [SkippableFact]
    public void Collectives_combine_broadcast_and_gather_in_place_on_every_rank()
    {
        var (_, output) = Collectives();
        // rank r holds r x (1, 2, 3)
        foreach (var (what, expected) in new[] { ("Sum", new[] { 3.0, 6, 9 }), ("Max", new[] { 2.0, 4, 6 }), ("Min", new[] { 1.0, 2, 3 }),
                                                  ("Prod", new[] { 2.0, 8, 18 }), ("Sum of ints", new[] { 3.0, 30 }),
                                                  ("Broadcast", new[] { 2.0, 4 }), ("AllGather", new[] { 1.0, -1, 2, -2 }) })
            foreach (var got in Numbers(output, what)) got.Should().Equal(expected, what);
    }

    [SkippableFact]
    public void Ranks_that_disagree_all_get_the_same_clear_error_and_the_job_goes_on()
    {
        var (_, output) = Collectives();
        foreach (int r in new[] { 1, 2 })
        {
            output.Should().Contain($"rank {r}: mpi.AllReduce: expected a contiguous tensor").And.Contain("non-contiguous torch.DoubleTensor of size 3");
            output.Should().Contain($"rank {r}: mpi.AllReduce: a torch.HalfTensor has no MPI type (expected a Double, Float, Long, Int, Short, Char or Byte tensor)");
            output.Should().Contain($"rank {r}: mpi.AllGather: result has 3 elements, expected 2 ranks x 2 = 4");
            output.Should().Contain($"rank {r}: mpi.Broadcast: root 3 is not a rank (expected 1 to 2)");
            output.Should().Contain($"rank {r}: mpi.AllReduce: the ranks' tensors differ in size: from 2 to 3 elements (rank {r} has {r + 1})");
            output.Should().Contain($"rank {r}: mpi.AllReduce: the ranks ask for different operations: Sum and Max");
            output.Should().MatchRegex($@"rank {r}: mpi\.(Barrier|Broadcast): the ranks called different collectives at once \(mpi\.Broadcast and mpi\.Barrier\)");
        }
    }

    [SkippableFact]
    public void AllReduceEA_moves_each_rank_and_the_centre_by_the_elastic_differences()
    {
        var (_, output) = Collectives();
        // start: rank 1's parameters (1) everywhere and as the centre; then 10 x rank; tau 2, alpha 0.5:
        // step 1 changes nothing; step 2: delta_r = 0.5 (10 r - 1) = 4.5, 9.5; w_r -= delta_r; centre += 4.5 + 9.5
        output.Should().Contain("rank 1: EA start 1 1 centre 1 1").And.Contain("rank 2: EA start 1 1 centre 1 1");
        output.Should().Contain("rank 1: EA step 1 10 10 centre 1 1").And.Contain("rank 2: EA step 1 20 20 centre 1 1");
        output.Should().Contain("rank 1: EA step 2 5.5 5.5 centre 15 15").And.Contain("rank 2: EA step 2 10.5 10.5 centre 15 15");
    }

    [SkippableFact]
    public void AllReduceSGD_steps_on_2_ranks_of_B_equal_one_process_on_the_2B_batches()
    {
        Skip.IfNot(MpiJob.HasMpirun(), NoMpirun);
        const int B = 4, Steps = 3;
        string twoDir = Directory.CreateDirectory(Path.Combine(dir, "two")).FullName, oneDir = Directory.CreateDirectory(Path.Combine(dir, "one")).FullName;
        var two = Said(MpiJob.Run(2, Worker, $"sgd {twoDir} {2 * B * Steps} {B} {Steps}"), twoDir);
        var one = Said(MpiJob.Run(1, Worker, $"sgd {oneDir} {2 * B * Steps} {2 * B} {Steps}"), oneDir);
        log.WriteLine($"2 ranks: {two.Took.TotalSeconds:F1} s, 1 rank: {one.Took.TotalSeconds:F1} s\n{two.Output}\n{one.Output}");
        two.Code.Should().Be(0, two.Output);
        one.Code.Should().Be(0, one.Output);
        var start = Numbers(two.Output, "start");
        var ends = Numbers(two.Output, "params");
        var single = Regex.Match(one.Output, @"^rank 1: params ([-0-9.Ee+ ]+)$", RegexOptions.Multiline).Groups[1].Value
            .Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        start[1].Should().Equal(start[0], "rank 2 starts from rank 1's parameters (its own seed gave others)");
        ends[1].Should().Equal(ends[0], "every rank ends with the same parameters, bit for bit");
        single.Should().HaveCount(5 * 7 + 7 + 7 * 3 + 3);
        ends[0].Zip(start[0]).Max(p => Math.Abs(p.First - p.Second)).Should().BeGreaterThan(1e-3, "the steps moved the parameters");
        for (int i = 0; i < single.Length; i++)
            ends[0][i].Should().BeApproximately(single[i], 1e-12 * Math.Max(1, Math.Abs(single[i])), $"parameter {i + 1}");
    }

    [SkippableFact]
    public void A_failing_rank_ends_the_job_with_its_rank_and_error_instead_of_a_hang()
    {
        Skip.IfNot(MpiJob.HasMpirun(), NoMpirun);
        var (code, output, took) = MpiJob.Run(2, Worker, $"fail {dir} 2");   // rank 1 waits in an all-reduce rank 2 never joins
        log.WriteLine($"{took.TotalSeconds:F1} s\n{output}");
        code.Should().NotBe(0, output);
        output.Should().Contain("mpi: rank 2 of 2 (MPI rank 1").And.Contain("failed: System.InvalidOperationException: boom at step 3");
        took.Should().BeLessThan(TimeSpan.FromSeconds(60));
    }

    [SkippableFact]
    public void A_rank_ending_without_finalize_stops_the_job()
    {
        Skip.IfNot(MpiJob.HasMpirun(), NoMpirun);
        var (code, output, took) = MpiJob.Run(2, Worker, $"exit-early {dir} 2");
        log.WriteLine($"{took.TotalSeconds:F1} s\n{output}");
        code.Should().NotBe(0, output);
        output.Should().Contain("mpi: rank 2 of 2").And.Contain("ended without mpi.Finalize()");
    }

    [SkippableFact]
    public void The_distributed_example_trains_2_ranks_to_the_same_parameters()
    {
        Skip.IfNot(MpiJob.HasMpirun(), NoMpirun);
        var (code, output, took) = MpiJob.Run(2, MpiJob.Program("examples/Distributed"), "5");
        log.WriteLine($"{took.TotalSeconds:F1} s\n{output}");
        code.Should().Be(0, output);
        output.Should().Contain("2 ranks, each 2048 samples an epoch in batches of 32").And.Contain("AllReduce: ").And.Contain("(320 steps, 1296 bytes of gradient)");
        var accuracy = Regex.Match(output, @"accuracy on every rank: ([0-9.]+)%, ([0-9.]+)% \(the same\)");
        accuracy.Success.Should().BeTrue(output);
        double.Parse(accuracy.Groups[1].Value, CultureInfo.InvariantCulture).Should().BeGreaterThan(90, "the circle is learnt");
    }

    [SkippableFact]
    public void Fashion_mnist_trains_on_2_ranks_and_rank_1_alone_prints_and_saves()
    {
        Skip.IfNot(MpiJob.HasMpirun(), NoMpirun);
        {
            string data = MnistData.FolderOrSynthetic(dir, log.WriteLine), outDir = Path.Combine(dir, "out");
            var (code, output, took) = MpiJob.Run(2, MpiJob.Program("examples/FashionMnist"),
                $"--distributed --data \"{data}\" --out \"{outDir}\" --train-size 512 --test-size 500 --epochs 2 --threads 1 --batch 16 --no-progress");
            log.WriteLine($"{took.TotalSeconds:F1} s\n{output}");
            code.Should().Be(0, output);
            output.Should().Contain("distributed: 2 processes, each 256 samples an epoch in batches of 16 (together 32)");
            Regex.Matches(output, "^epoch 1:", RegexOptions.Multiline).Should().HaveCount(1, "rank 1 alone prints");
            var losses = Regex.Matches(output, @"epoch \d+: train loss ([0-9.]+)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
            losses.Should().HaveCount(2);
            losses[1].Should().BeLessThan(losses[0], "the second epoch's loss is lower");
            output.Should().MatchRegex(@"AllReduce: [0-9.]+ ms a step on average \(32 steps, 0\.32 MB of gradient each\)");
            output.Should().MatchRegex(@"reloaded, it scores [0-9.]+%: the same");
            File.Exists(Path.Combine(outDir, "fashion-mnist.t7")).Should().BeTrue();
        }
    }
}
