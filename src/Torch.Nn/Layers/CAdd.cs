namespace Torch.Nn;

/// <summary>Lua's <c>nn.CAdd(size...)</c>: y = x + b with a learnt bias of the given size, broadcast over a leading batch dimension.
/// Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.CAdd(5).Forward(torch.Tensor(3, 5).Uniform());</c></remarks>
public class CAdd : Module
{
    /// <summary>A component-wise bias layer. Example: <c>new CAdd(3, 4)</c>.</summary>
    public CAdd(params long[] size)
    {
        Bias = torch.Tensor(size);
        GradBias = torch.Tensor(size).Zero();
        LuaOnly(("size", torch.LongStorage(size))); // Lua's: the bias's sizes
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Internal.Init.Uniform(Internal.Init.Stdv(stdv, Bias.NElement()), Bias);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input) => Emit(Internal.Broadcast.Apply(this, InputTensor(input), Bias, (x, b) => x + b));
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CAdd"/> (Lua's <c>nn.CAdd</c>). Example: <c>var m = nn.CAdd(size);</c></summary>
    public static CAdd CAdd(params long[] size) => new(size);
}
