using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.AddConstant(k): y = x + k</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.AddConstant(3).Forward(x);</c></remarks>
public class AddConstant : Module
{
    /// <summary>The constant (Lua's <c>constant_scalar</c>). Example: <c>m.ConstantScalar</c>.</summary>
    public double ConstantScalar;

    /// <summary>The module. Example: <c>new AddConstant(3)</c>.</summary>
    public AddConstant(double constantScalar) => ConstantScalar = constantScalar;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x + ConstantScalar);
    }
}
