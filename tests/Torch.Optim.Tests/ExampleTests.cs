using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Torch.Optim.Tests;

/// <summary>The README's examples run as a newcomer runs them (`dotnet run --project ...`), with small settings, and say what they should.</summary>
public sealed class ExampleTests(ITestOutputHelper log) : IDisposable
{
    readonly string outDir = Directory.CreateTempSubdirectory("torch-example-").FullName;

    public void Dispose() => Directory.Delete(outDir, recursive: true);

    string FashionMnistData() => MnistData.FolderOrSynthetic(outDir, log.WriteLine);

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
