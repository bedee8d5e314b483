using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.TemporalRowConvolution(inputFrameSize, kW[, dW=1, featFirst=false])</c>: each feature row convolved over time with
/// its own kernel (weight inputFrameSize x 1 x kW); T x F in and out, or F x T with featFirst, with or without a batch. Gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.TemporalRowConvolution(4, 3).Forward(torch.Tensor(10, 4).Uniform());  // 8x4</c></remarks>
public class TemporalRowConvolution : Module
{
    /// <summary>Features (Lua's <c>inputFrameSize</c>). Example: <c>c.InputFrameSize</c>.</summary>
    public int InputFrameSize;
    /// <summary>Kernel width in frames (Lua's <c>kW</c>). Example: <c>c.KW</c>.</summary>
    public int KW;
    /// <summary>Step in frames (Lua's <c>dW</c>). Example: <c>c.DW</c>.</summary>
    public int DW;
    /// <summary>Input and output are F x T rather than T x F (Lua's <c>featFirst</c>). Example: <c>c.FeatFirst</c>.</summary>
    public bool FeatFirst;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("inputFrameSize", ref InputFrameSize);
        m.Field("kW", ref KW);
        m.Field("dW", ref DW);
        m.Field("featFirst", ref FeatFirst);
    }

    /// <summary>A row convolution. Example: <c>new TemporalRowConvolution(4, 3, 1, featFirst: true)</c>.</summary>
    public TemporalRowConvolution(int inputFrameSize, int kW, int dW = 1, bool featFirst = false)
    {
        (InputFrameSize, KW, DW, FeatFirst) = (inputFrameSize, kW, dW, featFirst);
        Weight = torch.Tensor(inputFrameSize, 1, kW);
        GradWeight = torch.Tensor(inputFrameSize, 1, kW).Zero();
        Bias = torch.Tensor(inputFrameSize);
        GradBias = torch.Tensor(inputFrameSize).Zero();
        Reset();
    }

    /// <summary>Removes the bias (Lua's <c>noBias()</c>). Example: <c>c.NoBias()</c>.</summary>
    public override TemporalRowConvolution NoBias() => DropBias(this);

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
        long f = FeatFirst ? x.Size(x.Dim() - 1) : x.Size(x.Dim());
        long t = FeatFirst ? x.Size(x.Dim()) : x.Size(x.Dim() - 1);
        if (f != InputFrameSize || t < KW)
            throw new ArgumentException($"{this}: expected at least {KW} frames of {InputFrameSize} features, got an input of size {x.SizeString()}");
        return Emit(Batched.Run(x, 2, b =>
        {
            using var bf = FeatFirst ? b.alias() : b.transpose(1, 2);
            using var y = TS.nn.functional.conv1d(bf, Weight.Raw, Bias?.Raw, DW, groups: InputFrameSize);
            return FeatFirst ? y.alias() : y.transpose(1, 2);
        }));
    }

    /// <summary>Torch7's text, e.g. "nn.TemporalRowConvolution(4, 3)". Example: <c>c.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({InputFrameSize}, {KW}" + (DW != 1 ? $", {DW}" : "") + (Bias is null ? ") without bias" : ")");
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.TemporalRowConvolution"/> (Lua's <c>nn.TemporalRowConvolution</c>). Example: <c>var m = nn.TemporalRowConvolution(inputFrameSize, kW);</c></summary>
    public static TemporalRowConvolution TemporalRowConvolution(int inputFrameSize, int kW, int dW = 1, bool featFirst = false) => new(inputFrameSize, kW, dW, featFirst);
}
