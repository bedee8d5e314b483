using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Torch.Optim.Tests;

/// <summary>The README's examples run as a newcomer runs them (`dotnet run --project ...`), with small settings, and say what they should.</summary>
public sealed class ExampleTests(ITestOutputHelper log) : IDisposable
{
    readonly string outDir = Directory.CreateTempSubdirectory("torch-example-").FullName;

    public void Dispose() => Directory.Delete(outDir, recursive: true);

    // Fashion-MNIST from Debian's dataset-fashion-mnist when installed (.ci/run installs it); otherwise a small
    // idx data set written here (class k: a bright bar on row 2k+4, plus noise), so the example's whole path still runs.
    string FashionMnistData()
    {
        if (mnist.Exists()) return mnist.DefaultDir;
        log.WriteLine($"dataset-fashion-mnist is not installed (no idx files in {mnist.DefaultDir}; `apt-get install dataset-fashion-mnist`): " +
                      "the example runs on a small synthetic idx data set written by this test instead");
        string dir = Path.Combine(outDir, "synthetic");
        Directory.CreateDirectory(dir);
        var rng = new Random(5);
        foreach (var (prefix, n) in new[] { ("train", 600), ("t10k", 200) })
        {
            var images = new byte[n * 28 * 28];
            var labels = new byte[n];
            for (int i = 0; i < n; i++)
            {
                labels[i] = (byte)(i % 10);
                for (int p = 0; p < 28 * 28; p++) images[i * 784 + p] = (byte)rng.Next(0, 60);
                for (int c = 4; c < 24; c++) images[i * 784 + (2 * labels[i] + 4) * 28 + c] = 255;
            }
            WriteIdx(Path.Combine(dir, prefix + "-images-idx3-ubyte.gz"), new[] { n, 28, 28 }, images);
            WriteIdx(Path.Combine(dir, prefix + "-labels-idx1-ubyte.gz"), new[] { n }, labels);
        }
        return dir;
    }

    static void WriteIdx(string path, int[] sizes, byte[] values)
    {
        using var z = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        z.Write(new byte[] { 0, 0, 8, (byte)sizes.Length });
        foreach (var s in sizes) z.Write(new[] { (byte)(s >> 24), (byte)(s >> 16), (byte)(s >> 8), (byte)s });
        z.Write(values);
    }

    (int Code, string Output) FashionMnist(string data, string outName, string extra = "") =>
        Processes.RunExample("FashionMnist", $"--data \"{data}\" --out \"{Path.Combine(outDir, outName)}\" --train-size 512 --test-size 500 --epochs 2 --threads 2 {extra}");

    static double[] Losses(string output) =>
        Regex.Matches(output, @"epoch \d+: train loss ([0-9.]+)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Fashion_mnist_trains_scores_saves_and_reloads_its_network()
    {
        var (code, output) = FashionMnist(FashionMnistData(), "run");
        log.WriteLine(output);
        code.Should().Be(0, output);
        var losses = Losses(output);
        losses.Should().HaveCount(2);
        losses[1].Should().BeLessThan(losses[0], "the second epoch's loss is lower");
        var accuracy = Regex.Matches(output, @"test accuracy ([0-9.]+)%").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Last();
        accuracy.Should().BeGreaterThan(50, "10 classes: chance is 10%");
        output.Should().Contain("samples/s").And.Contain("ConfusionMatrix:").And.MatchRegex(@"reloaded, it scores [0-9.]+%: the same");
        foreach (var file in new[] { "train.log", "train.log.png", "train.log.svg", "confusion.txt", "confusion.png", "fashion-mnist.t7" })
            File.Exists(Path.Combine(outDir, "run", file)).Should().BeTrue(file);
    }

    [Fact]
    public void Fashion_mnist_repeats_its_losses_with_the_same_seed_and_worker_threads()
    {
        string data = FashionMnistData();
        var runs = new[] { ("a", "--seed 7"), ("b", "--seed 7"), ("c", "--seed 8") }
            .Select(r => FashionMnist(data, r.Item1, r.Item2 + " --batch 16 --no-progress")).ToArray();
        foreach (var (code, output) in runs) code.Should().Be(0, output);
        var losses = runs.Select(r => Losses(r.Output)).ToArray();
        log.WriteLine(string.Join("\n", losses.Select(l => string.Join(", ", l))));
        losses[0].Should().HaveCount(2).And.Equal(losses[1], "the same seed gives the same losses whatever the workers' timing");
        losses[2].Should().NotEqual(losses[0], "another seed gives other losses");
    }

    [Fact]
    public void Fashion_mnist_without_data_says_how_to_get_it()
    {
        var (code, output) = Processes.RunExample("FashionMnist", $"--data \"{Path.Combine(outDir, "nothing")}\"");
        code.Should().Be(3, output);
        output.Should().Contain("apt-get install dataset-fashion-mnist").And.Contain("--data FOLDER");
    }

    [Fact]
    public void The_tensors_example_prints_the_talks_views()
    {
        var (code, output) = Processes.RunExample("Tensors");
        code.Should().Be(0, output);
        output.Should().Contain("[torch.DoubleTensor of size 4x6]");
        output.Should().Contain(" 3.0000  3.0000  3.0000  3.0000  3.0000  3.0000");
        output.Should().Contain("[torch.LongTensor of size 4x1]");
    }

    [Fact]
    public void The_custom_module_passes_the_jacobian_checks_and_trains()
    {
        var (code, output) = Processes.RunExample("CustomModule");
        code.Should().Be(0, output);
        foreach (Match m in Regex.Matches(output, @"max error ([0-9.E+-]+)"))
            double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).Should().BeLessThan(1e-5, output);
        output.Should().Contain("Swish passes the Jacobian checks and trains");
    }

    [Fact]
    public void Hogwild_workers_train_one_shared_network()
    {
        var (code, output) = Processes.RunExample("Hogwild", "6000");
        code.Should().Be(0, output);
        var accuracies = Regex.Matches(output, @"(\d) workers?: \d+ samples/s, test accuracy ([0-9.]+)%");
        accuracies.Select(m => m.Groups[1].Value).Should().Equal("1", "2");
        foreach (Match m in accuracies) double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture).Should().BeGreaterThan(85, output);
    }

    [Fact]
    public void The_nngraph_example_checks_its_graph_and_draws_it()
    {
        var (code, output) = Processes.RunExample("NnGraph", $"\"{outDir}\"");
        code.Should().Be(0, output);
        output.Should().Contain("the graph computes what its modules compute");
        File.ReadAllText(Path.Combine(outDir, "mlp.dot")).Should().Contain("nn.Linear(20 -> 10)").And.Contain("nn.Tanh");
        if (output.Contains("no picture: ")) log.WriteLine("Graphviz is not installed: mlp.svg was not drawn (`apt-get install graphviz`)");
        else File.ReadAllText(Path.Combine(outDir, "mlp.svg")).Should().Contain("<svg").And.Contain("module = nn.Tanh");
        // debug mode: the broken graph's failing node filled red, in the .dot and (with Graphviz) the .svg
        output.Should().Contain("debug mode: nn.gModule: in Node").And.Contain("(wrong_size)").And.Contain("the failing node is drawn red");
        File.ReadAllText(Path.Combine(outDir, "broken.dot")).Should().Contain("fillcolor=red").And.Contain("wrong_size");
        if (!output.Contains("no picture: "))
            File.ReadAllText(Path.Combine(outDir, "broken.svg")).Should().Contain("fill=\"red\"").And.Contain("wrong_size");
    }
}
