using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>The {x1, x2} input and ±1 target of the pair criterions, as B x n rows and a B-vector.</summary>
internal static class PairTargets
{
    internal static (TS.Tensor A, TS.Tensor B, TS.Tensor Y) Of(Criterion c, LuaValue input, LuaValue target, bool scores = false)
    {
        var t = input.Object as Table;
        if (t is null || t.Length != 2 || t[1].Object is not Tensor x1 || t[2].Object is not Tensor x2)
            throw new ArgumentException($"{c.TypeName}: expected a table of two tensors as input, got {input.Describe()}");
        if (!x1.IsSameSizeAs(x2) || x1.Dim() > 2)
            throw new ArgumentException($"{c.TypeName}: expected two vectors or batches of the same size, got {x1.SizeString()} and {x2.SizeString()}");
        long batch = scores ? x1.NElement() : x1.Dim() == 2 ? x1.Size(1) : 1;
        var y = target.Object switch
        {
            double d => KeptScalars.Full(new[] { batch }, d, x1.Raw.dtype),
            Tensor ty when ty.NElement() == batch => ty.Raw.reshape(batch).to_type(x1.Raw.dtype),
            _ => throw new ArgumentException($"{c.TypeName}: expected {batch} targets of ±1, got {target.Describe()}"),
        };
        return (x1.Raw.reshape(batch, -1), x2.Raw.reshape(batch, -1), y);
    }
}
