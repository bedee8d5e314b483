using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Add(inputSize[, scalar=false])</c>: y = x + b with a learnt bias of inputSize elements (or one scalar),
/// broadcast over a batch. Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.Add(5).Forward(torch.Tensor(3, 5).Uniform());</c></remarks>
public class Add : Module
{
    /// <summary>Whether the bias is one scalar (Lua's <c>scalar</c>). Example: <c>a.Scalar</c>.</summary>
    public bool Scalar;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("scalar", ref Scalar);
    }

    /// <summary>A bias layer. Example: <c>new Add(5)</c>.</summary>
    public Add(int inputSize, bool scalar = false)
    {
        Scalar = scalar;
        int n = scalar ? 1 : inputSize;
        Bias = torch.Tensor(n);
        GradBias = torch.Tensor(n).Zero();
        LuaOnly(("_ones", torch.Tensor(new[] { 1.0 }))); // Lua's; Torch7's batch forward reads it
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, Bias.Size(1)), Bias);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input) => Emit(Broadcast.Apply(this, InputTensor(input), Bias, (x, b) => x + b));
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Add"/> (Lua's <c>nn.Add</c>). Example: <c>var m = nn.Add(inputSize);</c></summary>
    public static Add Add(int inputSize, bool scalar = false) => new(inputSize, scalar);
}
