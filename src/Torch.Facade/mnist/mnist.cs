using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using ScalarType = TorchSharp.torch.ScalarType;
using TS = TorchSharp.torch;

namespace Torch;

/// <summary>
/// Lua's <c>mnist</c> rock for .NET: reads the MNIST idx files (MNIST, Fashion-MNIST, or any data set in that format,
/// plain or gzipped) into tensors of the idx file's type (ByteTensors for MNIST).
/// </summary>
/// <remarks>Example: <c>var train = mnist.TrainDataset("/usr/share/datasets/fashion-mnist"); Tensor x = train.Data;</c></remarks>
public static class mnist
{
    /// <summary>Where Debian's package <c>dataset-fashion-mnist</c> puts its four files, the default folder.
    /// Example: <c>mnist.DefaultDir</c></summary>
    public const string DefaultDir = "/usr/share/datasets/fashion-mnist";

    /// <summary>The 60,000 training images (N x 28 x 28) and labels (N, 0..9) from <paramref name="dir"/>
    /// (<c>train-images-idx3-ubyte[.gz]</c> and <c>train-labels-idx1-ubyte[.gz]</c>), as Lua's <c>mnist.traindataset()</c>.
    /// Example: <c>var train = mnist.TrainDataset(); long n = train.Size;</c></summary>
    /// <param name="dir">The folder of the idx files; <see cref="DefaultDir"/> when null.</param>
    public static MnistDataset TrainDataset(string? dir = null) => Dataset(dir ?? DefaultDir, "train");

    /// <summary>The 10,000 test images and labels from <paramref name="dir"/> (<c>t10k-images-idx3-ubyte[.gz]</c>,
    /// <c>t10k-labels-idx1-ubyte[.gz]</c>), as Lua's <c>mnist.testdataset()</c>. Example: <c>var test = mnist.TestDataset(dir);</c></summary>
    /// <param name="dir">The folder of the idx files; <see cref="DefaultDir"/> when null.</param>
    public static MnistDataset TestDataset(string? dir = null) => Dataset(dir ?? DefaultDir, "t10k");

    /// <summary>Whether <paramref name="dir"/> holds the four idx files (plain or gzipped). Example: <c>if (mnist.Exists(dir)) ...</c></summary>
    /// <param name="dir">The folder to look in; <see cref="DefaultDir"/> when null.</param>
    public static bool Exists(string? dir = null) =>
        new[] { "train-images-idx3", "train-labels-idx1", "t10k-images-idx3", "t10k-labels-idx1" }.All(f => Find(dir ?? DefaultDir, f) is not null);

    static MnistDataset Dataset(string dir, string prefix)
    {
        string images = Find(dir, prefix + "-images-idx3") ?? throw Missing(dir, prefix + "-images-idx3-ubyte");
        string labels = Find(dir, prefix + "-labels-idx1") ?? throw Missing(dir, prefix + "-labels-idx1-ubyte");
        var data = ReadIdx(images);
        var label = ReadIdx(labels);
        if (data.Dim() != 3 || label.Dim() != 1 || data.Size(1) != label.Size(1))
            throw new InvalidDataException($"mnist: expected N images (3-D) and N labels (1-D), got {Describe(data)} in {images} and {Describe(label)} in {labels}");
        return new MnistDataset(data, label);
    }

    static string Describe(Tensor t) => t.Dim() == 0 ? "an empty tensor" : "size " + string.Join("x", Enumerable.Range(1, t.Dim()).Select(d => t.Size(d)));

    // The files come as "train-images-idx3-ubyte" (Fashion-MNIST, Debian) or "train-images.idx3-ubyte" (some MNIST copies), gzipped or not.
    static string? Find(string dir, string stem)
    {
        string dotted = stem.Replace("-idx", ".idx", StringComparison.Ordinal);
        return new[] { stem, dotted }
            .SelectMany(s => new[] { s + "-ubyte", s + "-ubyte.gz" })
            .Select(f => Path.Combine(dir, f))
            .FirstOrDefault(File.Exists);
    }

    static FileNotFoundException Missing(string dir, string file) => new(
        $"mnist: {file} (or {file}.gz) not found in {dir}. Fashion-MNIST: `apt-get install dataset-fashion-mnist` " +
        $"(Debian/Ubuntu; it installs the four idx files in {DefaultDir}), or put the four files train-images-idx3-ubyte, " +
        "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (gzipped or not) from the Fashion-MNIST " +
        "or MNIST download pages in one folder and pass that folder.", Path.Combine(dir, file));

    /// <summary>Reads one idx file (gzipped when its name ends in ".gz") into a tensor of its sizes and type:
    /// ubyte to ByteTensor, byte to CharTensor, short, int, float and double to Short/Int/Float/DoubleTensor (big-endian, as the format says).
    /// Example: <c>Tensor labels = mnist.ReadIdx("t10k-labels-idx1-ubyte.gz");</c></summary>
    /// <param name="path">The idx file.</param>
    public static Tensor ReadIdx(string path)
    {
        using var file = File.OpenRead(path);
        using Stream s = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        try { return ReadIdx(s, path); }
        catch (InvalidDataException e) when (!e.Message.StartsWith("mnist.ReadIdx", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"mnist.ReadIdx: {path} is not a valid gzip file ({e.Message})", e);
        }
    }

    // idx type codes: the element type and its width in bytes
    static readonly Dictionary<byte, (ScalarType Type, int Width)> Types = new()
    {
        [0x08] = (ScalarType.Byte, 1), [0x09] = (ScalarType.Int8, 1), [0x0B] = (ScalarType.Int16, 2),
        [0x0C] = (ScalarType.Int32, 4), [0x0D] = (ScalarType.Float32, 4), [0x0E] = (ScalarType.Float64, 8),
    };

    static Tensor ReadIdx(Stream s, string path)
    {
        var header = Exactly(s, 4, path, "the 4-byte magic number");
        if (header[0] != 0 || header[1] != 0 || !Types.TryGetValue(header[2], out var type) || header[3] == 0)
            throw new InvalidDataException($"mnist.ReadIdx: {path}: expected an idx magic number (0, 0, type 0x08..0x0E, dimensions >= 1), got {Convert.ToHexString(header)}");
        int dims = header[3];
        var sizeBytes = Exactly(s, 4 * dims, path, $"{dims} dimension sizes");
        var sizes = Enumerable.Range(0, dims).Select(d => (long)BinaryPrimitives.ReadUInt32BigEndian(sizeBytes.AsSpan(4 * d))).ToArray();
        // The body is read as it is (never allocated from the header's claim), then checked against the sizes.
        using var rest = new MemoryStream();
        s.CopyTo(rest);
        var expected = sizes.Aggregate(new BigInteger(type.Width), (a, b) => a * b);   // exact even for a hostile header
        if (rest.Length != expected)
            throw new InvalidDataException($"mnist.ReadIdx: {path}: expected {expected} bytes of data for sizes {string.Join("x", sizes)}, got {rest.Length}");
        var body = rest.ToArray();
        if (type.Width > 1 && BitConverter.IsLittleEndian)
            for (int i = 0; i < body.Length; i += type.Width) Array.Reverse(body, i, type.Width);
        using var flat = type.Type switch
        {
            ScalarType.Byte => TS.tensor(body),
            ScalarType.Int8 => TS.tensor(MemoryMarshal.Cast<byte, sbyte>(body).ToArray()),
            ScalarType.Int16 => TS.tensor(MemoryMarshal.Cast<byte, short>(body).ToArray()),
            ScalarType.Int32 => TS.tensor(MemoryMarshal.Cast<byte, int>(body).ToArray()),
            ScalarType.Float32 => TS.tensor(MemoryMarshal.Cast<byte, float>(body).ToArray()),
            _ => TS.tensor(MemoryMarshal.Cast<byte, double>(body).ToArray()),
        };
        return torch.Wrap(flat.reshape(sizes).contiguous().clone());
    }

    static byte[] Exactly(Stream s, int n, string path, string what)
    {
        var buffer = new byte[n];
        int got = 0;
        for (int r; got < n && (r = s.Read(buffer, got, n - got)) > 0;) got += r;
        if (got < n) throw new InvalidDataException($"mnist.ReadIdx: {path}: expected {what} ({n} bytes), got {got} before the end of the file");
        return buffer;
    }
}
