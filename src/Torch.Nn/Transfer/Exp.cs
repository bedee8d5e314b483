using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Exp(): y = exp(x)</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.Exp().Forward(x);</c></remarks>
public class Exp : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.exp());
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Exp"/> (Lua's <c>nn.Exp</c>). Example: <c>var m = nn.Exp();</c></summary>
    public static Exp Exp() => new();
}
