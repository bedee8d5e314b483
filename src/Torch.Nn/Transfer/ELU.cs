using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.ELU([alpha=1]): y = x where x &gt; 0, alpha (exp(x) - 1) elsewhere</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.ELU(0.5).Forward(x);</c></remarks>
public class ELU : Module
{
    /// <summary>The scale of the negative part (Lua's <c>alpha</c>). Example: <c>m.Alpha</c>.</summary>
    public double Alpha;

    /// <summary>The module. Example: <c>new ELU(0.5)</c>.</summary>
    public ELU(double alpha = 1) => Alpha = alpha;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(TS.nn.functional.elu(x, Alpha));
    }
}
