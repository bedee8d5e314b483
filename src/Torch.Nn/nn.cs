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

    /// <summary>A <see cref="Torch.Nn.SpatialConvolution"/>. Example: <c>nn.SpatialConvolution(3, 16, 5, 5)</c>.</summary>
    public static SpatialConvolution SpatialConvolution(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null) =>
        new(nInputPlane, nOutputPlane, kW, kH, dW, dH, padW, padH);

    /// <summary>A <see cref="Torch.Nn.SpatialConvolutionMM"/> (2-D weight). Example: <c>nn.SpatialConvolutionMM(3, 16, 5, 5)</c>.</summary>
    public static SpatialConvolutionMM SpatialConvolutionMM(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int? padH = null) =>
        new(nInputPlane, nOutputPlane, kW, kH, dW, dH, padW, padH);

    /// <summary>A <see cref="Torch.Nn.SpatialMaxPooling"/> (steps default to the kernel). Example: <c>nn.SpatialMaxPooling(2, 2, 2, 2)</c>.</summary>
    public static SpatialMaxPooling SpatialMaxPooling(int kW, int kH, int? dW = null, int? dH = null, int padW = 0, int padH = 0) =>
        new(kW, kH, dW, dH, padW, padH);

    /// <summary>A <see cref="Torch.Nn.SpatialAveragePooling"/> (steps default to 1). Example: <c>nn.SpatialAveragePooling(2, 2, 2, 2)</c>.</summary>
    public static SpatialAveragePooling SpatialAveragePooling(int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0) =>
        new(kW, kH, dW, dH, padW, padH);

    /// <summary>A <see cref="Torch.Nn.View"/>. Example: <c>nn.View(36)</c>.</summary>
    public static View View(params long[] sizes) => new(sizes);

    /// <summary>A <see cref="Torch.Nn.Reshape"/> (batch guessed). Example: <c>nn.Reshape(2, 3)</c>.</summary>
    public static Reshape Reshape(params long[] sizes) => new(sizes);

    /// <summary>A <see cref="Torch.Nn.Reshape"/> with explicit batch mode. Example: <c>nn.Reshape(new long[] { 6 }, true)</c>.</summary>
    public static Reshape Reshape(long[] sizes, bool batchMode) => new(sizes, batchMode);

    /// <summary>An <see cref="Torch.Nn.Identity"/>. Example: <c>nn.Identity()</c>.</summary>
    public static Identity Identity() => new();

    /// <summary>A <see cref="Torch.Nn.LogSoftMax"/>. Example: <c>nn.LogSoftMax()</c>.</summary>
    public static LogSoftMax LogSoftMax() => new();

    /// <summary>A <see cref="Torch.Nn.SoftMax"/>. Example: <c>nn.SoftMax()</c>.</summary>
    public static SoftMax SoftMax() => new();
}
