using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>libtorch's fused convolution backward (gradInput, gradWeight and gradBias in one call), which TorchSharp does not bind:
/// reached through a fixed TorchScript function. Measured (docs/benchmarks.md) 2-3 times faster in double than a transposed
/// convolution plus a convolution for the weight gradient. The parameter gradients computed alongside gradInput are kept here
/// until AccGradParameters asks for the same input and gradOutput (as <c>Backward</c> does), so one call serves both.</summary>
internal sealed class ConvBackward : IDisposable
{
    // the script is constant: it compiles once (a TorchScript compile error would abort the process, so nothing here varies)
    static readonly Lazy<TS.jit.CompilationUnit> Script = new(() => TS.jit.compile(@"
def all3(go, x, w, sh: int, sw: int, ph: int, pw: int, dh: int, dw: int):
    r = torch.convolution_backward(go, x, w, None, [sh, sw], [ph, pw], [dh, dw], False, [0, 0], 1, [True, True, True])
    return r[0], r[1], r[2]

def params2(go, x, w, sh: int, sw: int, ph: int, pw: int, dh: int, dw: int):
    r = torch.convolution_backward(go, x, w, None, [sh, sw], [ph, pw], [dh, dw], False, [0, 0], 1, [False, True, True])
    return r[1], r[2]
"));

    object? input, gradOutput;
    TT? gradWeight, gradBias;

    /// <summary>gradInput of a batched convolution (B x C x H x W); the weight and bias gradients are kept for <see cref="Take"/>.</summary>
    internal TT GradInput(Tensor inputKey, LuaValue gradOutputKey, TT go, TT x, TT w, long[] step, long[] pad, long[] dilation)
    {
        Dispose();
        var (gi, gw, gb) = Script.Value.invoke<(TT, TT, TT)>("all3", go, x, w, step[0], step[1], pad[0], pad[1], dilation[0], dilation[1]);
        (input, gradOutput, gradWeight, gradBias) = (inputKey, gradOutputKey.Object, gw, gb);
        return gi;
    }

    /// <summary>The weight and bias gradients (caller disposes): those kept for this input and gradOutput, or computed now.</summary>
    internal (TT Weight, TT Bias) Take(Tensor inputKey, LuaValue gradOutputKey, TT go, TT x, TT w, long[] step, long[] pad, long[] dilation)
    {
        if (gradWeight is not null && ReferenceEquals(input, inputKey) && ReferenceEquals(gradOutput, gradOutputKey.Object))
        {
            var kept = (gradWeight, gradBias!);
            (input, gradOutput, gradWeight, gradBias) = (null, null, null, null);
            return kept;
        }
        Dispose();
        return Script.Value.invoke<(TT, TT)>("params2", go, x, w, step[0], step[1], pad[0], pad[1], dilation[0], dilation[1]);
    }

    /// <summary>Frees the kept gradients.</summary>
    public void Dispose()
    {
        gradWeight?.Dispose();
        gradBias?.Dispose();
        (input, gradOutput, gradWeight, gradBias) = (null, null, null, null);
    }
}
