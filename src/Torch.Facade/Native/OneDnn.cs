using System.Runtime.InteropServices;

namespace Torch.Native;

/// <summary>
/// Turns off libtorch's oneDNN (MKLDNN) convolutions on processors other than Intel's, once, as the native library is
/// prepared, so that CPU convolutions there take libtorch's own kernels (unfold and a BLAS product, Torch7's way).
/// </summary>
/// <remarks>
/// Why: on AMD EPYC processors oneDNN's float convolutions of libtorch 2.10 return wrong numbers at random, forward and
/// backward (NaNs, or a transposed convolution's output off by half its magnitude; pytorch/pytorch#153700 names the kernel,
/// oneDNN's <c>gemm:jit</c> fallback on processors it does not tune for). Measured here on an AMD EPYC, five runs of each of
/// 11 shapes: with oneDNN, gradInput wrong in 4 shapes and the forward NaN in one; without it, every result within 7e-7 of the
/// double one (<c>OneDnnTests</c>); the kernels named in oneDNN's verbose log were its <c>jit:avx512_core</c> ones, so no
/// shape rule separates right from wrong. The cost there: ResNet-8's float iteration 18 ms with oneDNN (wrong), 34 ms
/// without. On Intel processors, oneDNN's own target, it stays on (the oracle's float fixtures pass with it). raw TorchSharp in
/// the same process shares the setting, as it is libtorch's global context. <c>TORCH_NET_ONEDNN=1</c> keeps oneDNN on,
/// <c>TORCH_NET_ONEDNN=0</c> turns it off on any processor. This reaches libtorch's C++ <c>at::globalContext().setUserEnabledMkldnn</c> by its
/// exported name, which TorchSharp does not bind: Linux x64 only; elsewhere, or where the names are missing, nothing changes.
/// </remarks>
internal static unsafe class OneDnn
{
    /// <summary>Whether oneDNN is still on in libtorch (tests read it). Example: <c>OneDnn.Enabled()</c>.</summary>
    internal static bool? Enabled()
    {
        var api = Find();
        return api is { } a ? a.Get(a.Context()) != 0 : null;
    }

    /// <summary>Turns oneDNN off on a processor that is not Intel's, or wherever <c>TORCH_NET_ONEDNN=0</c>; never where
    /// <c>TORCH_NET_ONEDNN=1</c>. Example: <c>OneDnn.Configure();</c></summary>
    internal static void Configure()
    {
        var asked = Environment.GetEnvironmentVariable("TORCH_NET_ONEDNN");
        if (asked == "1" || (asked != "0" && Vendor() == "GenuineIntel")) return;
        if (Find() is { } a)
        {
            a.Set(a.Context(), 0);
            TurnedOff = true;
        }
    }

    /// <summary>Whether <see cref="Configure"/> turned oneDNN off (read per call by the layers that take other routes for
    /// float then). Example: <c>if (OneDnn.TurnedOff) ...</c></summary>
    internal static bool TurnedOff { get; private set; }

    /// <summary>The processor's vendor string from CPUID (e.g. "GenuineIntel", "AuthenticAMD"), or null off x86.</summary>
    internal static string? Vendor()
    {
        if (!System.Runtime.Intrinsics.X86.X86Base.IsSupported) return null;
        var (_, b, c, d) = System.Runtime.Intrinsics.X86.X86Base.CpuId(0, 0);
        Span<int> words = stackalloc int[] { b, d, c };
        return System.Text.Encoding.ASCII.GetString(MemoryMarshal.AsBytes(words));
    }

    readonly struct Api
    {
        public delegate* unmanaged<IntPtr> Context { get; init; }
        public delegate* unmanaged<IntPtr, byte, void> Set { get; init; }
        public delegate* unmanaged<IntPtr, byte> Get { get; init; }
    }

    static Api? Find()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return null;
        if (NativeLoader.Locate("libtorch_cpu.so") is not { } path || !NativeLibrary.TryLoad(path, out var lib)) return null;
        if (!NativeLibrary.TryGetExport(lib, "_ZN2at13globalContextEv", out var context)
            || !NativeLibrary.TryGetExport(lib, "_ZN2at7Context20setUserEnabledMkldnnEb", out var set)
            || !NativeLibrary.TryGetExport(lib, "_ZNK2at7Context17userEnabledMkldnnEv", out var get))
            return null;
        return new Api
        {
            Context = (delegate* unmanaged<IntPtr>)context,
            Set = (delegate* unmanaged<IntPtr, byte, void>)set,
            Get = (delegate* unmanaged<IntPtr, byte>)get,
        };
    }
}
