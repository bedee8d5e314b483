using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.LogSoftMax()</c>: log(exp(x_i) / sum_j exp(x_j)) over the feature dimension (1-D: the vector; 2-D: each row;
/// 3-D/4-D: the channels). Explicit gradient g - exp(y) sum(g).</summary>
/// <remarks>Example: <c>Tensor logp = nn.LogSoftMax().Forward(torch.Tensor(2, 10).Uniform());</c></remarks>
public class LogSoftMax : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        return Emit(TS.nn.functional.log_softmax(x.Raw, SoftMaxDim.Of(x, this)));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var y = (Tensor)Output;
        var go = InputTensor(gradOutput, "gradOutput");
        long dim = SoftMaxDim.Of(y, this);
        using var g = go.Raw.view_as(y.Raw);
        using var sum = g.sum(new[] { dim }, keepdim: true);
        using var p = y.Raw.exp();
        p.mul_(sum);
        var gi = Buffers.Fit(ref GradInput, y.ScalarType);
        gi.ResizeAs(y);
        gi.Raw.copy_(g);
        gi.Raw.sub_(p);
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.LogSoftMax"/> (Lua's <c>nn.LogSoftMax</c>). Example: <c>var m = nn.LogSoftMax();</c></summary>
    public static LogSoftMax LogSoftMax() => new();
}
