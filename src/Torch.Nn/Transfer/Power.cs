using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Power(p): y = x^p</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.Power(2).Forward(x);</c></remarks>
public class Power : Module
{
    /// <summary>The exponent (Lua's <c>pow</c>). Example: <c>m.Pow</c>.</summary>
    public double Pow;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("pow", ref Pow);
    }

    /// <summary>The module. Example: <c>new Power(2)</c>.</summary>
    public Power(double pow) => Pow = pow;

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.Pow(Pow));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Power"/> (Lua's <c>nn.Power</c>). Example: <c>var m = nn.Power(pow);</c></summary>
    public static Power Power(double pow) => new(pow);
}
