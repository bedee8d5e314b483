using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.TemporalConvolution(inputFrameSize, outputFrameSize, kW[, dW=1])</c>: a 1-D convolution over time of a
/// T x inputFrameSize sequence (or B x T x inputFrameSize), weight outputFrameSize x (kW inputFrameSize) as Lua stores it.
/// Gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.TemporalConvolution(5, 8, 3).Forward(torch.Tensor(10, 5).Uniform());  // 8x8</c></remarks>
public class TemporalConvolution : Module
{
    /// <summary>Features per input frame (Lua's <c>inputFrameSize</c>). Example: <c>c.InputFrameSize</c>.</summary>
    public int InputFrameSize;
    /// <summary>Features per output frame (Lua's <c>outputFrameSize</c>). Example: <c>c.OutputFrameSize</c>.</summary>
    public int OutputFrameSize;
    /// <summary>Kernel width in frames (Lua's <c>kW</c>). Example: <c>c.KW</c>.</summary>
    public int KW;
    /// <summary>Step in frames (Lua's <c>dW</c>). Example: <c>c.DW</c>.</summary>
    public int DW;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("inputFrameSize", ref InputFrameSize);
        m.Field("outputFrameSize", ref OutputFrameSize);
        m.Field("kW", ref KW);
        m.Field("dW", ref DW);
    }

    /// <summary>A temporal convolution. Example: <c>new TemporalConvolution(5, 8, 3, 1)</c>.</summary>
    public TemporalConvolution(int inputFrameSize, int outputFrameSize, int kW, int dW = 1)
    {
        (InputFrameSize, OutputFrameSize, KW, DW) = (inputFrameSize, outputFrameSize, kW, dW);
        Weight = torch.Tensor(outputFrameSize, (long)kW * inputFrameSize);
        GradWeight = torch.Tensor(outputFrameSize, (long)kW * inputFrameSize).Zero();
        Bias = torch.Tensor(outputFrameSize);
        GradBias = torch.Tensor(outputFrameSize).Zero();
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, KW * InputFrameSize), Weight, Bias);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 2, 3);
        if (x.Size(x.Dim()) != InputFrameSize || x.Size(x.Dim() - 1) < KW)
            throw new ArgumentException($"{this}: expected at least {KW} frames of {InputFrameSize} features, got an input of size {x.SizeString()}");
        using var w = Weight.Raw.view(OutputFrameSize, KW, InputFrameSize).permute(0, 2, 1);
        return Emit(Batched.Run(x, 2, b =>
        {
            using var bt = b.transpose(1, 2);
            using var y = TS.nn.functional.conv1d(bt, w, Bias.Raw, DW);
            return y.transpose(1, 2);
        }));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.TemporalConvolution"/> (Lua's <c>nn.TemporalConvolution</c>). Example: <c>var m = nn.TemporalConvolution(inputFrameSize, outputFrameSize, kW);</c></summary>
    public static TemporalConvolution TemporalConvolution(int inputFrameSize, int outputFrameSize, int kW, int dW = 1) => new(inputFrameSize, outputFrameSize, kW, dW);
}
