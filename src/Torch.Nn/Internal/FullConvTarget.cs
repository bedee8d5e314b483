namespace Torch.Nn.Internal;

/// <summary>The <c>{input, target}</c> table input of Lua's SpatialFullConvolution / VolumetricFullConvolution: the adjustments come
/// from the target's trailing sizes instead of adjW/adjH(/adjT).</summary>
internal static class FullConvTarget
{
    /// <summary>The input tensor and, for a table input, the target's last <paramref name="n"/> sizes (null for a tensor input).</summary>
    internal static (LuaValue Input, long[]? Target) Split(LuaValue input, int n)
    {
        if (input.Object is not Table t) return (input, null);
        var target = t[2].Object as Tensor ?? throw new ArgumentException($"expected {{input, target}} with a target Tensor, got {input.Describe()}");
        var size = target.Size();
        return (t[1], size[^n..]);
    }

    /// <summary>Lua's <c>calculateAdj</c>: (targetSize + 2 pad - k) mod stride, Lua's non-negative modulo.</summary>
    internal static int Adj(long targetSize, int k, int pad, int stride) => (int)(((targetSize + 2 * pad - k) % stride + stride) % stride);
}
