using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Sqrt([eps=0]): y = sqrt(x)</c>. As in Torch7, <see cref="Eps"/> is added under the root only on CUDA (THCUNN);
/// THNN's CPU kernel stores it but computes sqrt(x). Explicit gradient as THNN's: 0.5 g / y, and 0 where y = 0 (not infinity).</summary>
/// <remarks>Example: <c>Tensor y = nn.Sqrt().Forward(x);</c></remarks>
public class Sqrt : Module
{
    /// <summary>Added under the root on CUDA only, as Torch7 does (Lua's <c>eps</c>). Example: <c>m.Eps</c>.</summary>
    public double Eps;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("eps", ref Eps);
    }

    /// <summary>The module. Example: <c>new Sqrt(1e-8)</c>.</summary>
    public Sqrt(double eps = 0) => Eps = eps;

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        if (!x.IsCuda || Eps == 0) return Emit(x.Raw.sqrt());
        using var shifted = x.Raw.Add(Eps);
        return Emit(shifted.sqrt());
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var y = ((Tensor)Output).Raw;
        using var g = InputTensor(gradOutput, "gradOutput").Raw.reshape(y.shape);
        using var zero = y.Eq(0.0);
        var r = g.div(y);
        r.Mul_(0.5);
        r.MaskedFill_(zero, 0.0);
        return EmitGradInput(r);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Sqrt"/> (Lua's <c>nn.Sqrt</c>). Example: <c>var m = nn.Sqrt();</c></summary>
    public static Sqrt Sqrt(double eps = 0) => new(eps);
}
