// Hogwild (Recht et al., 2011), as Torch7 users ran it with the threads package: K workers each train their own clone
// of one network; the clones share the network's weights and biases (Clone("weight", "bias")) but keep their own
// gradients, and every worker updates the shared weights in place, without locks, while the others read them.
// Prints samples/s for 1 and 2 workers and checks that the shared network learns either way.
using System.Diagnostics;
using Torch;
using Torch.Nn;
using Hogwild;

int samples = args.Length > 0 ? int.Parse(args[0]) : 20000;   // per run, over all workers
const int inputs = 20, classes = 4, batch = 16;
torch.SetNumThreads(1);   // one core per worker: the parallelism is Hogwild's

// A task with a known answer: the classes of a random linear "teacher" over Gaussian inputs.
torch.ManualSeed(1);
var teacher = torch.Tensor(inputs, classes).Normal();
var x = torch.Tensor(samples, inputs).Normal();
var (_, y) = torch.Max(torch.Mm(x, teacher), 2);
var targets = y.View(samples).Double();
var testX = torch.Tensor(2000, inputs).Normal();
var (_, testY) = torch.Max(torch.Mm(testX, teacher), 2);

bool ok = true;
foreach (int k in new[] { 1, 2 })
{
    torch.ManualSeed(2);
    var net = nn.Sequential().Add(nn.Linear(inputs, 64)).Add(nn.Tanh()).Add(nn.Linear(64, classes)).Add(nn.LogSoftMax());
    var clock = Stopwatch.StartNew();
    HogwildTraining.Train(net, x, targets, k, batch, 0.1);
    double seconds = clock.Elapsed.TotalSeconds;
    net.Evaluate();
    var (_, predicted) = torch.Max((Tensor)net.Forward(testX), 2);
    double accuracy = predicted.Eq(testY).Double().Mean() * 100;
    Console.WriteLine($"{k} worker{(k > 1 ? "s" : "")}: {samples / seconds:F0} samples/s, test accuracy {accuracy:F1}%");
    ok &= accuracy > 85;
}
Console.WriteLine(ok ? "Hogwild: the shared network learns with 1 and 2 workers" : "FAILED: the shared network did not learn");
return ok ? 0 : 1;
