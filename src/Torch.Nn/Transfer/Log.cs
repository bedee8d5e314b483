using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Log(): y = log(x)</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.Log().Forward(x);</c></remarks>
public class Log : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.log());
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Log"/> (Lua's <c>nn.Log</c>). Example: <c>var m = nn.Log();</c></summary>
    public static Log Log() => new();
}
