namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialAutoCropMSECriterion([sizeAverage=true])</c>: an <see cref="MSECriterion"/> (its subclass, as in Lua) of a
/// C x H x W (or batch) input against the centre of a target at least as large, cropped to the input's height and width. The loss
/// is MSECriterion's on the crop (in float, THNN's float sum). Lua's backward refuses a larger target; this one crops it as the
/// forward does (docs/decisions.md).</summary>
/// <remarks>Example: <c>double err = nn.SpatialAutoCropMSECriterion().Forward(torch.Tensor(3, 4, 4), torch.Tensor(3, 6, 6));</c></remarks>
public class SpatialAutoCropMSECriterion : MSECriterion
{
    /// <summary>A cropping MSE criterion. Example: <c>new SpatialAutoCropMSECriterion(false)</c>.</summary>
    public SpatialAutoCropMSECriterion(bool sizeAverage = true) : base(sizeAverage) { }

    /// <summary>The target's centre, as large as the input (Lua's centerCrop: the row and column offsets round down).</summary>
    Tensor Crop(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var t = InputTensor(target, "target");
        if (x.Dim() != t.Dim() || x.Dim() is not (3 or 4) || x.Size(x.Dim() - 1) > t.Size(t.Dim() - 1) || x.Size(x.Dim()) > t.Size(t.Dim())
            || (x.Dim() == 4 && x.Size(1) != t.Size(1)) || x.Size(x.Dim() - 2) != t.Size(t.Dim() - 2))
            throw new ArgumentException($"{TypeName}: expected an input no larger than the target in height and width, got input {x.SizeString()} and target {t.SizeString()}");
        long dh = t.Size(t.Dim() - 1) - x.Size(x.Dim() - 1), dw = t.Size(t.Dim()) - x.Size(x.Dim());
        return t.Narrow(t.Dim() - 1, dh / 2 + 1, x.Size(x.Dim() - 1)).Narrow(t.Dim(), dw / 2 + 1, x.Size(x.Dim()));
    }

    /// <inheritdoc/>
    public override double UpdateOutput(LuaValue input, LuaValue target) => base.UpdateOutput(input, Crop(input, target));

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue target) => base.UpdateGradInput(input, Crop(input, target));
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialAutoCropMSECriterion"/> (Lua's <c>nn.SpatialAutoCropMSECriterion</c>). Example: <c>var m = nn.SpatialAutoCropMSECriterion();</c></summary>
    public static SpatialAutoCropMSECriterion SpatialAutoCropMSECriterion(bool sizeAverage = true) => new(sizeAverage);
}
