// One rank of a test job (tests/Torch.Distributed.Tests start it with mpirun): `MODE DIR ...` with MODE `collectives`,
// `sgd N B S`, `fail R`, `exit-early R` or `init`. Each rank writes its lines, which start with its rank, to DIR/rank-R.txt
// (mpirun's forwarded output may cut long lines of two ranks into each other); the tests check the numbers against
// hand-worked ones.
using System.Globalization;
using Torch;
using Torch.Distributed;
using Torch.Nn;
using Torch.Optim;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
mpi.Init();
int rank = mpi.Rank(), size = mpi.Size();
var said = new StreamWriter(Path.Combine(args[1], $"rank-{rank}.txt")) { AutoFlush = true };
void Say(string line) => said.WriteLine($"rank {rank}: {line}");
string Values(Tensor t) => string.Join(" ", t.ToArray<double>().Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

switch (args[0])
{
    case "init":
        Say($"of {size}");
        break;
    case "collectives":
        foreach (var op in new[] { ReduceOp.Sum, ReduceOp.Max, ReduceOp.Min, ReduceOp.Prod })
            Say($"{op} {Values(mpi.AllReduce(torch.DoubleTensor(new[] { 1.0, 2, 3 }.AsSpan()).Mul(rank), op))}");
        Say($"Sum of ints {Values(mpi.AllReduce(torch.IntTensor(new ReadOnlySpan<int>(new[] { rank, 10 * rank }))).Double())}");
        Say($"Broadcast {Values(mpi.Broadcast(torch.FloatTensor(new[] { 1f, 2 }.AsSpan()).Mul(rank), root: size).Double())}");
        Say($"AllGather {Values(mpi.AllGather(torch.LongTensor(new long[] { rank, -rank }.AsSpan())).Double())}");
        var grid = torch.DoubleTensor(3, 4).Fill(rank);
        try { mpi.AllReduce(grid.Select(2, 1)); }
        catch (ArgumentException e) { Say(e.Message); }
        try { mpi.AllReduce(torch.HalfTensor(2)); }
        catch (ArgumentException e) { Say(e.Message); }
        try { mpi.AllGather(torch.LongTensor(3), torch.LongTensor(2)); }
        catch (ArgumentException e) { Say(e.Message); }
        try { mpi.Broadcast(torch.LongTensor(2), root: size + 1); }
        catch (ArgumentOutOfRangeException e) { Say(e.Message); }
        // the ranks disagree in size: every rank throws the same error, none waits
        try { mpi.AllReduce(torch.DoubleTensor(rank + 1).Fill(1)); }
        catch (MpiException e) { Say(e.Message); }
        try { mpi.AllReduce(torch.DoubleTensor(2).Fill(1), rank == 1 ? ReduceOp.Sum : ReduceOp.Max); }
        catch (MpiException e) { Say(e.Message); }
        try { if (rank == 1) mpi.Barrier(); else mpi.Broadcast(torch.FloatTensor(2)); }
        catch (MpiException e) { Say(e.Message); }
        // elastic averaging by hand: tau 2, alpha 0.5, parameters 10 x rank after starting from rank 1's 1
        var w = torch.DoubleTensor(2).Fill(rank);
        var ea = new AllReduceEA(tau: 2, alpha: 0.5);
        ea.SynchronizeParameters(w);
        Say($"EA start {Values(w)} centre {Values(ea.Center[0])}");
        w.Fill(10 * rank);
        ea.AverageParameters(w);
        Say($"EA step 1 {Values(w)} centre {Values(ea.Center[0])}");
        ea.AverageParameters(w);
        Say($"EA step 2 {Values(w)} centre {Values(ea.Center[0])}");
        mpi.Barrier();
        break;
    case "sgd":
        Sgd(long.Parse(args[2]), int.Parse(args[3]), int.Parse(args[4]));
        break;
    case "fail":
        // the failing rank throws while the others wait in an all-reduce that can never complete
        for (int step = 1; ; step++)
        {
            if (rank == int.Parse(args[2]) && step == 3) throw new InvalidOperationException($"boom at step {step}");
            mpi.AllReduce(torch.DoubleTensor(4).Fill(1));
        }
    case "exit-early":
        if (rank == int.Parse(args[2])) return 0;
        mpi.AllReduce(torch.DoubleTensor(4).Fill(1));
        break;
    default:
        throw new ArgumentException($"unknown mode {args[0]}");
}
mpi.Finalize();
return 0;

// S steps of momentum SGD on n samples, batches of B per rank, from rank 1's initial parameters; prints the parameters
void Sgd(long n, int batch, int steps)
{
    torch.ManualSeed(42);                          // the same data on every rank
    var inputs = torch.Randn(n, 5);
    var targets = torch.Tensor(n).Random(1, 3);
    torch.ManualSeed(100 + rank);                  // different initial parameters on each rank, until synchronized
    var net = nn.Sequential().Add(nn.Linear(5, 7)).Add(nn.Tanh()).Add(nn.Linear(7, 3)).Add(nn.LogSoftMax());
    var crit = nn.ClassNLLCriterion();
    var (w, dw) = net.GetParameters();
    var allReduceSgd = new AllReduceSGD();
    allReduceSgd.SynchronizeParameters(w);
    Say($"start {Values(w)}");
    var order = new Partition(n, seed: 7).Epoch(1);
    var config = new SgdConfig { LearningRate = 0.5, Momentum = 0.9 };
    for (int s = 0; s < steps; s++)
    {
        var idx = order.Narrow(1, (long)s * batch + 1, batch);
        Tensor x = inputs.Index(1, idx), y = targets.Index(1, idx);
        optim.Sgd(_ =>
        {
            dw.Zero();
            var o = net.Forward(x);
            double f = crit.Forward(o, y);
            net.Backward(x, crit.Backward(o, y));
            allReduceSgd.SumAndNormalizeGradients(dw);
            return (f, dw);
        }, w, config);
    }
    Say($"params {Values(w)}");
}
