namespace Torch.Nn;

/// <summary>A <see cref="Window3D"/> over a volume zero-padded by padT, padW, padH (Lua's fields of those names). Not a Lua
/// class: the common base of <see cref="VolumetricConvolution"/>, <see cref="VolumetricFullConvolution"/> and
/// <see cref="VolumetricMaxPooling"/>.</summary>
/// <remarks>Example: <c>PaddedWindow3D w = nn.VolumetricConvolution(2, 4, 3, 3, 3, 1, 1, 1, 1); int p = w.PadT;</c></remarks>
public abstract class PaddedWindow3D : Window3D
{
    /// <summary>Padding (Lua's <c>padT</c>, <c>padW</c>, <c>padH</c>). Example: <c>w.PadT</c>.</summary>
    public int PadT, PadW, PadH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("padT", ref PadT);
        m.Field("padW", ref PadW);
        m.Field("padH", ref PadH);
    }

    /// <summary>Stores the kernel, steps and padding. Example: <c>protected MyPooling(int k) : base(k, k, k, k, k, k, 0, 0, 0) { }</c></summary>
    protected PaddedWindow3D(int kT, int kW, int kH, int dT, int dW, int dH, int padT, int padW, int padH)
        : base(kT, kW, kH, dT, dW, dH) => (PadT, PadW, PadH) = (padT, padW, padH);
}
