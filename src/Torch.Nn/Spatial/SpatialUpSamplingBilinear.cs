using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialUpSamplingBilinear(scale | {oheight=, owidth=})</c>: bilinear interpolation with corners aligned, to
/// H scale x W scale, or to the given size. Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialUpSamplingBilinear(2).Forward(torch.Tensor(3, 4, 4));  // 3x8x8</c></remarks>
public class SpatialUpSamplingBilinear : Module
{
    /// <summary>The factor, or null when sizes are given (Lua's <c>scale_factor</c>). Example: <c>u.ScaleFactor</c>.</summary>
    public int? ScaleFactor;
    /// <summary>The output height when given (Lua's <c>oheight</c>). Example: <c>u.Oheight</c>.</summary>
    public int? Oheight;
    /// <summary>The output width when given (Lua's <c>owidth</c>). Example: <c>u.Owidth</c>.</summary>
    public int? Owidth;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("scale_factor", ref ScaleFactor);
        m.Field("oheight", ref Oheight);
        m.Field("owidth", ref Owidth);
    }

    /// <summary>An upsampler by a factor. Example: <c>new SpatialUpSamplingBilinear(2)</c>.</summary>
    public SpatialUpSamplingBilinear(int scale) : this()
    {
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), $"nn.SpatialUpSamplingBilinear: scale_factor must be greater than 1, got {scale}");
        ScaleFactor = scale;
    }

    /// <summary>An upsampler to a size. Example: <c>new SpatialUpSamplingBilinear(10, 12)</c>.</summary>
    public SpatialUpSamplingBilinear(int oheight, int owidth) : this() => (Oheight, Owidth) = (oheight, owidth);

    /// <summary>The sizes Lua's constructor makes; Torch7's code fills them, so a file written here must have them.</summary>
    SpatialUpSamplingBilinear() => LuaOnly(("inputSize", torch.LongStorage(new long[4])), ("outputSize", torch.LongStorage(new long[4])));

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 3, 4);
        long h = x.Size(x.Dim() - 1), w = x.Size(x.Dim());
        var size = ScaleFactor is int s ? new[] { h * s, w * s } : new long[] { Oheight!.Value, Owidth!.Value };
        Internal.Bilinear2D.CheckSizes(this, x, size);
        return Emit(Internal.Batched.Run(x, 3, b => Internal.Bilinear2D.Resize(b, size[0], size[1])));
    }

    /// <summary>Torch7's text, e.g. "nn.SpatialUpSamplingBilinear(2)" or "nn.SpatialUpSamplingBilinear(10, 12)" (height, width). Example: <c>u.ToString()</c>.</summary>
    public override string ToString() => ScaleFactor is int s ? $"{TypeName}({s})" : $"{TypeName}({Oheight}, {Owidth})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialUpSamplingBilinear"/> (Lua's <c>nn.SpatialUpSamplingBilinear</c>). Example: <c>var m = nn.SpatialUpSamplingBilinear(oheight, owidth);</c></summary>
    public static SpatialUpSamplingBilinear SpatialUpSamplingBilinear(int oheight, int owidth) => new(oheight, owidth);

    /// <summary>A new <see cref="Torch.Nn.SpatialUpSamplingBilinear"/> (Lua's <c>nn.SpatialUpSamplingBilinear</c>). Example: <c>var m = nn.SpatialUpSamplingBilinear(scale);</c></summary>
    public static SpatialUpSamplingBilinear SpatialUpSamplingBilinear(int scale) => new(scale);
}
