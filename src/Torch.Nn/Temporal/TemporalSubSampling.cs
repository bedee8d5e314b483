using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.TemporalSubSampling(inputFrameSize, kW[, dW=1])</c>: per feature f, w_f Σ(kW frames) + b_f over windows of a
/// T x inputFrameSize sequence (or a batch). Gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.TemporalSubSampling(4, 2, 2).Forward(torch.Tensor(10, 4).Uniform());  // 5x4</c></remarks>
public class TemporalSubSampling : Module
{
    /// <summary>Features per frame (Lua's <c>inputFrameSize</c>). Example: <c>s.InputFrameSize</c>.</summary>
    public int InputFrameSize;
    /// <summary>Window in frames (Lua's <c>kW</c>). Example: <c>s.KW</c>.</summary>
    public int KW;
    /// <summary>Step in frames (Lua's <c>dW</c>). Example: <c>s.DW</c>.</summary>
    public int DW;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("inputFrameSize", ref InputFrameSize);
        m.Field("kW", ref KW);
        m.Field("dW", ref DW);
    }

    /// <summary>A temporal subsampling layer. Example: <c>new TemporalSubSampling(4, 2, 2)</c>.</summary>
    public TemporalSubSampling(int inputFrameSize, int kW, int dW = 1)
    {
        (InputFrameSize, KW, DW) = (inputFrameSize, kW, dW);
        Weight = torch.Tensor(inputFrameSize);
        GradWeight = torch.Tensor(inputFrameSize).Zero();
        Bias = torch.Tensor(inputFrameSize);
        GradBias = torch.Tensor(inputFrameSize).Zero();
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, KW), Weight, Bias);
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
        return Emit(Batched.Run(x, 2, b =>
        {
            using var windows = b.unfold(1, KW, DW);
            using var sums = windows.sum(new long[] { -1 });
            return sums * Weight.Raw + Bias.Raw;
        }));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.TemporalSubSampling"/> (Lua's <c>nn.TemporalSubSampling</c>). Example: <c>var m = nn.TemporalSubSampling(inputFrameSize, kW);</c></summary>
    public static TemporalSubSampling TemporalSubSampling(int inputFrameSize, int kW, int dW = 1) => new(inputFrameSize, kW, dW);
}
