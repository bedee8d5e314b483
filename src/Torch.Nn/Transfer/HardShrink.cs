using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.HardShrink([lambda=0.5]): y = x where abs(x) &gt; lambda, else 0</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.HardShrink(0.3).Forward(x);</c></remarks>
public class HardShrink : Module
{
    /// <summary>The threshold (Lua's <c>lambda</c>). Example: <c>m.Lambda</c>.</summary>
    public double Lambda;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("lambda", ref Lambda);
    }

    /// <summary>The module. Example: <c>new HardShrink(0.3)</c>.</summary>
    public HardShrink(double lambda = 0.5) => Lambda = lambda;

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(TS.nn.functional.hardshrink(x, Lambda));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.HardShrink"/> (Lua's <c>nn.HardShrink</c>). Example: <c>var m = nn.HardShrink();</c></summary>
    public static HardShrink HardShrink(double lambda = 0.5) => new(lambda);
}
