namespace Torch;

/// <summary>
/// One MNIST-format data set as Lua's <c>mnist</c> rock returns it: <see cref="Data"/> (N x 28 x 28 ByteTensor),
/// <see cref="Label"/> (N ByteTensor, values 0..9), <see cref="Size"/> (N), and <c>ds[i]</c> for the i-th example (1-based).
/// </summary>
/// <remarks>Example: <c>var test = mnist.TestDataset(dir); var (x, y) = test[1];</c></remarks>
public sealed class MnistDataset
{
    internal MnistDataset(Tensor data, Tensor label)
    {
        Data = data;
        Label = label;
    }

    /// <summary>The images, N x rows x columns (Lua's <c>data</c>). Example: <c>Tensor images = ds.Data;</c></summary>
    public Tensor Data { get; }

    /// <summary>The labels, N values from 0 (Lua's <c>label</c>). Example: <c>Tensor labels = ds.Label;</c></summary>
    public Tensor Label { get; }

    /// <summary>The number of examples (Lua's <c>size</c>). Example: <c>long n = ds.Size;</c></summary>
    public long Size => Data.Size(1);

    /// <summary>The i-th example (1-based): its image (a view of <see cref="Data"/>) and its label, as Lua's <c>ds[i]</c> gives <c>{x=..., y=...}</c>.
    /// Example: <c>var (x, y) = ds[1];</c></summary>
    /// <param name="i">1-based index, 1..Size.</param>
    public (Tensor X, double Y) this[long i] => i >= 1 && i <= Size
        ? (Data.Select(1, i), Label[i])
        : throw new ArgumentOutOfRangeException(nameof(i), $"MnistDataset: index {i} out of range (expected 1..{Size})");
}
