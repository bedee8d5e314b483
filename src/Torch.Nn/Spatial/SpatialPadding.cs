using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>The shared shape of Torch7's 2-D padding modules: pad left, right, top, bottom of a C x H x W image or a batch
/// (negative amounts crop, for zero padding). Subclasses choose the mode.</summary>
/// <remarks>Example: <c>SpatialPadding p = nn.SpatialZeroPadding(1, 1, 2, 2);</c></remarks>
public abstract class SpatialPadding : Module
{
    /// <summary>Left padding (Lua's <c>pad_l</c>). Example: <c>p.PadL</c>.</summary>
    public int PadL;
    /// <summary>Right padding (Lua's <c>pad_r</c>). Example: <c>p.PadR</c>.</summary>
    public int PadR;
    /// <summary>Top padding (Lua's <c>pad_t</c>). Example: <c>p.PadT</c>.</summary>
    public int PadT;
    /// <summary>Bottom padding (Lua's <c>pad_b</c>). Example: <c>p.PadB</c>.</summary>
    public int PadB;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("pad_l", ref PadL);
        m.Field("pad_r", ref PadR);
        m.Field("pad_t", ref PadT);
        m.Field("pad_b", ref PadB);
    }

    /// <summary>Stores the amounts (right, top and bottom default to left). Example: <c>base(l, r, t, b)</c>.</summary>
    protected SpatialPadding(int padL, int? padR, int? padT, int? padB) =>
        (PadL, PadR, PadT, PadB) = (padL, padR ?? padL, padT ?? padL, padB ?? padL);

    /// <summary>The libtorch padding mode. Example: <c>TS.PaddingModes.Reflect</c>.</summary>
    protected abstract TorchSharp.PaddingModes Mode { get; }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 3, 4);
        long h = x.Size(x.Dim() - 1) + PadT + PadB, w = x.Size(x.Dim()) + PadL + PadR;
        if (h < 1 || w < 1) throw new ArgumentException($"{this}: padding {PadL},{PadR},{PadT},{PadB} leaves nothing of an input of size {x.SizeString()}");
        return Emit(Internal.Batched.Run(x, 3, b => TS.nn.functional.pad(b, new long[] { PadL, PadR, PadT, PadB }, Mode)));
    }

    /// <summary>Torch7's text, e.g. "nn.SpatialZeroPadding(l=1, r=1, t=2, b=2)". Example: <c>p.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}(l={PadL}, r={PadR}, t={PadT}, b={PadB})";
}
