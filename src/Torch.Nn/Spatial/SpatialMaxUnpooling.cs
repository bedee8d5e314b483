using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialMaxUnpooling(poolingModule)</c>: puts each value back where the paired <see cref="SpatialMaxPooling"/>
/// found its maximum in its last forward (zeros elsewhere), giving that module's input size. Gradient by autograd.</summary>
/// <remarks>Example: <c>var pool = nn.SpatialMaxPooling(2, 2); var unpool = nn.SpatialMaxUnpooling(pool); unpool.Forward(pool.Forward(x));</c></remarks>
public class SpatialMaxUnpooling : Module
{
    /// <summary>The pooling module whose indices are used (Lua's <c>pooling</c>). Example: <c>u.Pooling</c>.</summary>
    public SpatialMaxPooling Pooling;

    /// <summary>An unpooling layer paired with <paramref name="poolingModule"/>. Example: <c>new SpatialMaxUnpooling(pool)</c>.</summary>
    public SpatialMaxUnpooling(SpatialMaxPooling poolingModule) => Pooling = poolingModule;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        using var indices = Pooling.Indices;
        if (indices.NElement() == 0 || !indices.IsSameSizeAs(x))
            throw new ArgumentException($"{this}: the input of size {x.SizeString()} does not match the last output of {Pooling} ({indices.SizeString()}); run the pooling module first");
        var size = Pooling.InputSize;
        long h = size[^2], w = size[^1];
        using var flat = x.Raw.flatten(-2);
        using var idx = indices.Raw.flatten(-2).sub(1L);
        var shape = flat.shape;
        shape[^1] = h * w;
        using var zeros = TS.zeros(shape, flat.dtype);
        using var scattered = zeros.scatter(-1, idx, flat);
        return Emit(scattered.view(size));
    }

    /// <summary>Torch7's text, e.g. "nn.SpatialMaxUnpooling associated to nn.SpatialMaxPooling(2x2, 2,2)". Example: <c>u.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName} associated to {Pooling}";
}
