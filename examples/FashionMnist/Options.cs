using System.Globalization;

/// <summary>The command line: <c>--name value</c> pairs, each with a default that gives the full run.</summary>
sealed class Options
{
    public string Data { get; private set; } = Torch.mnist.DefaultDir;
    public string Out { get; private set; } = "fashion-mnist-out";
    public int Epochs { get; private set; } = 5;
    public int Batch { get; private set; } = 32;
    public int Threads { get; private set; } = 2;
    public long Seed { get; private set; } = 1;
    public string Optim { get; private set; } = "adam";
    public double LearningRate { get; private set; } = double.NaN;   // by optimiser: sgd 0.01, adam 0.001
    public long TrainSize { get; private set; }                      // 0: the whole set
    public long TestSize { get; private set; }
    public bool Progress { get; private set; } = true;
    public bool Distributed { get; private set; }                    // one rank of an mpirun job (docs/distributed.md)

    public const string Usage =
        "usage: FashionMnist [--data DIR] [--out DIR] [--epochs N] [--batch N] [--threads N] [--seed N]\n" +
        "                    [--optim sgd|adam] [--lr X] [--train-size N] [--test-size N] [--no-progress]\n" +
        "                    [--distributed]   (under mpirun -np N: data-parallel, AllReduceSGD)";

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name == "--no-progress") { o.Progress = false; continue; }
            if (name == "--distributed") { o.Distributed = true; continue; }
            if (i + 1 >= args.Length) throw new ArgumentException($"{name}: expected a value\n{Usage}");
            string v = args[++i];
            switch (name)
            {
                case "--data": o.Data = v; break;
                case "--out": o.Out = v; break;
                case "--epochs": o.Epochs = Positive(name, v); break;
                case "--batch": o.Batch = Positive(name, v); break;
                case "--threads": o.Threads = Positive(name, v); break;
                case "--seed": o.Seed = long.Parse(v, CultureInfo.InvariantCulture); break;
                case "--optim": o.Optim = v is "sgd" or "adam" ? v : throw new ArgumentException($"--optim: expected sgd or adam, got {v}"); break;
                case "--lr": o.LearningRate = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--train-size": o.TrainSize = Positive(name, v); break;
                case "--test-size": o.TestSize = Positive(name, v); break;
                default: throw new ArgumentException($"unknown option {name}\n{Usage}");
            }
        }
        if (double.IsNaN(o.LearningRate)) o.LearningRate = o.Optim == "sgd" ? 0.01 : 0.001;
        return o;
    }

    static int Positive(string name, string v) =>
        int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : throw new ArgumentException($"{name}: expected a positive integer, got {v}");
}
