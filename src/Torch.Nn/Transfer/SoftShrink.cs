using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SoftShrink([lambda=0.5]): y = x - lambda above lambda, x + lambda below -lambda, else 0</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SoftShrink(0.3).Forward(x);</c></remarks>
public class SoftShrink : Module
{
    /// <summary>The threshold (Lua's <c>lambda</c>). Example: <c>m.Lambda</c>.</summary>
    public double Lambda;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("lambda", ref Lambda);
    }

    /// <summary>The module. Example: <c>new SoftShrink(0.3)</c>.</summary>
    public SoftShrink(double lambda = 0.5) => Lambda = lambda;

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(TS.nn.functional.softshrink(x, Lambda));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SoftShrink"/> (Lua's <c>nn.SoftShrink</c>). Example: <c>var m = nn.SoftShrink();</c></summary>
    public static SoftShrink SoftShrink(double lambda = 0.5) => new(lambda);
}
