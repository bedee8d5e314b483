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
