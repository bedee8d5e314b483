using System.Globalization;
using System.Text.RegularExpressions;

namespace Torch.Optim.Tests;

/// <summary>examples/CharRnn (char-rnn's train.lua and sample.lua) as a user runs it, in a short setting: after 52
/// RMSprop steps the validation loss is below the unigram entropy of the text (what predicting character frequencies
/// alone gives), and the checkpoint it wrote samples text from the text's characters.</summary>
public class CharRnnExampleTests
{
    static string TinyShakespeare()
    {
        for (var d = new DirectoryInfo(Processes.RepoRoot()); d is not null; d = d.Parent)
        {
            string f = Path.Combine(d.FullName, "shared", "data", "tinyshakespeare", "input.txt");
            if (File.Exists(f)) return f;
        }
        throw new FileNotFoundException("shared/data/tinyshakespeare/input.txt not found above the repository");
    }

    [Fact]
    public void A_short_training_beats_the_unigram_entropy_and_its_checkpoint_samples()
    {
        var text = File.ReadAllBytes(TinyShakespeare());
        double entropy = -text.GroupBy(b => b).Sum(g => (double)g.Count() / text.Length * Math.Log((double)g.Count() / text.Length));
        entropy.Should().BeApproximately(3.31, 0.01);

        string dir = Directory.CreateTempSubdirectory("charrnn-").FullName;
        try
        {
            var (code, output) = Processes.RunExample("CharRnn",
                $"train -rnn_size 64 -num_layers 1 -seq_length 25 -batch_size 25 -max_epochs 0.03 -train_frac 0.99 -val_frac 0.01 " +
                $"-learning_rate 1e-2 -print_every 10 -gpuid -1 -checkpoint_dir \"{dir}\"");
            code.Should().Be(0, output);
            var losses = Regex.Matches(output, @"train_loss = ([0-9.]+)").Select(m => Parse(m.Groups[1].Value)).ToList();
            losses.Should().HaveCount(5, output);
            losses[^1].Should().BeLessThan(losses[0], output);
            var saved = Regex.Match(output, @"saving checkpoint to (.*_([0-9.]+)\.t7)");
            saved.Success.Should().BeTrue(output);
            Parse(saved.Groups[2].Value).Should().BeLessThan(entropy, "the validation loss must beat character frequencies");

            var (sampleCode, sample) = Processes.RunExample("CharRnn", $"sample \"{saved.Groups[1].Value}\" -length 200 -verbose 0 -gpuid -1");
            sampleCode.Should().Be(0, sample);
            sample.Length.Should().Be(201, sample);
            sample.Distinct().Should().BeSubsetOf(text.Select(b => (char)b).Distinct(), sample);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
