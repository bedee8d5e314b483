using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.TanhShrink(): y = x - tanh(x)</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.TanhShrink().Forward(x);</c></remarks>
public class TanhShrink : Module
{
    /// <summary>The module. Example: <c>new TanhShrink()</c>.</summary>
    public TanhShrink() => LuaOnly(("tanh", new Tanh())); // Lua's; Torch7's forward runs it

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x - x.tanh());
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.TanhShrink"/> (Lua's <c>nn.TanhShrink</c>). Example: <c>var m = nn.TanhShrink();</c></summary>
    public static TanhShrink TanhShrink() => new();
}
