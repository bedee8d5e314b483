using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SoftSign(): y = x / (1 + abs(x))</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SoftSign().Forward(x);</c></remarks>
public class SoftSign : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        using var ax = x.abs();
        using var den = ax.Add(1L);
        return Emit(x / den);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SoftSign"/> (Lua's <c>nn.SoftSign</c>). Example: <c>var m = nn.SoftSign();</c></summary>
    public static SoftSign SoftSign() => new();
}
