using System.IO.Compression;

namespace Torch.Tests;

/// <summary>Fashion-MNIST for the example tests: Debian's dataset-fashion-mnist when installed (.ci/run installs it); otherwise
/// a small idx data set written under a scratch folder (class k: a bright bar on row 2k+4, plus noise), so the examples'
/// whole path still runs.</summary>
public static class MnistData
{
    public static string FolderOrSynthetic(string scratch, Action<string> log)
    {
        if (mnist.Exists()) return mnist.DefaultDir;
        log($"dataset-fashion-mnist is not installed (no idx files in {mnist.DefaultDir}; `apt-get install dataset-fashion-mnist`): " +
            "the example runs on a small synthetic idx data set written by this test instead");
        string dir = Path.Combine(scratch, "synthetic");
        Directory.CreateDirectory(dir);
        var rng = new Random(5);
        foreach (var (prefix, n) in new[] { ("train", 600), ("t10k", 200) })
        {
            var images = new byte[n * 28 * 28];
            var labels = new byte[n];
            for (int i = 0; i < n; i++)
            {
                labels[i] = (byte)(i % 10);
                for (int p = 0; p < 28 * 28; p++) images[i * 784 + p] = (byte)rng.Next(0, 60);
                for (int c = 4; c < 24; c++) images[i * 784 + (2 * labels[i] + 4) * 28 + c] = 255;
            }
            WriteIdx(Path.Combine(dir, prefix + "-images-idx3-ubyte.gz"), new[] { n, 28, 28 }, images);
            WriteIdx(Path.Combine(dir, prefix + "-labels-idx1-ubyte.gz"), new[] { n }, labels);
        }
        return dir;
    }

    static void WriteIdx(string path, int[] sizes, byte[] values)
    {
        using var z = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        z.Write(new byte[] { 0, 0, 8, (byte)sizes.Length });
        foreach (var s in sizes) z.Write(new[] { (byte)(s >> 24), (byte)(s >> 16), (byte)(s >> 8), (byte)s });
        z.Write(values);
    }
}
