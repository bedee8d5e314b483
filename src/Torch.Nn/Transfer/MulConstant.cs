using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.MulConstant(k): y = k x</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.MulConstant(0.5).Forward(x);</c></remarks>
public class MulConstant : Module
{
    /// <summary>The constant (Lua's <c>constant_scalar</c>). Example: <c>m.ConstantScalar</c>.</summary>
    public double ConstantScalar;

    /// <summary>The module. Example: <c>new MulConstant(0.5)</c>.</summary>
    public MulConstant(double constantScalar) => ConstantScalar = constantScalar;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x * ConstantScalar);
    }
}
