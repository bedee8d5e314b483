namespace Torch.Optim.Tests;

/// <summary>The README's examples run as a newcomer runs them (`dotnet run --project ...`) and say what they should.</summary>
public class ExampleTests
{
    [Fact]
    public void The_main_example_trains_saves_and_reloads_its_network()
    {
        string outDir = Directory.CreateTempSubdirectory("torch-example-").FullName;
        try
        {
            var (code, output) = Processes.RunExample("Training", $"\"{outDir}\"");
            code.Should().Be(0, output);
            output.Should().Contain("the loaded network agrees: True");
            var accuracy = System.Text.RegularExpressions.Regex.Match(output, @"global correct: ([0-9.]+)%");
            accuracy.Success.Should().BeTrue(output);
            double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(90);
            File.Exists(Path.Combine(outDir, "train.log.png")).Should().BeTrue();
            File.Exists(Path.Combine(outDir, "spirals.t7")).Should().BeTrue();
        }
        finally { Directory.Delete(outDir, recursive: true); }
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
}
