using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Sqrt([eps=0]): y = sqrt(x + eps)</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.Sqrt(1e-8).Forward(x);</c></remarks>
public class Sqrt : Module
{
    /// <summary>Added under the root (Lua's <c>eps</c>). Example: <c>m.Eps</c>.</summary>
    public double Eps;

    /// <summary>The module. Example: <c>new Sqrt(1e-8)</c>.</summary>
    public Sqrt(double eps = 0) => Eps = eps;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit((x + Eps).sqrt());
    }
}
