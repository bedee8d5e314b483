using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Square(): y = x²</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.Square().Forward(x);</c></remarks>
public class Square : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.square());
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Square"/> (Lua's <c>nn.Square</c>). Example: <c>var m = nn.Square();</c></summary>
    public static Square Square() => new();
}
