namespace Torch.Nn;

/// <summary>Lua's <c>nn.VolumetricMaxUnpooling(poolingModule)</c>: puts each value back where the paired <see cref="VolumetricMaxPooling"/>
/// found its maximum in its last forward (zeros elsewhere). Gradient by autograd.</summary>
/// <remarks>Example: <c>var pool = nn.VolumetricMaxPooling(2, 2, 2); Tensor y = nn.VolumetricMaxUnpooling(pool).Forward(pool.Forward(x));</c></remarks>
public class VolumetricMaxUnpooling : Module
{
    /// <summary>The pooling module whose indices are used (Lua's <c>pooling</c>). Example: <c>u.Pooling</c>.</summary>
    public VolumetricMaxPooling Pooling;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("pooling", ref Pooling);
    }

    /// <summary>An unpooling layer paired with <paramref name="poolingModule"/>. Example: <c>new VolumetricMaxUnpooling(pool)</c>.</summary>
    public VolumetricMaxUnpooling(VolumetricMaxPooling poolingModule) => Pooling = poolingModule;

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        Internal.Unpool.Check(this, Pooling, x, Pooling.RawIndices);
        using var idx = x.Dim() == 4 ? Pooling.RawIndices!.squeeze(0) : Pooling.RawIndices!.alias();
        return Emit(Internal.Unpool.Scatter(x.Raw, idx, Pooling.InputSize, 3));
    }

    /// <summary>Torch7's text, e.g. "nn.VolumetricMaxUnpooling associated to nn.VolumetricMaxPooling". Example: <c>u.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName} associated to {Pooling}";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.VolumetricMaxUnpooling"/> (Lua's <c>nn.VolumetricMaxUnpooling</c>). Example: <c>var m = nn.VolumetricMaxUnpooling(poolingModule);</c></summary>
    public static VolumetricMaxUnpooling VolumetricMaxUnpooling(VolumetricMaxPooling poolingModule) => new(poolingModule);
}
