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
}
