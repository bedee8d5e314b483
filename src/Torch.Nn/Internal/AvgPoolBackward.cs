using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>libtorch's average-pooling backward (<c>avg_pool2d_backward</c>, which TorchSharp does not bind), reached through a fixed
/// TorchScript function, so that SpatialAveragePooling's gradient is explicit, as Lua's, instead of an autograd graph recorded in
/// every training forward.</summary>
internal static class AvgPoolBackward
{
    // the script is constant: it compiles once (a TorchScript compile error would abort the process, so nothing here varies)
    static readonly Lazy<TS.jit.CompilationUnit> Script = new(() => TS.jit.compile(@"
def grad_input(go, x, kh: int, kw: int, sh: int, sw: int, ph: int, pw: int, ceil: bool, include_pad: bool):
    return torch.avg_pool2d_backward(go, x, [kh, kw], [sh, sw], [ph, pw], ceil, include_pad, None)
"));

    /// <summary>gradInput of the average pooling of the batch <paramref name="x"/> (B x C x H x W) for gradOutput <paramref name="go"/>.</summary>
    internal static TT GradInput(TT go, TT x, long[] kernel, long[] step, long[] pad, bool ceil, bool includePad) =>
        ScriptCall.Invoke<TT>(Script.Value, "grad_input", go, x, kernel[0], kernel[1], step[0], step[1], pad[0], pad[1], ceil, includePad);
}
