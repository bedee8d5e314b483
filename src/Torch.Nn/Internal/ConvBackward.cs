using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>libtorch's convolution backward (<c>convolution_backward</c>, which TorchSharp does not bind), reached through a fixed
/// TorchScript function: gradInput alone for UpdateGradInput and the parameter gradients alone for AccGradParameters, as Lua splits
/// them. Measured (docs/benchmarks.md, <c>-- convroutes</c>): each half is faster than the transposed convolution or the
/// batch-as-channels convolution it replaces in double, and the two halves together cost less than one call asking for all three.</summary>
internal static class ConvBackward
{
    // the script is constant: it compiles once (a TorchScript compile error would abort the process, so nothing here varies)
    static readonly Lazy<TS.jit.CompilationUnit> Script = new(() => TS.jit.compile(@"
def grad_input(go, x, w, sh: int, sw: int, ph: int, pw: int, dh: int, dw: int):
    return torch.convolution_backward(go, x, w, None, [sh, sw], [ph, pw], [dh, dw], False, [0, 0], 1, [True, False, False])[0]

def grad_params(go, x, w, sh: int, sw: int, ph: int, pw: int, dh: int, dw: int):
    r = torch.convolution_backward(go, x, w, None, [sh, sw], [ph, pw], [dh, dw], False, [0, 0], 1, [False, True, True])
    return r[1], r[2]
"));

    /// <summary>gradInput of a batched convolution (B x C x H x W input <paramref name="x"/>, gradOutput <paramref name="go"/>).</summary>
    internal static TT GradInput(TT go, TT x, TT w, long[] step, long[] pad, long[] dilation) =>
        Script.Value.invoke<TT>("grad_input", go, x, w, step[0], step[1], pad[0], pad[1], dilation[0], dilation[1]);

    /// <summary>The weight and bias gradients of a batched convolution (caller disposes both).</summary>
    internal static (TT Weight, TT Bias) GradParams(TT go, TT x, TT w, long[] step, long[] pad, long[] dilation) =>
        Script.Value.invoke<(TT, TT)>("grad_params", go, x, w, step[0], step[1], pad[0], pad[1], dilation[0], dilation[1]);
}
