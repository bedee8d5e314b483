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
        long dim = SoftMaxDim.Of(x, this);
        if (x.ScalarType != TS.ScalarType.Float32) return Emit(TS.nn.functional.log_softmax(x.Raw, dim));
        // THNN in float: exp(x - max) summed in double (accreal), logsum = max + log(sum) in double, x - logsum rounded to float
        using var max = x.Raw.amax(new[] { dim }, keepdim: true);
        using var shifted = x.Raw - max;
        using var wide = shifted.to_type(TS.ScalarType.Float64);
        using var sum = wide.exp_().sum(new[] { dim }, keepdim: true);
        using var maxd = max.to_type(TS.ScalarType.Float64);
        using var logsum = sum.log_().add_(maxd);
        using var xd = x.Raw.to_type(TS.ScalarType.Float64);
        using var y = xd.sub_(logsum);
        return Emit(y.to_type(TS.ScalarType.Float32));
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
