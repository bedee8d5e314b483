namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialMaxUnpooling(poolingModule)</c>: puts each value back where the paired <see cref="SpatialMaxPooling"/>
/// found its maximum in its last forward (zeros elsewhere), giving that module's input size. Gradient by autograd.</summary>
/// <remarks>Example: <c>var pool = nn.SpatialMaxPooling(2, 2); var unpool = nn.SpatialMaxUnpooling(pool); unpool.Forward(pool.Forward(x));</c></remarks>
public class SpatialMaxUnpooling : Module
{
    /// <summary>The pooling module whose indices are used (Lua's <c>pooling</c>). Example: <c>u.Pooling</c>.</summary>
    public SpatialMaxPooling Pooling;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("pooling", ref Pooling);
    }

    /// <summary>An unpooling layer paired with <paramref name="poolingModule"/>. Example: <c>new SpatialMaxUnpooling(pool)</c>.</summary>
    public SpatialMaxUnpooling(SpatialMaxPooling poolingModule) => Pooling = poolingModule;

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        Internal.Unpool.Check(this, Pooling, x, Pooling.RawIndices);
        using var idx = x.Dim() == 3 ? Pooling.RawIndices!.squeeze(0) : Pooling.RawIndices!.alias();
        return Emit(Internal.Unpool.Scatter(x.Raw, idx, Pooling.InputSize, 2));
    }

    /// <summary>Torch7's text, e.g. "nn.SpatialMaxUnpooling associated to nn.SpatialMaxPooling(2x2, 2,2)". Example: <c>u.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName} associated to {Pooling}";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialMaxUnpooling"/> (Lua's <c>nn.SpatialMaxUnpooling</c>). Example: <c>var m = nn.SpatialMaxUnpooling(poolingModule);</c></summary>
    public static SpatialMaxUnpooling SpatialMaxUnpooling(SpatialMaxPooling poolingModule) => new(poolingModule);
}
