using Torch.Native;
namespace Torch.Nn;

/// <summary>Lua's <c>nn.FeatureLPPooling(width, stride, power, batch_mode)</c>: LP pooling across the feature dimension (the first, or the
/// second in batch mode): output feature f is (Σ_{i&lt;width} x[f stride + i]^power)^(1/power); the feature count becomes
/// (F - width) / stride + 1, other dimensions are kept. Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.FeatureLPPooling(2, 2, 2, true).Forward(torch.Tensor(3, 8).Uniform());  // 3x4</c></remarks>
public class FeatureLPPooling : Module
{
    /// <summary>Features per window, 2..16 (Lua's <c>width</c>). Example: <c>p.Width</c>.</summary>
    public int Width;
    /// <summary>Step between windows, 1..4 (Lua's <c>stride</c>). Example: <c>p.Stride</c>.</summary>
    public int Stride;
    /// <summary>The norm's p (Lua's <c>power</c>). Example: <c>p.Power</c>.</summary>
    public double Power;
    /// <summary>Whether dimension 1 is the batch (Lua's <c>batch_mode</c>). Example: <c>p.BatchMode</c>.</summary>
    public bool BatchMode;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("width", ref Width);
        m.Field("stride", ref Stride);
        m.Field("power", ref Power);
        m.Field("batch_mode", ref BatchMode);
    }

    /// <summary>A feature LP-pooling layer. Example: <c>new FeatureLPPooling(3, 1, 2, false)</c>.</summary>
    public FeatureLPPooling(int width, int stride, double power, bool batchMode)
    {
        if (width < 2 || width > 16) throw new ArgumentOutOfRangeException(nameof(width), $"nn.FeatureLPPooling: width must be within 2 to 16, got {width}");
        if (stride < 1 || stride > 4) throw new ArgumentOutOfRangeException(nameof(stride), $"nn.FeatureLPPooling: stride must be within 1 to 4, got {stride}");
        (Width, Stride, Power, BatchMode) = (width, stride, power, batchMode);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        int fdim = BatchMode ? 1 : 0;
        if (x.Dim() < fdim + 1 || x.Dim() > fdim + 3 || x.Size(fdim + 1) < Width)
            throw new ArgumentException($"{this}: expected {(BatchMode ? "[batch] " : "")}[feature >= {Width}] [opt] [opt] dimensions, got {x.SizeString()}");
        using var windows = x.Raw.unfold(fdim, Width, Stride);
        using var p = windows.Pow(Power);
        using var s = p.sum(new long[] { -1 });
        return Emit(s.Pow(1 / Power));
    }

    /// <summary>Torch7's text, e.g. "nn.FeatureLPPooling(w2 s2 power 2 batch 1". Example: <c>p.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}(w{Width} s{Stride} power {Power} batch {(BatchMode ? 1 : 0)}";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.FeatureLPPooling"/> (Lua's <c>nn.FeatureLPPooling</c>). Example: <c>var m = nn.FeatureLPPooling(width, stride, power, batchMode);</c></summary>
    public static FeatureLPPooling FeatureLPPooling(int width, int stride, double power, bool batchMode) => new(width, stride, power, batchMode);
}
