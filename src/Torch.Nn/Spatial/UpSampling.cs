namespace Torch.Nn;

/// <summary>Lua's <c>nn.UpSampling(scale | {oheight, owidth[, odepth]}, mode='nearest')</c>: upsamples a B x C x H x W or B x C x D x H x W
/// batch by an integer factor (nearest: each element repeated; 'linear': bi/trilinear with corners aligned, to size x factor) or, in
/// linear mode, to the given sizes. Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.UpSampling(2).Forward(torch.Tensor(1, 3, 4, 4));  // 1x3x8x8</c></remarks>
public class UpSampling : Module
{
    /// <summary>The integer factor, or null when sizes are given (Lua's <c>scale_factor</c>). Example: <c>u.ScaleFactor</c>.</summary>
    public int? ScaleFactor;
    /// <summary>"nearest" or "linear" (Lua's <c>mode</c>). Example: <c>u.Mode</c>.</summary>
    public string Mode;
    /// <summary>Output sizes in linear mode (Lua's <c>oheight</c>, <c>owidth</c>, <c>odepth</c>). Example: <c>u.Oheight</c>.</summary>
    public int? Oheight, Owidth, Odepth;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("scale_factor", ref ScaleFactor);
        m.Field("mode", ref Mode);
        m.Field("oheight", ref Oheight);
        m.Field("owidth", ref Owidth);
        m.Field("odepth", ref Odepth);
    }

    /// <summary>An upsampler by an integer factor. Example: <c>new UpSampling(2, "linear")</c>.</summary>
    public UpSampling(int scale, string mode = "nearest") : this()
    {
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), $"nn.UpSampling: scale_factor must be at least 1, got {scale}");
        ScaleFactor = scale;
        Mode = mode is "linear" or "bilinear" or "trilinear" ? "linear" : "nearest";
    }

    /// <summary>A linear upsampler to given sizes (Lua's table form). Example: <c>new UpSampling(10, 12)</c>.</summary>
    public UpSampling(int oheight, int owidth, int? odepth = null) : this() => (Oheight, Owidth, Odepth, Mode) = (oheight, owidth, odepth, "linear");

    // Lua's size buffers, which Torch7's forward fills
    UpSampling()
    {
        Mode = "nearest";
        LuaOnly(("inputSize", torch.LongStorage(5).Fill(0)), ("outputSize", torch.LongStorage(5).Fill(0)));
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 4, 5);
        int spatial = x.Dim() - 2;
        if (Mode == "nearest")
        {
            var y = x.Raw.alias();
            for (int d = 2; d < x.Dim(); d++)
            {
                var next = y.repeat_interleave(ScaleFactor!.Value, d);
                y.Dispose();
                y = next;
            }
            return Emit(y);
        }
        long[] size;
        if (ScaleFactor is int s) size = x.Size().Skip(2).Select(v => v * s).ToArray();
        else if (spatial == 3 && Odepth is null) throw new ArgumentException($"{this}: no output depth was supplied for volumetric upsampling");
        else size = spatial == 3 ? new long[] { Odepth!.Value, Oheight!.Value, Owidth!.Value } : new long[] { Oheight!.Value, Owidth!.Value };
        Internal.Bilinear2D.CheckSizes(this, x, size);
        if (spatial == 2) return Emit(Internal.Bilinear2D.Resize(x.Raw, size[0], size[1]));
        return Emit(Internal.Bilinear2D.Resize3D(x.Raw, size[0], size[1], size[2]));
    }

    /// <summary>Torch7's text, e.g. "nn.UpSampling(2x, nearest)" or "nn.UpSampling(10x12, linear)". Example: <c>u.ToString()</c>.</summary>
    public override string ToString() => ScaleFactor is int s ? $"{TypeName}({s}x, {Mode})"
        : Odepth is int d ? $"{TypeName}({d}x{Oheight}x{Owidth}, {Mode})" : $"{TypeName}({Oheight}x{Owidth}, {Mode})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.UpSampling"/> (Lua's <c>nn.UpSampling</c>). Example: <c>var m = nn.UpSampling(oheight, owidth);</c></summary>
    public static UpSampling UpSampling(int oheight, int owidth, int? odepth = null) => new(oheight, owidth, odepth);

    /// <summary>A new <see cref="Torch.Nn.UpSampling"/> (Lua's <c>nn.UpSampling</c>). Example: <c>var m = nn.UpSampling(scale);</c></summary>
    public static UpSampling UpSampling(int scale, string mode = "nearest") => new(scale, mode);
}
