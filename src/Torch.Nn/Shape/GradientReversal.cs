using Torch.Native;
namespace Torch.Nn;

/// <summary>Lua's <c>nn.GradientReversal([lambda=1])</c>: the identity forward; the gradient is multiplied by -lambda.</summary>
/// <remarks>Example: <c>var gr = nn.GradientReversal(0.5); Tensor g = gr.Backward(x, gy);  // -0.5 gy</c></remarks>
public class GradientReversal : Module
{
    /// <summary>The reversal scale (Lua's <c>lambda</c>). Example: <c>gr.Lambda</c>.</summary>
    public double Lambda;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("lambda", ref Lambda);
    }

    /// <summary>Lua's read: a file of version 1 (before lambda existed) reverses with lambda = 1. Example: <c>gr.AfterRead(1)</c>.</summary>
    protected internal override void AfterRead(int version)
    {
        if (version < 2) Lambda = 1;
    }

    /// <summary>A gradient reversal layer. Example: <c>new GradientReversal(1)</c>.</summary>
    public GradientReversal(double lambda = 1) => Lambda = lambda;

    /// <summary>Sets the scale (Lua's <c>setLambda</c>). Example: <c>gr.SetLambda(0.1);</c></summary>
    public GradientReversal SetLambda(double lambda)
    {
        Lambda = lambda;
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        Output = InputTensor(input);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) =>
        EmitGradInput(InputTensor(gradOutput, "gradOutput").Raw.Mul(-Lambda));
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.GradientReversal"/> (Lua's <c>nn.GradientReversal</c>). Example: <c>var m = nn.GradientReversal();</c></summary>
    public static GradientReversal GradientReversal(double lambda = 1) => new(lambda);
}
