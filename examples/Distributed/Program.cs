// Data-parallel training over MPI, torch-distlearn's way (docs/distributed.md):
//   mpirun -np 2 dotnet run --project examples/Distributed [-- EPOCHS]
// Every rank builds the same data and network, AllReduceSGD puts rank 1's parameters on all of them, each rank trains
// on its own part of every epoch (a Partition) and averages the gradients with the others at every step. At the end
// every rank scores the whole data set: the ranks hold the same parameters, so they all report the same accuracy.
// Runs without mpirun too, as a job of one process.
using System.Globalization;
using Torch;
using Torch.Distributed;
using Torch.Nn;
using Torch.Optim;

int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
const int n = 4096, batch = 32;   // batch: per rank

try { mpi.Init(); }
catch (DllNotFoundException e) { Console.Error.WriteLine(e.Message); return 3; }   // no Open MPI: the message names the packages
int rank = mpi.Rank(), size = mpi.Size();
torch.SetNumThreads(1);   // one core per rank: the parallelism is the ranks'

// A task with a known answer: points of the plane, class 1 inside the circle of radius 1.18 (half of them), else 2.
torch.ManualSeed(1);
var x = torch.Randn(n, 2);
var xs = x.ToArray<double>();
var y = torch.DoubleTensor(Enumerable.Range(0, n).Select(i => xs[2 * i] * xs[2 * i] + xs[2 * i + 1] * xs[2 * i + 1] < 1.386 ? 1.0 : 2.0).ToArray().AsSpan());

torch.ManualSeed(100 + rank);   // each rank draws other initial parameters: SynchronizeParameters makes them rank 1's
var net = nn.Sequential().Add(nn.Linear(2, 32)).Add(nn.Tanh()).Add(nn.Linear(32, 2)).Add(nn.LogSoftMax());
var crit = nn.ClassNLLCriterion();
var (w, dw) = net.GetParameters();
var allReduceSgd = new AllReduceSGD();
allReduceSgd.SynchronizeParameters(w);

var partition = new Partition(n, seed: 1);
var config = new SgdConfig { LearningRate = 0.2, Momentum = 0.9 };
if (rank == 1) Console.WriteLine($"{size} ranks, each {partition.Samples} samples an epoch in batches of {batch}");
for (int epoch = 1; epoch <= epochs; epoch++)
{
    var order = partition.Epoch(epoch);
    double loss = 0;
    for (long first = 1; first + batch - 1 <= partition.Samples; first += batch)
    {
        var idx = order.Narrow(1, first, batch);
        Tensor input = x.Index(1, idx), target = y.Index(1, idx);
        var (_, fx) = optim.Sgd(_ =>
        {
            dw.Zero();
            var output = net.Forward(input);
            double f = crit.Forward(output, target);
            net.Backward(input, crit.Backward(output, target));
            allReduceSgd.SumAndNormalizeGradients(dw);   // the average gradient over the ranks' batches
            return (f, dw);
        }, w, config);
        loss += fx[0];
    }
    allReduceSgd.SynchronizeParameters(w);
    double mean = mpi.AllReduce(torch.DoubleTensor(new[] { loss / (partition.Samples / batch) }.AsSpan()))[1] / size;
    if (rank == 1) Console.WriteLine($"epoch {epoch}: loss {mean:F4}");
}

var (_, predicted) = torch.Max(net.Forward(x), 2);
double accuracy = predicted.View(n).Double().Eq(y).Double().Sum() * 100.0 / n;
var all = mpi.AllGather(torch.DoubleTensor(new[] { accuracy }.AsSpan()));
bool same = all.ToArray<double>().All(a => a == accuracy), good = accuracy > 90;
if (rank == 1)
{
    Console.WriteLine($"accuracy on every rank: {string.Join(", ", all.ToArray<double>().Select(a => a.ToString("F2", CultureInfo.InvariantCulture) + "%"))} " +
                      $"({(same ? "the same" : "DIFFERENT")})");
    Console.WriteLine($"AllReduce: {allReduceSgd.AllReduceTime.TotalMilliseconds / allReduceSgd.Steps:F3} ms a step on average " +
                      $"({allReduceSgd.Steps} steps, {w.NElement() * w.ElementSize()} bytes of gradient)");
}
mpi.Finalize();
return same && good ? 0 : 1;
