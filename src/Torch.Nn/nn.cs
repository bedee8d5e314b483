namespace Torch.Nn;

/// <summary>
/// Lua's <c>nn</c> package: one factory per class, with Lua's arguments and defaults, so <c>nn.Linear(10, 20)</c> reads as in Lua
/// and returns the concrete class (<c>Linear</c>).
/// </summary>
/// <remarks>Example: <c>var net = nn.Sequential(); net.Add(nn.Linear(10, 5)); net.Add(nn.Tanh());</c></remarks>
public static partial class nn
{
    /// <summary>An empty <see cref="Torch.Nn.Sequential"/>. Example: <c>var net = nn.Sequential();</c></summary>
    public static Sequential Sequential() => new();

    /// <summary>A <see cref="Torch.Nn.Linear"/> layer. Example: <c>nn.Linear(10, 20)</c>.</summary>
    public static Linear Linear(int inputSize, int outputSize, bool bias = true) => new(inputSize, outputSize, bias);

    /// <summary>A <see cref="Torch.Nn.Tanh"/>. Example: <c>nn.Tanh()</c>.</summary>
    public static Tanh Tanh() => new();

    /// <summary>A <see cref="Torch.Nn.Sigmoid"/>. Example: <c>nn.Sigmoid()</c>.</summary>
    public static Sigmoid Sigmoid() => new();

    /// <summary>A <see cref="Torch.Nn.ReLU"/>. Example: <c>nn.ReLU()</c>.</summary>
    public static ReLU ReLU(bool inplace = false) => new(inplace);

    /// <summary>A <see cref="Torch.Nn.Threshold"/>. Example: <c>nn.Threshold(0.5, -1)</c>.</summary>
    public static Threshold Threshold(double th = 1e-6, double v = 0, bool inplace = false) => new(th, v, inplace);

    /// <summary>A <see cref="Torch.Nn.MSECriterion"/>. Example: <c>nn.MSECriterion()</c>.</summary>
    public static MSECriterion MSECriterion(bool sizeAverage = true) => new(sizeAverage);

    /// <summary>A <see cref="Torch.Nn.ClassNLLCriterion"/> (1-based targets). Example: <c>nn.ClassNLLCriterion()</c>.</summary>
    public static ClassNLLCriterion ClassNLLCriterion(Tensor? weights = null, bool sizeAverage = true, long ignoreIndex = -100) =>
        new(weights, sizeAverage, ignoreIndex);
}
