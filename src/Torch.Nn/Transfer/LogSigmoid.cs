using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.LogSigmoid(): y = log(1 / (1 + exp(-x)))</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.LogSigmoid().Forward(x);</c></remarks>
public class LogSigmoid : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(TS.nn.functional.logsigmoid(x));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.LogSigmoid"/> (Lua's <c>nn.LogSigmoid</c>). Example: <c>var m = nn.LogSigmoid();</c></summary>
    public static LogSigmoid LogSigmoid() => new();
}
