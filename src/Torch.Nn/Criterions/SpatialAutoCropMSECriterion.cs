using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialAutoCropMSECriterion([sizeAverage=true])</c>: the <see cref="MSECriterion"/> of a C x H x W (or batch) input
/// whose centre is cropped to the target's height and width. Gradient by autograd (zero outside the crop).</summary>
/// <remarks>Example: <c>double err = nn.SpatialAutoCropMSECriterion().Forward(torch.Tensor(3, 6, 6), torch.Tensor(3, 4, 4));</c></remarks>
public class SpatialAutoCropMSECriterion : Criterion
{
    /// <summary>A cropping MSE criterion. Example: <c>new SpatialAutoCropMSECriterion(false)</c>.</summary>
    public SpatialAutoCropMSECriterion(bool sizeAverage = true) => SizeAverage = sizeAverage;

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var t = InputTensor(target, "target");
        if (x.Dim() != t.Dim() || x.Dim() is not (3 or 4) || x.Size(x.Dim() - 1) < t.Size(t.Dim() - 1) || x.Size(x.Dim()) < t.Size(t.Dim())
            || (x.Dim() == 4 && x.Size(1) != t.Size(1)) || x.Size(x.Dim() - 2) != t.Size(t.Dim() - 2))
            throw new ArgumentException($"{TypeName}: expected a target no larger than the input in height and width, got input {x.SizeString()} and target {t.SizeString()}");
        long dh = x.Size(x.Dim() - 1) - t.Size(t.Dim() - 1), dw = x.Size(x.Dim()) - t.Size(t.Dim());
        using var rows = x.Raw.narrow(-2, dh / 2, t.Size(t.Dim() - 1));
        using var crop = rows.narrow(-1, dw / 2, t.Size(t.Dim()));
        using var sq = (crop - t.Raw).square();
        var total = sq.sum();
        if (!SizeAverage) return total;
        using (total) return total / (double)t.NElement();
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialAutoCropMSECriterion"/> (Lua's <c>nn.SpatialAutoCropMSECriterion</c>). Example: <c>var m = nn.SpatialAutoCropMSECriterion();</c></summary>
    public static SpatialAutoCropMSECriterion SpatialAutoCropMSECriterion(bool sizeAverage = true) => new(sizeAverage);
}
