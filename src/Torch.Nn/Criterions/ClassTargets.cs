using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Checks and converts 1-based class targets (a number or a tensor) for the classification criterions.</summary>
internal static class ClassTargets
{
    /// <summary>The input as B x nClasses rows and the 0-based targets as a B x 1 LongTensor.</summary>
    internal static (TS.Tensor Rows, TS.Tensor Index) Of(Criterion c, Tensor x, LuaValue target)
    {
        if (x.Dim() != 1 && x.Dim() != 2)
            throw new ArgumentException($"{c.TypeName}: expected a 1D (nClasses) or 2D (batch x nClasses) input, got {x.SizeString()}");
        long batch = x.Dim() == 1 ? 1 : x.Size(1);
        long n = x.Size(x.Dim());
        double[] raw = target.Object switch
        {
            double d => new[] { d },
            Tensor t => t.ToArray(),
            _ => throw new ArgumentException($"{c.TypeName}: expected 1-based class indices as target, got {target.Describe()}"),
        };
        if (raw.Length != batch) throw new ArgumentException($"{c.TypeName}: expected {batch} targets for an input of size {x.SizeString()}, got {raw.Length}");
        var idx = new long[batch];
        for (int i = 0; i < batch; i++)
        {
            if (raw[i] < 1 || raw[i] > n || raw[i] != Math.Floor(raw[i]))
                throw new IndexOutOfRangeException($"{c.TypeName}: target {raw[i]} out of range: expected a class index in 1..{n} ({n} classes; targets are 1-based)");
            idx[i] = (long)raw[i] - 1;
        }
        return (x.Raw.reshape(batch, n), TS.tensor(idx).view(batch, 1));
    }
}
