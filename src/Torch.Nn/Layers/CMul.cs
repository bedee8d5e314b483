namespace Torch.Nn;

/// <summary>Lua's <c>nn.CMul(size...)</c>: y = x ⊙ w with a learnt weight of the given size, broadcast over a leading batch dimension.
/// Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.CMul(5).Forward(torch.Tensor(3, 5).Uniform());</c></remarks>
public class CMul : Module
{
    /// <summary>A component-wise scaling layer. Example: <c>new CMul(3, 4)</c>.</summary>
    public CMul(params long[] size)
    {
        Weight = torch.Tensor(size);
        GradWeight = torch.Tensor(size).Zero();
        LuaOnly(("size", torch.LongStorage(size))); // Lua's: the weight's sizes
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Internal.Init.Uniform(Internal.Init.Stdv(stdv, Weight.NElement()), Weight);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input) => Emit(Internal.Broadcast.Apply(this, InputTensor(input), Weight, (x, w) => x * w));
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.CMul"/> (Lua's <c>nn.CMul</c>). Example: <c>var m = nn.CMul(size);</c></summary>
    public static CMul CMul(params long[] size) => new(size);
}
