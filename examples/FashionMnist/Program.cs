// Fashion-MNIST, trained the Torch7 way (the talk's pipeline): donkey threads cut and augment mini-batches, the main
// thread takes them in their end callbacks and trains a LeNet-style network with optim through a closure over
// GetParameters(); every epoch is scored on the 10,000 test images with a ConfusionMatrix and logged with optim.Logger;
// the best network is saved with torch.Save and reloaded to check that it scores the same.
// With --distributed, under `mpirun -np N`, each rank trains on its own part of every epoch and AllReduceSGD averages the
// gradients, so the ranks take the steps of one process on batches N times larger; rank 1 alone prints, scores and saves.
using System.Diagnostics;
using Spectre.Console;
using Torch;
using Torch.Distributed;
using Torch.Nn;
using Torch.Optim;
using Torch.Threads;

Options opt;
try { opt = Options.Parse(args); }
catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }
if (!mnist.Exists(opt.Data))
{
    Console.Error.WriteLine($"No MNIST-format data in {opt.Data}.");
    Console.Error.WriteLine("Fashion-MNIST: `sudo apt-get install dataset-fashion-mnist` (Debian, Ubuntu) puts it in " + mnist.DefaultDir + ",");
    Console.Error.WriteLine("or download train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and");
    Console.Error.WriteLine("t10k-labels-idx1-ubyte.gz (Fashion-MNIST or MNIST) into one folder and run with --data FOLDER.");
    return 3;
}

if (opt.Distributed)
{
    try { mpi.Init(); }
    catch (DllNotFoundException e) { Console.Error.WriteLine(e.Message); return 3; }   // no Open MPI: the message names the packages
}
int rank = opt.Distributed ? mpi.Rank() : 1, ranks = opt.Distributed ? mpi.Size() : 1;
bool lead = rank == 1;
if (!lead) Console.SetOut(TextWriter.Null);

torch.ManualSeed(opt.Seed);
torch.SetDefaultTensorType("torch.FloatTensor");
torch.SetNumThreads(1);   // the cores go to the donkeys and the trainer; one thread per op also keeps sums in a fixed order
if (lead) Directory.CreateDirectory(opt.Out);

// ---- data
var train = mnist.TrainDataset(opt.Data);
var test = mnist.TestDataset(opt.Data);
long nTrain = opt.TrainSize > 0 ? Math.Min(opt.TrainSize, train.Size) : train.Size;
long nTest = opt.TestSize > 0 ? Math.Min(opt.TestSize, test.Size) : test.Size;
var batches = Batches.For(train, nTrain);
var partition = new Partition(nTrain, opt.Seed, rank, ranks);
var (testInputs, testTargets) = new Batches(test, batches.Mean, batches.Std).All(nTest);
string[] classes = opt.Data.Contains("fashion", StringComparison.OrdinalIgnoreCase)
    ? new[] { "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot" }
    : Enumerable.Range(0, 10).Select(d => d.ToString()).ToArray();
Console.WriteLine($"data: {opt.Data}: {nTrain} training and {nTest} test images of {train.Data.Size(2)}x{train.Data.Size(3)}");

// ---- model: LeNet-style
var net = nn.Sequential();
net.Add(nn.SpatialConvolution(1, 16, 5, 5)).Add(nn.ReLU()).Add(nn.SpatialMaxPooling(2, 2, 2, 2));    // 16 x 12 x 12
net.Add(nn.SpatialConvolution(16, 32, 5, 5)).Add(nn.ReLU()).Add(nn.SpatialMaxPooling(2, 2, 2, 2));   // 32 x 4 x 4
net.Add(nn.View(32 * 4 * 4)).Add(nn.Linear(32 * 4 * 4, 128)).Add(nn.ReLU()).Add(nn.Linear(128, 10)).Add(nn.LogSoftMax());
var crit = nn.ClassNLLCriterion();
var (w, dw) = net.GetParameters();
Console.WriteLine(net);
Console.WriteLine($"{w.NElement()} parameters; {opt.Optim}, learning rate {opt.LearningRate}, batches of {opt.Batch}, {opt.Threads} donkeys, seed {opt.Seed}");
var allReduceSgd = opt.Distributed ? new AllReduceSGD() : null;
allReduceSgd?.SynchronizeParameters(w);
if (opt.Distributed) Console.WriteLine($"distributed: {ranks} processes, each {partition.Samples} samples an epoch in batches of {opt.Batch} (together {ranks * opt.Batch})");

// Lua's dampening defaults to the momentum, which scales each step down by 1 - momentum: 0 as in Torch7's ImageNet recipe
var sgd = new SgdConfig { LearningRate = opt.LearningRate, Momentum = 0.9, Dampening = 0, LearningRateDecay = 1e-4 };
var adam = new AdamConfig { LearningRate = opt.LearningRate };
var confusion = optim.ConfusionMatrix(classes);
using var logger = lead ? optim.Logger(Path.Combine(opt.Out, "train.log")) : null;
logger?.SetNames("train loss", "test accuracy (%)");
string modelFile = Path.Combine(opt.Out, "fashion-mnist.t7");
double best = -1;

double Step(Tensor x, Tensor y)
{
    (double, Tensor) Feval(Tensor xNew)
    {
        if (!ReferenceEquals(xNew, w)) w.Copy(xNew);
        dw.Zero();
        Tensor o = net.Forward(x);
        double f = crit.Forward(o, y);
        net.Backward(x, crit.Backward(o, y));
        allReduceSgd?.SumAndNormalizeGradients(dw);
        return (f, dw);
    }
    var (_, fx) = opt.Optim == "sgd" ? optim.Sgd(Feval, w, sgd) : optim.Adam(Feval, w, adam);
    return fx[0];
}

double Score(Module model)
{
    model.Evaluate();
    confusion.Zero();
    for (long first = 1; first <= nTest; first += 1000)
    {
        long n = Math.Min(1000, nTest - first + 1);
        confusion.BatchAdd(model.Forward(testInputs.Narrow(1, first, n)), testTargets.Narrow(1, first, n));
    }
    confusion.UpdateValids();
    model.Training();
    return confusion.TotalValid * 100;
}

// ---- training: the donkeys make batches; the end callbacks, on this thread, train on them in batch order
using (var donkeys = new Threads(opt.Threads))
{
    for (int epoch = 1; epoch <= opt.Epochs; epoch++)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var order = opt.Distributed ? partition.Epoch(epoch) : torch.Randperm(nTrain);
        long nMine = order.NElement();
        int nBatches = (int)((nMine + opt.Batch - 1) / opt.Batch), next = 1;
        var arrived = new Dictionary<int, (Tensor X, Tensor Y)>();
        double loss = 0;
        long seen = 0;
        void Train(Action<long, double> progress)
        {
            for (int b = 1; b <= nBatches; b++)
            {
                int batch = b;
                long first = (b - 1L) * opt.Batch + 1;
                int count = (int)Math.Min(opt.Batch, nMine - first + 1);
                // the job's own seed, from its batch (and rank)
                int seed = unchecked((int)(((opt.Seed * 1_000_003 + epoch) * 100_003 + batch) * ranks + rank - 1));
                donkeys.AddJob(
                    () => batches.Make(order, first, count, seed),
                    made =>
                    {
                        // batches finish in any order; they are trained on in their own order, so runs repeat exactly
                        arrived[batch] = made;
                        while (arrived.Remove(next, out var ready))
                        {
                            loss += Step(ready.X, ready.Y) * ready.Y.NElement();
                            seen += ready.Y.NElement();
                            next++;
                            progress(seen, seen / clock.Elapsed.TotalSeconds);
                        }
                    });
            }
            donkeys.Synchronize();
        }
        string label = $"epoch {epoch}/{opt.Epochs}";
        if (opt.Progress && lead)
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(label, maxValue: nMine);
                    Train((n, rate) => { task.Value = n; task.Description = $"{label}  {rate,6:F0} samples/s  loss {loss / n:F4}"; });
                });
        else Train((_, _) => { });
        double trainSeconds = clock.Elapsed.TotalSeconds;
        if (allReduceSgd is not null)
        {
            // the same parameters everywhere (as torch-distlearn does after an epoch), and the loss over all ranks' samples
            allReduceSgd.SynchronizeParameters(w);
            var sums = mpi.AllReduce(torch.DoubleTensor(new[] { loss, seen }.AsSpan()));
            (loss, seen) = (sums[1], (long)sums[2]);
            Console.WriteLine($"AllReduce: {allReduceSgd.AllReduceTime.TotalMilliseconds / allReduceSgd.Steps:F2} ms a step on average " +
                              $"({allReduceSgd.Steps} steps, {w.NElement() * w.ElementSize() / 1e6:F2} MB of gradient each)");
        }
        if (!lead) continue;
        double accuracy = Score(net);
        logger!.Add(loss / seen, accuracy);
        if (accuracy > best)
        {
            best = accuracy;
            torch.Save(modelFile, net.ClearState());
        }
        Console.WriteLine($"epoch {epoch}: train loss {loss / seen:F6}, test accuracy {accuracy:F2}%, {clock.Elapsed.TotalSeconds:F1} s " +
                          $"({trainSeconds:F1} s training, {seen / trainSeconds:F0} samples/s; {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s of CPU)");
    }
}

// ---- results: the last epoch's confusion matrix, the curves, the best model reloaded
if (opt.Distributed) mpi.Finalize();
if (!lead) return 0;
Console.WriteLine(confusion);
File.WriteAllText(Path.Combine(opt.Out, "confusion.txt"), confusion + "\n");
confusion.SaveImage(Path.Combine(opt.Out, "confusion.png"));
logger!.Style("+-", "+-").SecondAxis("test accuracy (%)");
foreach (var picture in logger.Plot()) Console.WriteLine($"plot: {picture}");

var reloaded = torch.Load<Module>(modelFile);
double again = Score(reloaded);
Console.WriteLine($"saved {modelFile} (best test accuracy {best:F2}%); reloaded, it scores {again:F2}%: {(again == best ? "the same" : "DIFFERENT")}");
return again == best ? 0 : 1;
