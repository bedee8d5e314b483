namespace Torch.Nn;

/// <summary>Lua's <c>nn.PixelShuffle(upscaleFactor)</c>: (C r²) x H x W becomes C x (H r) x (W r), with or without a batch dimension.</summary>
/// <remarks>Example: <c>Tensor y = nn.PixelShuffle(2).Forward(torch.Tensor(8, 3, 3));  // 2x6x6</c></remarks>
public class PixelShuffle : Module
{
    /// <summary>The factor r (Lua's <c>upscaleFactor</c>). Example: <c>p.UpscaleFactor</c>.</summary>
    public int UpscaleFactor;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("upscaleFactor", ref UpscaleFactor);
    }

    /// <summary>A sub-pixel shuffle. Example: <c>new PixelShuffle(3)</c>.</summary>
    public PixelShuffle(int upscaleFactor)
    {
        UpscaleFactor = upscaleFactor;
        LuaOnly(("upscaleFactorSquared", (double)upscaleFactor * upscaleFactor)); // Lua's: Torch7's forward reads it
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 3, 4);
        int c = x.Dim() - 3;
        if (x.Size(c + 1) % (UpscaleFactor * UpscaleFactor) != 0)
            throw new ArgumentException($"{this}: the channels of an input of size {x.SizeString()} are not a multiple of {UpscaleFactor * UpscaleFactor}");
        using var b = x.Dim() == 3 ? x.Raw.unsqueeze(0) : x.Raw.alias();
        using var y = TorchSharp.torch.nn.functional.pixel_shuffle(b, UpscaleFactor);
        return Emit(x.Dim() == 3 ? y.squeeze(0) : y.alias());
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.PixelShuffle"/> (Lua's <c>nn.PixelShuffle</c>). Example: <c>var m = nn.PixelShuffle(upscaleFactor);</c></summary>
    public static PixelShuffle PixelShuffle(int upscaleFactor) => new(upscaleFactor);
}
