using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.LeakyReLU([negval=0.01]): y = x where x &gt; 0, negval x elsewhere</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.LeakyReLU(0.1).Forward(x);</c></remarks>
public class LeakyReLU : Module
{
    /// <summary>The slope below 0 (Lua's <c>negval</c>). Example: <c>m.Negval</c>.</summary>
    public double Negval;

    /// <summary>The module. Example: <c>new LeakyReLU(0.1)</c>.</summary>
    public LeakyReLU(double negval = 0.01) => Negval = negval;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(TS.nn.functional.leaky_relu(x, Negval));
    }
}
