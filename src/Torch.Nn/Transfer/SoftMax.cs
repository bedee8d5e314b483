using Torch.Native;
using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SoftMax()</c>: exp(x_i) / sum_j exp(x_j) over the feature dimension (as <see cref="LogSoftMax"/>).
/// Explicit gradient y (g - sum(g y)).</summary>
/// <remarks>Example: <c>Tensor p = nn.SoftMax().Forward(torch.Tensor(10).Uniform());</c></remarks>
public class SoftMax : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        return Emit(TS.nn.functional.softmax(x.Raw, SoftMaxDim.Of(x, this)));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var y = (Tensor)Output;
        var go = InputTensor(gradOutput, "gradOutput");
        long dim = SoftMaxDim.Of(y, this);
        using var g = go.Raw.view_as(y.Raw);
        using var gy = g.mul(y.Raw);
        using var sum = gy.sum(new[] { dim }, keepdim: true);
        var gi = Buffers.Fit(ref GradInput, y.ScalarType);
        gi.ResizeAs(y);
        gi.Raw.copy_(g);
        gi.Raw.sub_(sum);
        gi.Raw.mul_(y.Raw);
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SoftMax"/> (Lua's <c>nn.SoftMax</c>). Example: <c>var m = nn.SoftMax();</c></summary>
    public static SoftMax SoftMax() => new();
}
