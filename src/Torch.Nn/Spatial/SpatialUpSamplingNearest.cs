namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialUpSamplingNearest(scale)</c>: each pixel repeated scale x scale times.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialUpSamplingNearest(2).Forward(torch.Tensor(3, 4, 4));  // 3x8x8</c></remarks>
public class SpatialUpSamplingNearest : Module
{
    /// <summary>The integer factor (Lua's <c>scale_factor</c>). Example: <c>u.ScaleFactor</c>.</summary>
    public int ScaleFactor;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("scale_factor", ref ScaleFactor);
    }

    /// <summary>A nearest-neighbour upsampler. Example: <c>new SpatialUpSamplingNearest(2)</c>.</summary>
    public SpatialUpSamplingNearest(int scale)
    {
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), $"nn.SpatialUpSamplingNearest: scale must be a positive integer, got {scale}");
        ScaleFactor = scale;
        LuaOnly(("inputSize", torch.LongStorage(new long[4])), ("outputSize", torch.LongStorage(new long[4]))); // Lua's
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 3, 4);
        using var rows = x.Raw.repeat_interleave(ScaleFactor, x.Dim() - 2);
        return Emit(rows.repeat_interleave(ScaleFactor, x.Dim() - 1));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialUpSamplingNearest"/> (Lua's <c>nn.SpatialUpSamplingNearest</c>). Example: <c>var m = nn.SpatialUpSamplingNearest(scale);</c></summary>
    public static SpatialUpSamplingNearest SpatialUpSamplingNearest(int scale) => new(scale);
}
