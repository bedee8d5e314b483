using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SoftPlus([beta=1, threshold=20]): y = log(1 + exp(beta x)) / beta, linear where beta x &gt; threshold</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SoftPlus(2).Forward(x);</c></remarks>
public class SoftPlus : Module
{
    /// <summary>The sharpness (Lua's <c>beta</c>). Example: <c>m.Beta</c>.</summary>
    public double Beta;

    /// <summary>Above this beta x the output is x (Lua's <c>threshold</c>). Example: <c>m.Threshold</c>.</summary>
    public double Threshold;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("beta", ref Beta);
        m.Field("threshold", ref Threshold);
    }

    /// <summary>The module. Example: <c>new SoftPlus(2)</c>.</summary>
    public SoftPlus(double beta = 1, double threshold = 20)
    {
        Beta = beta;
        Threshold = threshold;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(TS.nn.functional.softplus(x, Beta, Threshold));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SoftPlus"/> (Lua's <c>nn.SoftPlus</c>). Example: <c>var m = nn.SoftPlus();</c></summary>
    public static SoftPlus SoftPlus(double beta = 1, double threshold = 20) => new(beta, threshold);
}
