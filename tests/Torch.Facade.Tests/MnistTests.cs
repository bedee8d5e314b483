using System.Buffers.Binary;
using System.IO.Compression;

namespace Torch.Tests;

/// <summary>The idx reader (Lua's mnist rock) on small files written here byte by byte, as the format describes them.</summary>
public sealed class MnistTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("torch-mnist-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // An idx file: 0, 0, type code, number of dimensions, the sizes as big-endian uint32, then the big-endian values.
    static byte[] Idx(byte type, int[] sizes, byte[] body)
    {
        var bytes = new List<byte> { 0, 0, type, (byte)sizes.Length };
        foreach (var s in sizes)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, s);
            bytes.AddRange(b);
        }
        bytes.AddRange(body);
        return bytes.ToArray();
    }

    string Write(string name, byte[] content, bool gzip = false)
    {
        string path = Path.Combine(dir, name + (gzip ? ".gz" : ""));
        if (!gzip) File.WriteAllBytes(path, content);
        else
        {
            using var f = File.Create(path);
            using var z = new GZipStream(f, CompressionLevel.Fastest);
            z.Write(content);
        }
        return path;
    }

    static readonly byte[] Pixels = Enumerable.Range(0, 5 * 3 * 4).Select(i => (byte)(i * 4 + 3)).ToArray();
    static readonly byte[] Labels = { 7, 0, 9, 3, 3 };

    void WriteSet(string prefix, bool gzip, string separator = "-")
    {
        Write($"{prefix}-images{separator}idx3-ubyte", Idx(0x08, new[] { 5, 3, 4 }, Pixels), gzip);
        Write($"{prefix}-labels{separator}idx1-ubyte", Idx(0x08, new[] { 5 }, Labels), gzip);
    }

    [Theory]
    [InlineData(false, "-")]
    [InlineData(true, "-")]
    [InlineData(true, ".")]
    public void Train_and_test_sets_come_back_as_ByteTensors_of_the_files_values(bool gzip, string separator)
    {
        WriteSet("train", gzip, separator);
        WriteSet("t10k", gzip, separator);
        mnist.Exists(dir).Should().BeTrue();
        foreach (var set in new[] { mnist.TrainDataset(dir), mnist.TestDataset(dir) })
        {
            set.Size.Should().Be(5);
            set.Data.Type().Should().Be("torch.ByteTensor");
            set.Data.Size().Should().Equal(5, 3, 4);
            set.Data.ToArray().Should().Equal(Pixels.Select(p => (double)p));
            set.Label.Type().Should().Be("torch.ByteTensor");
            set.Label.ToArray().Should().Equal(Labels.Select(l => (double)l));
            var (x, y) = set[3];                              // 1-based, as Lua's ds[3]
            y.Should().Be(9);
            x.Size().Should().Equal(3, 4);
            ((double)x[2, 1]).Should().Be(Pixels[2 * 12 + 4]);   // image 3, row 2, column 1
            x.Fill(0);
            ((double)set.Data[3, 2, 1]).Should().Be(0, "an example is a view of Data, as in Lua");
        }
        FluentActions.Invoking(() => mnist.TrainDataset(dir)[6]).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1..5*");
    }

    [Fact]
    public void Wider_types_are_read_big_endian_into_tensors_of_their_type()
    {
        var ints = new[] { -2, 70000, 3, int.MinValue, 0, 1 };
        var body = ints.SelectMany(v => { var b = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, v); return b; }).ToArray();
        var t = mnist.ReadIdx(Write("ints-idx2-int", Idx(0x0C, new[] { 2, 3 }, body)));
        t.Type().Should().Be("torch.IntTensor");
        t.Size().Should().Equal(2, 3);
        t.ToArray().Should().Equal(ints.Select(v => (double)v));

        var doubles = new[] { 1.5, -0.25, 1e300 };
        body = doubles.SelectMany(v => { var b = new byte[8]; BinaryPrimitives.WriteDoubleBigEndian(b, v); return b; }).ToArray();
        t = mnist.ReadIdx(Write("doubles-idx1-double", Idx(0x0E, new[] { 3 }, body), gzip: true));
        t.Type().Should().Be("torch.DoubleTensor");
        t.ToArray().Should().Equal(doubles);

        t = mnist.ReadIdx(Write("chars", Idx(0x09, new[] { 2 }, new byte[] { 0xFF, 0x05 })));
        t.Type().Should().Be("torch.CharTensor");
        t.ToArray().Should().Equal(-1.0, 5.0);
    }

    [Fact]
    public void Damaged_files_are_refused_with_the_reason_and_the_file()
    {
        string Bad(string name, byte[] content) => Write(name, content);
        var cases = new (string Path, string Reason)[]
        {
            (Bad("magic", new byte[] { 8, 0, 0, 1, 0, 0, 0, 1, 5 }), "*magic number*08000001*"),
            (Bad("type", Idx(0x0A, new[] { 1 }, new byte[] { 1 })), "*magic number*"),
            (Bad("short-header", new byte[] { 0, 0, 8 }), "*4-byte magic number*got 3*"),
            (Bad("short-sizes", new byte[] { 0, 0, 8, 3, 0, 0, 0, 2 }), "*3 dimension sizes (12 bytes), got 4*"),
            (Bad("truncated", Idx(0x08, new[] { 2, 2 }, new byte[] { 1, 2, 3 })), "*expected 4 bytes of data for sizes 2x2, got 3*"),
            (Bad("trailing", Idx(0x08, new[] { 2 }, new byte[] { 1, 2, 3 })), "*expected 2 bytes*got 3*"),
            (Bad("huge", Idx(0x0E, new[] { -1, -1, -1 }, new byte[] { 1 })), "*4294967295x4294967295x4294967295*got 1*"),
            (Bad("not-gzip.gz", new byte[] { 0, 0, 8, 1, 0, 0, 0, 1, 1 }), "*not a valid gzip file*"),
        };
        foreach (var (path, reason) in cases)
            FluentActions.Invoking(() => mnist.ReadIdx(path)).Should().Throw<InvalidDataException>()
                .WithMessage("mnist.ReadIdx: " + path + reason, path);
    }

    [Fact]
    public void A_missing_set_says_where_it_looked_and_how_to_get_it()
    {
        WriteSet("train", gzip: true);
        mnist.Exists(dir).Should().BeFalse("the test set is missing");
        mnist.TrainDataset(dir).Size.Should().Be(5);
        FluentActions.Invoking(() => mnist.TestDataset(dir)).Should().Throw<FileNotFoundException>()
            .WithMessage($"mnist: t10k-images-idx3-ubyte (or t10k-images-idx3-ubyte.gz) not found in {dir}*apt-get install dataset-fashion-mnist*pass that folder*");
        Write("t10k-images-idx3-ubyte", Idx(0x08, new[] { 4, 3, 4 }, Pixels.Take(48).ToArray()));
        Write("t10k-labels-idx1-ubyte", Idx(0x08, new[] { 5 }, Labels));
        FluentActions.Invoking(() => mnist.TestDataset(dir)).Should().Throw<InvalidDataException>()
            .WithMessage("mnist: expected N images (3-D) and N labels (1-D), got size 4x3x4 in * and size 5 in *");
    }
}
