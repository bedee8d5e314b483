namespace Torch.Nn;

/// <summary>Lua's <c>nn.Maxout(inputSize, outputSize, maxoutNumber[, preprocess])</c>: a <see cref="Sequential"/> of
/// Linear(inputSize, outputSize maxoutNumber), the optional preprocess module, View(maxoutNumber, outputSize) and Max over the pieces.</summary>
/// <remarks>Example: <c>Tensor y = nn.Maxout(10, 5, 3).Forward(torch.Tensor(2, 10).Uniform());  // 2x5</c></remarks>
public class Maxout : Sequential
{
    /// <summary>A maxout layer. Example: <c>new Maxout(10, 5, 3)</c>.</summary>
    public Maxout(int inputSize, int outputSize, int maxoutNumber, Module? preprocess = null)
    {
        Add(new Linear(inputSize, outputSize * maxoutNumber));
        if (preprocess is not null) Add(preprocess);
        Add(new View(maxoutNumber, outputSize).SetNumInputDims(1));
        Add(new Max(1, 2));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Maxout"/> (Lua's <c>nn.Maxout</c>). Example: <c>var m = nn.Maxout(inputSize, outputSize, maxoutNumber);</c></summary>
    public static Maxout Maxout(int inputSize, int outputSize, int maxoutNumber, Module? preprocess = null) => new(inputSize, outputSize, maxoutNumber, preprocess);
}
