using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.VolumetricMaxPooling(kT, kW, kH[, dT=kT, dW=kW, dH=kH, padT=0, padW=0, padH=0])</c>: the maximum over each
/// kT x kH x kW window of a C x T x H x W volume (or a batch).</summary>
/// <remarks>Example: <c>Tensor y = nn.VolumetricMaxPooling(2, 2, 2).Forward(torch.Tensor(3, 4, 4, 4).Uniform());  // 3x2x2x2</c></remarks>
public class VolumetricMaxPooling : PaddedWindow3D
{
    TS.Tensor? indices;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Cache(ref indices); // libtorch's 0-based indices of the last forward
        m.Cache(ref InputSize);
        m.Field("ceil_mode", ref CeilMode);
    }

    /// <summary>Lua's read: a file of version 1 (before ceil_mode existed) rounds down. Example: <c>p.AfterRead(1)</c>.</summary>
    protected internal override void AfterRead(int version)
    {
        if (version < 2) CeilMode = false;
    }

    /// <summary>The 0-based indices of the last forward, always with a batch dimension.</summary>
    internal TS.Tensor? RawIndices => indices;

    /// <summary>The size of the last input, for <see cref="VolumetricMaxUnpooling"/>.</summary>
    internal long[] InputSize = Array.Empty<long>();

    /// <summary>Round output sizes up (Lua's <c>ceil_mode</c>). Example: <c>p.CeilMode</c>.</summary>
    public bool CeilMode;

    /// <summary>A volumetric max-pooling layer. Example: <c>new VolumetricMaxPooling(2, 2, 2)</c>.</summary>
    public VolumetricMaxPooling(int kT, int kW, int kH, int? dT = null, int? dW = null, int? dH = null, int padT = 0, int padW = 0, int padH = 0)
        : base(kT, kW, kH, dT ?? kT, dW ?? kW, dH ?? kH, padT, padW, padH) =>
        LuaOnly(("indices", torch.LongTensor())); // Lua's

    /// <summary>Output sizes round up (Lua's <c>:ceil()</c>). Example: <c>p.Ceil()</c>.</summary>
    public VolumetricMaxPooling Ceil()
    {
        CeilMode = true;
        return this;
    }

    /// <summary>Output sizes round down, the default (Lua's <c>:floor()</c>). Example: <c>p.Floor()</c>.</summary>
    public VolumetricMaxPooling Floor()
    {
        CeilMode = false;
        return this;
    }

    /// <summary>The dilation (T, H, W) of the window: 1, 1, 1 here; see <see cref="VolumetricDilatedMaxPooling"/>. Example: <c>protected override long[] Dilation() => new long[] { 2, 2, 2 };</c></summary>
    protected virtual long[] Dilation() => new long[] { 1, 1, 1 };

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 4, 5);
        InputSize = x.Size();
        return Emit(Internal.Batched.Run(x, 4, b =>
        {
            var (values, idx) = TS.nn.functional.max_pool3d_with_indices(b, new long[] { KT, KH, KW },
                new long[] { DT, DH, DW }, new long[] { PadT, PadH, PadW }, Dilation(), CeilMode);
            indices?.Dispose();
            indices = idx;
            return values;
        }));
    }

    /// <summary>Torch7's text, e.g. "nn.VolumetricMaxPooling(2x2x2, 2,2,2)" (padding appended when not zero). Example: <c>p.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({KT}x{KW}x{KH}, {DT},{DW},{DH}" + ConvText.Pads(PadT, PadW, PadH) + Suffix() + ")";

    /// <summary>What follows the padding in the text (the dilation of <see cref="VolumetricDilatedMaxPooling"/>).
    /// Example: <c>protected override string Suffix() => ", 2,2,2";</c></summary>
    protected virtual string Suffix() => "";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.VolumetricMaxPooling"/> (Lua's <c>nn.VolumetricMaxPooling</c>). Example: <c>var m = nn.VolumetricMaxPooling(kT, kW, kH);</c></summary>
    public static VolumetricMaxPooling VolumetricMaxPooling(int kT, int kW, int kH, int? dT = null, int? dW = null, int? dH = null, int padT = 0, int padW = 0, int padH = 0) => new(kT, kW, kH, dT, dW, dH, padT, padW, padH);
}
