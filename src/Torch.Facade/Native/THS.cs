using System.Runtime.InteropServices;

namespace Torch.Native;

/// <summary>
/// Direct calls into TorchSharp's exported C ABI where the managed API costs more than the work:
/// each is a single pointer read (about 10 ns against 500 ns for an allocating accessor).
/// Pinned to TorchSharp 0.107 (the signatures are not a public contract).
/// </summary>
internal static class THS
{
    const string Lib = "LibTorchSharp";

    [DllImport(Lib)] internal static extern IntPtr THSStorage_data_ptr(IntPtr tensor);
    [DllImport(Lib)] internal static extern ulong THSStorage_nbytes(IntPtr tensor);
    [DllImport(Lib)] internal static extern IntPtr THSTensor_data(IntPtr tensor);

    /// <summary>libtorch's requires_grad (a C++ bool: one byte), without the GC transition (a flag read that neither blocks nor calls
    /// back): the managed loops' checks ask it several times per module call, and TorchSharp's accessor cost ~0.5 µs a time.</summary>
    [DllImport(Lib), SuppressGCTransition] internal static extern byte THSTensor_requires_grad(IntPtr tensor);
}
