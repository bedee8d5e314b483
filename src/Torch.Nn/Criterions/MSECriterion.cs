using TorchSharp;
using Torch.Native;
using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.MSECriterion([sizeAverage=true])</c>: sum (x - t)², divided by the number of elements when
/// <see cref="Criterion.SizeAverage"/>. Explicit gradient 2 (x - t) (/ n).</summary>
/// <remarks>Example: <c>double err = nn.MSECriterion().Forward(y, t);</c></remarks>
public class MSECriterion : Criterion
{
    /// <summary>A mean squared error criterion. Example: <c>new MSECriterion(sizeAverage: false)</c>.</summary>
    public MSECriterion(bool sizeAverage = true) => SizeAverage = sizeAverage;

    /// <inheritdoc/>
    public override double UpdateOutput(LuaValue input, LuaValue target)
    {
        var (x, t) = Check(input, target);
        using var tv = t.Raw.view_as(x.Raw);
        if (x.ScalarType == TS.ScalarType.Float32)
        {
            using var z = x.Raw - tv;
            using var squares = z * z;
            return Output = RealSum.Float(squares, SizeAverage);
        }
        using var loss = TS.nn.functional.mse_loss(x.Raw, tv, SizeAverage ? TS.nn.Reduction.Mean : TS.nn.Reduction.Sum);
        Output = loss.ToDouble();
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue target)
    {
        var (x, t) = Check(input, target);
        var gi = Buffers.Fit(ref GradInput, x.ScalarType);
        gi.ResizeAs(x);
        using var tv = t.IsSameSizeAs(x) ? null : t.Raw.view_as(x.Raw);
        gi.Raw.copy_(x.Raw);
        using (var minusOne = ScalarLease.Of(-1, x.ScalarType)) gi.Raw.add_(tv ?? t.Raw, minusOne.Value);
        using var norm = ScalarLease.Of(SizeAverage ? 2.0 / x.NElement() : 2.0, x.ScalarType);
        gi.Raw.mul_(norm.Value);
        return GradInput;
    }

    (Tensor, Tensor) Check(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var t = InputTensor(target, "target");
        CheckSameSize(x, t);
        if (t.ScalarType != x.ScalarType)
            throw new ArgumentException($"{TypeName}: input is a {x.Type()} but target is a {t.Type()}");
        return (x, t);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MSECriterion"/> (Lua's <c>nn.MSECriterion</c>). Example: <c>var m = nn.MSECriterion();</c></summary>
    public static MSECriterion MSECriterion(bool sizeAverage = true) => new(sizeAverage);
}
