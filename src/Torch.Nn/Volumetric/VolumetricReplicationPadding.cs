using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.VolumetricReplicationPadding(left, right, top, bottom, front, back)</c>: pads the last three dimensions of a
/// C x T x H x W volume (or a batch) with copies of the border. Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.VolumetricReplicationPadding(1, 1, 1, 1, 1, 1).Forward(torch.Tensor(1, 2, 2, 2));  // 1x4x4x4</c></remarks>
public class VolumetricReplicationPadding : Module
{
    /// <summary>Left, right, top, bottom, front and back padding (Lua's <c>pleft</c> ... <c>pback</c>). Example: <c>p.Pleft</c>.</summary>
    public int Pleft, Pright, Ptop, Pbottom, Pfront, Pback;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("pleft", ref Pleft);
        m.Field("pright", ref Pright);
        m.Field("ptop", ref Ptop);
        m.Field("pbottom", ref Pbottom);
        m.Field("pfront", ref Pfront);
        m.Field("pback", ref Pback);
    }

    /// <summary>A volumetric padding layer (the later amounts default to the first). Example: <c>new VolumetricReplicationPadding(1)</c>.</summary>
    public VolumetricReplicationPadding(int pleft, int? pright = null, int? ptop = null, int? pbottom = null, int? pfront = null, int? pback = null) =>
        (Pleft, Pright, Ptop, Pbottom, Pfront, Pback) = (pleft, pright ?? pleft, ptop ?? pleft, pbottom ?? pleft, pfront ?? pleft, pback ?? pleft);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 4, 5);
        return Emit(Internal.Batched.Run(x, 4, b => TS.nn.functional.pad(b,
            new long[] { Pleft, Pright, Ptop, Pbottom, Pfront, Pback }, TorchSharp.PaddingModes.Replicate)));
    }

    /// <summary>Torch7's text, e.g. "nn.VolumetricReplicationPadding(left=1, right=0, top=2, bottom=1, front=0, back=1)". Example: <c>p.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}(left={Pleft}, right={Pright}, top={Ptop}, bottom={Pbottom}, front={Pfront}, back={Pback})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.VolumetricReplicationPadding"/> (Lua's <c>nn.VolumetricReplicationPadding</c>). Example: <c>var m = nn.VolumetricReplicationPadding(pleft);</c></summary>
    public static VolumetricReplicationPadding VolumetricReplicationPadding(int pleft, int? pright = null, int? ptop = null, int? pbottom = null, int? pfront = null, int? pback = null) => new(pleft, pright, ptop, pbottom, pfront, pback);
}
