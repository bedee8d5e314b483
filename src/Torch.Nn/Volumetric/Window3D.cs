namespace Torch.Nn;

/// <summary>The window geometry Torch7's 3-D convolutions and poolings share: a kT x kW x kH kernel moved by dT, dW, dH (Lua's
/// fields of those names). Not a Lua class: the common base of <see cref="VolumetricAveragePooling"/> and, with padding,
/// <see cref="PaddedWindow3D"/>.</summary>
/// <remarks>Example: <c>Window3D w = nn.VolumetricMaxPooling(2, 2, 2); int k = w.KT;</c></remarks>
public abstract class Window3D : Module
{
    /// <summary>Kernel (Lua's <c>kT</c>, <c>kW</c>, <c>kH</c>). Example: <c>w.KT</c>.</summary>
    public int KT, KW, KH;
    /// <summary>Steps (Lua's <c>dT</c>, <c>dW</c>, <c>dH</c>). Example: <c>w.DT</c>.</summary>
    public int DT, DW, DH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("kT", ref KT);
        m.Field("kW", ref KW);
        m.Field("kH", ref KH);
        m.Field("dT", ref DT);
        m.Field("dW", ref DW);
        m.Field("dH", ref DH);
    }

    /// <summary>Stores the kernel and steps. Example: <c>protected MyPooling(int k) : base(k, k, k, k, k, k) { }</c></summary>
    protected Window3D(int kT, int kW, int kH, int dT, int dW, int dH) => (KT, KW, KH, DT, DW, DH) = (kT, kW, kH, dT, dW, dH);
}
