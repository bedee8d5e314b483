namespace Torch.Nn;

/// <summary>Lua's <c>nn.Mul()</c>: y = w x with one learnt scalar w (initialised U(-1, 1)). Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.Mul().Forward(x);</c></remarks>
public class Mul : Module
{
    /// <summary>A learnt scaling. Example: <c>new Mul()</c>.</summary>
    public Mul()
    {
        Weight = torch.Tensor(1);
        GradWeight = torch.Tensor(1).Zero();
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Internal.Init.Uniform(Internal.Init.Stdv(stdv, 1), Weight);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input) => Emit(InputTensor(input).Raw * Weight.Raw);
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Mul"/> (Lua's <c>nn.Mul</c>). Example: <c>var m = nn.Mul();</c></summary>
    public static Mul Mul() => new();
}
