using System.Globalization;
using SkiaSharp;

namespace Torch.Optim;

/// <summary>The picture of a <see cref="ConfusionMatrix"/> that Lua's <c>render</c> draws with Qt: the row-normalised matrix
/// sorted by score or occurrence, a grid, each cell's percentage, and a legend of label frequencies and class names.</summary>
internal sealed class ConfusionMatrixImage
{
    readonly double[,] confusion; // row-normalised
    readonly double[] diag, freqs;
    readonly int[] order;
    readonly IReadOnlyList<string> names;
    readonly int n, block, legendwidth;

    public ConfusionMatrixImage(ConfusionMatrix cm, string sortmode, int block, int legendwidth)
    {
        if (block < 2) throw new ArgumentOutOfRangeException(nameof(block), block, $"ConfusionMatrix.Render: block must be >= 2 pixels, got {block}");
        if (legendwidth < 0) throw new ArgumentOutOfRangeException(nameof(legendwidth), legendwidth, $"ConfusionMatrix.Render: legendwidth must be >= 0, got {legendwidth}");
        (n, this.block, this.legendwidth) = (cm.Nclasses, block, legendwidth);
        names = Enumerable.Range(0, n).Select(i => i < cm.Classes.Count ? cm.Classes[i] : (i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        var counts = cm.Counts();
        confusion = new double[n, n];
        diag = new double[n];
        freqs = new double[n];
        double total = 0;
        for (int t = 0; t < n; t++)
        {
            double row = 0;
            for (int p = 0; p < n; p++) row += counts[t, p];
            freqs[t] = row;
            total += row;
            for (int p = 0; p < n; p++) confusion[t, p] = counts[t, p] / Math.Max(row, 1);
            diag[t] = confusion[t, t];
        }
        for (int t = 0; t < n; t++) freqs[t] /= total;
        var key = sortmode switch
        {
            "score" => diag,
            "occurrence" => freqs,
            _ => throw new ArgumentException($"ConfusionMatrix.Render: sort mode must be one of: score | occurrence, got '{sortmode}'"),
        };
        order = Enumerable.Range(0, n).OrderByDescending(i => key[i]).ToArray();
    }

    /// <summary>Lua's <c>render</c> tensor before Qt draws on it: (n block) x (n block), cells of the sorted matrix, grid lines of 0.1.</summary>
    public Tensor Matrix()
    {
        int size = n * block;
        var img = new double[size, size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                img[y, x] = (y + 1) % block == 0 || (x + 1) % block == 0 ? 0.1 : confusion[order[y / block], order[x / block]];
        return torch.Tensor(img);
    }

    public int Width => n * block + legendwidth;
    public int Height => n * block;

    /// <summary>Writes the picture as PNG or SVG, by the file's extension.</summary>
    public void Save(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".png" or ".svg"))
            throw new ArgumentException($"ConfusionMatrix.SaveImage: expected a .png or .svg file name, got '{path}'");
        using var stream = File.Create(path);
        if (ext == ".svg")
        {
            using var canvas = SKSvgCanvas.Create(SKRect.Create(Width, Height), stream);
            Draw(canvas);
            return;
        }
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height)) ?? throw new InvalidOperationException("ConfusionMatrix.SaveImage: could not create a drawing surface");
        Draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        data.SaveTo(stream);
    }

    void Draw(SKCanvas canvas)
    {
        float b = block, size = n * block;
        canvas.Clear(SKColors.Black);
        using var fill = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill };
        using var font = new SKFont(SKTypeface.Default, Math.Max(6, block * 0.4f));
        for (int t = 0; t < n; t++)
            for (int p = 0; p < n; p++)
            {
                fill.Color = Gray(confusion[order[t], order[p]]);
                canvas.DrawRect(p * b, t * b, b, b, fill);
            }
        fill.Color = Gray(0.1);
        for (int i = 1; i <= n; i++)
        {
            canvas.DrawRect(0, i * b - 1, size, 1, fill);
            canvas.DrawRect(i * b - 1, 0, 1, size, fill);
        }
        double maxFreq = freqs.Max();
        for (int i = 0; i < n; i++)
        {
            double g = (maxFreq > 0 ? freqs[order[i]] / maxFreq : 0) * 0.9 + 0.1;
            fill.Color = Rgb(g * 0.5 + 0.2, g * 0.5 + 0.2, g * 0.8 + 0.2);
            string pct = (Math.Floor(freqs[order[i]] * 10000 + 0.5) / 100).ToString("0.00", CultureInfo.InvariantCulture);
            canvas.DrawText($"[{pct}% labels]", size + 10, (i + 1) * b - b / 3, font, fill);
            fill.Color = Gray(diag[order[i]] * 0.8 + 0.2);
            canvas.DrawText(names[order[i]], 120 + size + 10, (i + 1) * b - b / 3, font, fill);
            for (int j = 0; j < n; j++)
            {
                double score = confusion[order[j], order[i]];
                fill.Color = Gray((1 - score) * (score * 0.8 + 0.2));
                string cell = Math.Floor(score * 100 + 0.5).ToString("00", CultureInfo.InvariantCulture);
                canvas.DrawText(cell, i * b + b / 5, j * b + b * 2 / 3, font, fill);
            }
        }
    }

    static SKColor Gray(double v) => Rgb(v, v, v);

    static SKColor Rgb(double r, double g, double b) => new(Byte(r), Byte(g), Byte(b));

    static byte Byte(double v) => (byte)Math.Round(Math.Clamp(v, 0, 1) * 255);
}
