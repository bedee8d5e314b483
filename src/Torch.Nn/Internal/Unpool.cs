using TS = TorchSharp.torch;

namespace Torch.Nn.Internal;

/// <summary>Max unpooling: each value goes back to the position (0-based, within its plane or volume) where its pooling found it.</summary>
internal static class Unpool
{
    /// <summary>Zeros of <paramref name="inputSize"/> with <paramref name="values"/> scattered at <paramref name="indices"/> over the last
    /// <paramref name="spatialDims"/> dimensions.</summary>
    internal static TS.Tensor Scatter(TS.Tensor values, TS.Tensor indices, long[] inputSize, int spatialDims)
    {
        using var flat = values.flatten(-spatialDims);
        using var idx = indices.flatten(-spatialDims);
        var shape = flat.shape;
        shape[^1] = inputSize.Skip(inputSize.Length - spatialDims).Aggregate(1L, (a, b) => a * b);
        using var zeros = TS.zeros(shape, flat.dtype);
        using var scattered = zeros.scatter(-1, idx, flat);
        return scattered.view(inputSize);
    }

    /// <summary>Throws unless the unpooling input matches the pooling output whose indices are kept.</summary>
    internal static void Check(Module unpool, Module pool, Tensor x, TS.Tensor? indices)
    {
        if (indices is null || indices.IsInvalid || !x.Raw.shape.SequenceEqual(indices.shape.Skip(indices.dim() > x.Dim() ? 1 : 0)))
            throw new ArgumentException($"{unpool}: the input of size {x.SizeString()} does not match the last output of {pool}; run the pooling module first");
    }
}
