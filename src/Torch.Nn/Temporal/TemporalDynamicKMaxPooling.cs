using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.TemporalDynamicKMaxPooling(minK[, factor=0])</c>: for each feature, the k largest values over time kept in their
/// time order, k = max(minK, ceil(factor T)); T x F (or B x T x F) in, k x F out. Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.TemporalDynamicKMaxPooling(2).Forward(torch.Tensor(5, 3).Uniform());  // 2x3</c></remarks>
public class TemporalDynamicKMaxPooling : Module
{
    /// <summary>The smallest k (Lua's <c>minK</c>). Example: <c>p.MinK</c>.</summary>
    public int MinK;
    /// <summary>k as a fraction of the sequence length (Lua's <c>factor</c>). Example: <c>p.Factor</c>.</summary>
    public double Factor;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("minK", ref MinK);
        m.Field("factor", ref Factor);
    }

    /// <summary>A k-max pooling layer. Example: <c>new TemporalDynamicKMaxPooling(2, 0.5)</c>.</summary>
    public TemporalDynamicKMaxPooling(int minK, double factor = 0) => (MinK, Factor) = (minK, factor);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 2, 3);
        long t = x.Size(x.Dim() - 1);
        long k = Math.Max(MinK, (long)Math.Ceiling(Factor * t));
        if (k > t) throw new ArgumentException($"{this}: k = {k} exceeds the {t} frames of an input of size {x.SizeString()}");
        int dim = x.Dim() - 2;
        var (_, idx) = x.Raw.topk((int)k, dim, largest: true, sorted: false);
        using (idx)
        {
            var (sortedIdx, _) = idx.sort(dim);
            using (sortedIdx) return Emit(x.Raw.gather(dim, sortedIdx));
        }
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.TemporalDynamicKMaxPooling"/> (Lua's <c>nn.TemporalDynamicKMaxPooling</c>). Example: <c>var m = nn.TemporalDynamicKMaxPooling(minK);</c></summary>
    public static TemporalDynamicKMaxPooling TemporalDynamicKMaxPooling(int minK, double factor = 0) => new(minK, factor);
}
