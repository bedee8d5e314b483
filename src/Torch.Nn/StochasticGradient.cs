namespace Torch.Nn;

/// <summary>Lua's <c>nn.StochasticGradient(module, criterion)</c>: plain per-example SGD over a dataset of {input, target} pairs, with
/// accUpdateGradParameters, for <see cref="MaxIteration"/> epochs; the learning rate decays as lr / (1 + epoch decay).</summary>
/// <remarks>Example: <c>var trainer = new StochasticGradient(net, nn.MSECriterion()) { LearningRate = 0.01 }; trainer.Train(dataset);</c></remarks>
public class StochasticGradient
{
    /// <summary>Learning rate (Lua's <c>learningRate</c>, 0.01). Example: <c>sg.LearningRate = 0.1;</c></summary>
    public double LearningRate = 0.01;
    /// <summary>Learning-rate decay per epoch (Lua's <c>learningRateDecay</c>, 0). Example: <c>sg.LearningRateDecay = 1e-4;</c></summary>
    public double LearningRateDecay;
    /// <summary>Epochs, 0 for no limit (Lua's <c>maxIteration</c>, 25). Example: <c>sg.MaxIteration = 5;</c></summary>
    public int MaxIteration = 25;
    /// <summary>Visit the examples in a random order (Lua's <c>shuffleIndices</c>, true). Example: <c>sg.ShuffleIndices = false;</c></summary>
    public bool ShuffleIndices = true;
    /// <summary>Print the error of each epoch (Lua's <c>verbose</c>, true). Example: <c>sg.Verbose = false;</c></summary>
    public bool Verbose = true;
    /// <summary>Called after each example (Lua's <c>hookExample</c>). Example: <c>sg.HookExample = (s, e) => { };</c></summary>
    public Action<StochasticGradient, (LuaValue Input, LuaValue Target)>? HookExample;
    /// <summary>Called after each epoch with its number and mean error (Lua's <c>hookIteration</c>). Example: <c>sg.HookIteration = (s, i, e) => { };</c></summary>
    public Action<StochasticGradient, int, double>? HookIteration;
    /// <summary>The trained module (Lua's <c>module</c>). Example: <c>sg.Module</c>.</summary>
    public Module Module;
    /// <summary>The criterion (Lua's <c>criterion</c>). Example: <c>sg.Criterion</c>.</summary>
    public Criterion Criterion;

    /// <summary>A trainer. Example: <c>new StochasticGradient(net, nn.ClassNLLCriterion())</c>.</summary>
    public StochasticGradient(Module module, Criterion criterion) => (Module, Criterion) = (module, criterion);

    /// <summary>Trains on <paramref name="dataset"/> (Lua's <c>train</c>: dataset[i] = {input, target}); returns the last epoch's mean error.
    /// Example: <c>double err = sg.Train(examples);</c></summary>
    public double Train(IReadOnlyList<(LuaValue Input, LuaValue Target)> dataset)
    {
        if (dataset.Count == 0) throw new ArgumentException("nn.StochasticGradient.Train: the dataset is empty");
        // Lua draws the permutation even when it will not shuffle, so the random stream moves on alike
        using var perm = torch.Randperm(dataset.Count, "torch.LongTensor");
        var order = ShuffleIndices ? perm.ToArray().Select(i => (int)i - 1).ToArray() : Enumerable.Range(0, dataset.Count).ToArray();
        Console.WriteLine("# StochasticGradient: training"); // Lua prints it, and the last two lines, whatever verbose says
        double rate = LearningRate, error;
        int iteration = 1;
        while (true)
        {
            error = 0;
            foreach (int i in order)
            {
                var example = dataset[i];
                error += Criterion.Forward(Module.Forward(example.Input), example.Target);
                Module.UpdateGradInput(example.Input, Criterion.UpdateGradInput(Module.Output, example.Target));
                Module.AccUpdateGradParameters(example.Input, Criterion.GradInput, rate);
                HookExample?.Invoke(this, example);
            }
            error /= dataset.Count;
            HookIteration?.Invoke(this, iteration, error);
            if (Verbose) Console.WriteLine("# current error = " + TensorPrinter.FormatG(error, 14)); // Lua's number to string
            iteration++;
            rate = LearningRate / (1 + iteration * LearningRateDecay);
            if (MaxIteration > 0 && iteration > MaxIteration)
            {
                Console.WriteLine("# StochasticGradient: you have reached the maximum number of iterations\n# training error = " + TensorPrinter.FormatG(error, 14));
                return error;
            }
        }
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.StochasticGradient"/> (Lua's <c>nn.StochasticGradient</c>). Example: <c>var m = nn.StochasticGradient(module, criterion);</c></summary>
    public static StochasticGradient StochasticGradient(Module module, Criterion criterion) => new(module, criterion);
}
