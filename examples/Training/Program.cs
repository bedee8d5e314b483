// A full training run, Lua Torch7 style: three interleaved spirals classified by an MLP.
// Worker threads ("donkeys") prepare mini-batches, optim.Adam trains through a feval closure on the
// flat parameters, ConfusionMatrix measures, Logger writes a log Torch7 can read and a plot,
// and the trained network is saved as a .t7 file and loaded back.
using Torch;
using Torch.Nn;
using Torch.Optim;
using Torch.Threads;

torch.ManualSeed(1);
torch.SetNumThreads(1);
const int classes = 3, perClass = 300, batchSize = 30, epochs = 30;
string outDir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "torch-training");
Directory.CreateDirectory(outDir);

// ---- data: points on three spirals, with noise
var inputs = torch.Tensor(classes * perClass, 2);
var labels = torch.Tensor(classes * perClass);
var noise = torch.Tensor(classes * perClass).Normal(0, 0.15);
for (int c = 0; c < classes; c++)
    for (int i = 0; i < perClass; i++)
    {
        int n = c * perClass + i + 1;
        double r = (double)i / perClass, angle = c * 2 * Math.PI / classes + 4 * r + noise[n];
        inputs[n, 1] = r * Math.Sin(angle);
        inputs[n, 2] = r * Math.Cos(angle);
        labels[n] = c + 1;                                   // 1-based classes, as ClassNLLCriterion wants
    }

// ---- model
var net = nn.Sequential();
net.Add(nn.Linear(2, 64)).Add(nn.Tanh()).Add(nn.Linear(64, 64)).Add(nn.Tanh()).Add(nn.Linear(64, classes)).Add(nn.LogSoftMax());
var crit = nn.ClassNLLCriterion();
var (w, dw) = net.GetParameters();
Console.WriteLine(net);
Console.WriteLine($"{w.NElement()} parameters");

var config = new AdamConfig { LearningRate = 0.01 };
var confusion = optim.ConfusionMatrix(new[] { "red", "green", "blue" });
using var logger = optim.Logger(Path.Combine(outDir, "train.log"));
logger.SetNames("training error", "accuracy (%)");

// ---- training: donkeys make shuffled batches while the main thread trains on the previous one
using (var donkeys = new Threads(2, id => torch.ManualSeed(100 + id)))
{
    for (int epoch = 1; epoch <= epochs; epoch++)
    {
        var order = torch.Randperm(classes * perClass);
        double loss = 0;
        int batches = 0;
        confusion.Zero();
        for (int start = 1; start <= order.NElement(); start += batchSize)
        {
            int first = start;
            donkeys.AddJob(
                () =>
                {
                    var idx = order.Narrow(1, first, Math.Min(batchSize, (int)order.NElement() - first + 1)).Long();
                    return (inputs.Index(1, idx), labels.Index(1, idx));
                },
                batch =>
                {
                    var (x, y) = batch;
                    (double, Tensor) Feval(Tensor xNew)
                    {
                        if (!ReferenceEquals(xNew, w)) w.Copy(xNew);
                        dw.Zero();
                        Tensor o = net.Forward(x);
                        double f = crit.Forward(o, y);
                        net.Backward(x, crit.Backward(o, y));
                        confusion.BatchAdd(o, y);
                        return (f, dw);
                    }
                    var (_, fx) = optim.Adam(Feval, w, config);
                    loss += fx[0];
                    batches++;
                });
        }
        donkeys.Synchronize();
        confusion.UpdateValids();
        logger.Add(loss / batches, confusion.TotalValid * 100);
        if (epoch % 10 == 0) Console.WriteLine($"epoch {epoch}: loss {loss / batches:F4}, accuracy {confusion.TotalValid * 100:F1}%");
    }
}

// ---- evaluation, saving and loading
net.Evaluate();
confusion.Zero();
confusion.BatchAdd(net.Forward(inputs), labels);
confusion.UpdateValids();
Console.WriteLine(confusion);
logger.Style("-", "-");
foreach (var picture in logger.Plot()) Console.WriteLine($"plot: {picture}");

string model = Path.Combine(outDir, "spirals.t7");
torch.Save(model, net.ClearState());
var back = torch.Load<Module>(model);
Tensor again = back.Forward(inputs);
Console.WriteLine($"saved {model}; the loaded network agrees: {torch.Equal(again, net.Forward(inputs))}");
