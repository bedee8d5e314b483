using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>libtorch's convolution backward (<c>convolution_backward</c>, which TorchSharp does not bind), reached through a fixed
/// TorchScript function: gradInput alone for UpdateGradInput and the parameter gradients alone for AccGradParameters, as Lua splits
/// them, for a convolution or (with output padding <c>adj</c>) a transposed one. Measured (docs/benchmarks.md, <c>-- convroutes</c>):
/// each half is faster than the transposed convolution or the batch-as-channels convolution it replaces in double, and the two
/// halves together cost less than one call asking for all three.</summary>
internal static class ConvBackward
{
    // the script is constant: it compiles once (a TorchScript compile error would abort the process, so nothing here varies)
    static readonly Lazy<TS.jit.CompilationUnit> Script = new(() => TS.jit.compile(@"
def grad_input(go, x, w, sh: int, sw: int, ph: int, pw: int, dh: int, dw: int, transposed: bool, ah: int, aw: int):
    return torch.convolution_backward(go, x, w, None, [sh, sw], [ph, pw], [dh, dw], transposed, [ah, aw], 1, [True, False, False])[0]

def grad_params(go, x, w, sh: int, sw: int, ph: int, pw: int, dh: int, dw: int, transposed: bool, ah: int, aw: int):
    r = torch.convolution_backward(go, x, w, None, [sh, sw], [ph, pw], [dh, dw], transposed, [ah, aw], 1, [False, True, True])
    return r[1], r[2]
"));

    /// <summary>gradInput of a batched convolution (B x C x H x W input <paramref name="x"/>, gradOutput <paramref name="go"/>); with
    /// <paramref name="adj"/>, of the transposed convolution with that output padding.</summary>
    internal static TT GradInput(TT go, TT x, TT w, long[] step, long[] pad, long[] dilation, long[]? adj = null) =>
        ScriptCall.Invoke<TT>(Script.Value, "grad_input", Args(go, x, w, step, pad, dilation, adj));

    /// <summary>Adds <paramref name="scale"/> times the weight and bias gradients of a batched convolution (transposed with
    /// <paramref name="adj"/>) to <paramref name="m"/>'s GradWeight (reshaped to it) and GradBias (where it has one).</summary>
    internal static void AccGradParameters(Module m, double scale, TT go, TT x, TT w, long[] step, long[] pad, long[] dilation, long[]? adj = null)
    {
        var (gw, gb) = ScriptCall.Invoke<(TT, TT)>(Script.Value, "grad_params", Args(go, x, w, step, pad, dilation, adj));
        using (gw)
        using (var shaped = gw.view(m.GradWeight!.Raw.shape))
            Tensor.AddScaled(m.GradWeight.Raw, scale, shaped, inPlace: true);
        using (gb)
            if (m.GradBias is not null) Tensor.AddScaled(m.GradBias.Raw, scale, gb, inPlace: true);
    }

    static object?[] Args(TT go, TT x, TT w, long[] step, long[] pad, long[] dilation, long[]? adj) =>
        new object[] { go, x, w, step[0], step[1], pad[0], pad[1], dilation[0], dilation[1], adj is not null, adj?[0] ?? 0L, adj?[1] ?? 0L };
}
