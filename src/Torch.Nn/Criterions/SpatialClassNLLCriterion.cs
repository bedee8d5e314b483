using Torch.Native;
using TorchSharp;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialClassNLLCriterion([weights, sizeAverage=true])</c>: <see cref="ClassNLLCriterion"/> at every pixel of
/// B x C x H x W log-probabilities against B x H x W 1-based class maps, divided by the total weight when averaging and it is not 0. Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.SpatialClassNLLCriterion().Forward(logp, classes);</c></remarks>
public class SpatialClassNLLCriterion : Criterion
{
    /// <summary>Per-class weights, or null (Lua's <c>weights</c>). Example: <c>c.Weights</c>.</summary>
    public Tensor? Weights;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("weights", ref Weights);
    }

    /// <summary>A per-pixel NLL criterion. Example: <c>new SpatialClassNLLCriterion()</c>.</summary>
    public SpatialClassNLLCriterion(Tensor? weights = null, bool sizeAverage = true)
    {
        (Weights, SizeAverage) = (weights, sizeAverage);
        LuaOnly(("output_tensor", torch.Zeros(1)), ("total_weight_tensor", torch.Ones(1)), ("target", torch.LongTensor(1).Zero())); // Lua's: THNN writes into them
    }

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var t = InputTensor(target, "target");
        if (x.Dim() != 4 || t.Dim() != 3 || t.Size(1) != x.Size(1) || t.Size(2) != x.Size(3) || t.Size(3) != x.Size(4))
            throw new ArgumentException($"{TypeName}: expected a BxCxHxW input and a BxHxW target, got {x.SizeString()} and {t.SizeString()}");
        long c = x.Size(2);
        foreach (var v in t.ToArray())
            if (v < 1 || v > c) throw new IndexOutOfRangeException($"{TypeName}: target {v} out of range: expected a class index in 1..{c} ({c} classes)");
        using var idx = t.Raw.to_type(TS.ScalarType.Int64, copy: true).Sub_(1L).unsqueeze(1);
        using var picked = x.Raw.gather(1, idx).squeeze(1);
        using var w = Weights is null ? TS.ones_like(picked) : Weights.Raw.index_select(0, idx.reshape(-1)).reshape(picked.shape);
        var total = -(picked * w).sum();
        using var totalWeight = w.sum();
        if (!SizeAverage || totalWeight.ToDouble() == 0) return total;
        using (total) return total / totalWeight;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialClassNLLCriterion"/> (Lua's <c>nn.SpatialClassNLLCriterion</c>). Example: <c>var m = nn.SpatialClassNLLCriterion();</c></summary>
    public static SpatialClassNLLCriterion SpatialClassNLLCriterion(Tensor? weights = null, bool sizeAverage = true) => new(weights, sizeAverage);
}
