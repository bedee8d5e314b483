using Torch.Native;

namespace Torch;

public static partial class torch
{
    /// <summary>
    /// Prepares TorchSharp's native library for this machine (on Linux systems whose libstdc++ predates GCC 13, a repaired
    /// copy of libLibTorchSharp.so; see docs/native-loading.md) and throws, naming the cause, if that is impossible.
    /// Applications built with the Torch.Facade package do this before Main (a start-up hook) and the library does it on
    /// first use, so a call is needed only where start-up hooks are off (<c>TorchFacadeStartupHook</c> or
    /// <c>StartupHookSupport</c> false, trimmed or AOT builds) and the application calls TorchSharp before this library.
    /// Idempotent and cheap. Example: <c>torch.Initialize(); TorchSharp.torch.set_num_threads(1);</c>
    /// </summary>
    public static void Initialize() => NativeLoader.Ensure();
}
