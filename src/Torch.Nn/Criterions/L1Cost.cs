using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.L1Cost()</c>: Σ abs(x), no target, never averaged. Gradient by autograd (sign(x)).</summary>
/// <remarks>Example: <c>double err = nn.L1Cost().Forward(x, LuaValue.Nil);</c></remarks>
public class L1Cost : Criterion
{
    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        using var a = InputTensor(input).Raw.abs();
        return a.sum();
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.L1Cost"/> (Lua's <c>nn.L1Cost</c>). Example: <c>var m = nn.L1Cost();</c></summary>
    public static L1Cost L1Cost() => new();
}
