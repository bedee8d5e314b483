using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>The shared shape of Torch7's 2-D pooling modules: kernel, steps, padding, ceil/floor output sizes,
/// 3-D (C x H x W) or 4-D (B x C x H x W) input. Subclasses give the libtorch pooling op.</summary>
/// <remarks>Example: <c>Pooling2D p = nn.SpatialMaxPooling(2, 2); p.Ceil();</c></remarks>
public abstract class Pooling2D : Window2D
{
    /// <summary>Whether output sizes round up (Lua's <c>ceil_mode</c>). Example: <c>p.CeilMode</c>.</summary>
    public bool CeilMode;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("ceil_mode", ref CeilMode);
    }

    /// <summary>Stores the geometry. Example: <c>base(kW, kH, dW, dH, padW, padH)</c>.</summary>
    protected Pooling2D(int kW, int kH, int dW, int dH, int padW, int padH) : base(kW, kH, dW, dH, padW, padH) { }

    /// <summary>Output sizes round up (Lua's <c>:ceil()</c>). Example: <c>nn.SpatialMaxPooling(3, 3, 2, 2).Ceil()</c>.</summary>
    public Pooling2D Ceil()
    {
        CeilMode = true;
        return this;
    }

    /// <summary>Output sizes round down, the default (Lua's <c>:floor()</c>). Example: <c>p.Floor()</c>.</summary>
    public Pooling2D Floor()
    {
        CeilMode = false;
        return this;
    }

    /// <summary>An output size of libtorch's pooling (which the forward uses): windows of <paramref name="k"/> every
    /// <paramref name="d"/> over the padded input, the last one partial when ceil mode rounds up, as long as it starts inside
    /// the input or its left padding. Example: <c>long oh = PooledSize(h, KH, DH, PadH);</c></summary>
    protected long PooledSize(long input, int k, int d, int pad)
    {
        long span = input + 2 * pad - k + (CeilMode ? d - 1 : 0);
        long n = (span >= 0 ? span / d : -((-span + d - 1) / d)) + 1;
        return CeilMode && (n - 1) * d >= input + pad ? n - 1 : n;
    }

    /// <summary>The libtorch pooling of a 4-D batch. Example: <c>protected override TT Pool(TT x) => max_pool2d(x, ...);</c></summary>
    protected abstract TS.Tensor Pool(TS.Tensor x);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = WindowInput(input, 0);
        return EmitFresh(Internal.Batched.Run(x, 3, Pool));
    }

    /// <summary>Torch7's text, e.g. "nn.SpatialMaxPooling(2x2, 2,2)" (padding appended when not zero). Example: <c>p.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}({KW}x{KH}, {DW},{DH}" + (PadW != 0 || PadH != 0 ? $", {PadW},{PadH}" : "") + ")";
}
