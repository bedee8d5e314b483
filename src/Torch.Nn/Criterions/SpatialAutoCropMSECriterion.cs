using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialAutoCropMSECriterion([sizeAverage=true])</c>: the <see cref="MSECriterion"/> of a C x H x W (or batch) input
/// against the centre of a target at least as large, cropped to the input's height and width. Gradient by autograd.</summary>
/// <remarks>Example: <c>double err = nn.SpatialAutoCropMSECriterion().Forward(torch.Tensor(3, 4, 4), torch.Tensor(3, 6, 6));</c></remarks>
public class SpatialAutoCropMSECriterion : Criterion
{
    /// <summary>A cropping MSE criterion. Example: <c>new SpatialAutoCropMSECriterion(false)</c>.</summary>
    public SpatialAutoCropMSECriterion(bool sizeAverage = true) => SizeAverage = sizeAverage;

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var t = InputTensor(target, "target");
        // Torch7 crops the TARGET to the input's height and width (the input is the smaller one)
        if (x.Dim() != t.Dim() || x.Dim() is not (3 or 4) || x.Size(x.Dim() - 1) > t.Size(t.Dim() - 1) || x.Size(x.Dim()) > t.Size(t.Dim())
            || (x.Dim() == 4 && x.Size(1) != t.Size(1)) || x.Size(x.Dim() - 2) != t.Size(t.Dim() - 2))
            throw new ArgumentException($"{TypeName}: expected an input no larger than the target in height and width, got input {x.SizeString()} and target {t.SizeString()}");
        long dh = t.Size(t.Dim() - 1) - x.Size(x.Dim() - 1), dw = t.Size(t.Dim()) - x.Size(x.Dim());
        using var rows = t.Raw.narrow(-2, dh / 2, x.Size(x.Dim() - 1));
        using var crop = rows.narrow(-1, dw / 2, x.Size(x.Dim()));
        using var sq = (x.Raw - crop).square();
        var total = sq.sum();
        if (!SizeAverage) return total;
        using (total) return total / (double)x.NElement();
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialAutoCropMSECriterion"/> (Lua's <c>nn.SpatialAutoCropMSECriterion</c>). Example: <c>var m = nn.SpatialAutoCropMSECriterion();</c></summary>
    public static SpatialAutoCropMSECriterion SpatialAutoCropMSECriterion(bool sizeAverage = true) => new(sizeAverage);
}
