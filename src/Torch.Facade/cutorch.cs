using TorchSharp;
using TS = TorchSharp.torch;

namespace Torch;

/// <summary>
/// Lua's <c>cutorch</c>: GPU count and selection (1-based device numbers) and synchronisation.
/// On a CPU-only build or machine every call that needs a GPU throws an <see cref="InvalidOperationException"/>
/// that says how to get CUDA.
/// </summary>
/// <remarks>Example: <c>if (cutorch.IsAvailable()) { cutorch.SetDevice(1); var g = x.Cuda(); }</c></remarks>
public static class cutorch
{
    [ThreadStatic] static int device; // 0-based, as libtorch counts; per thread, as CUDA's current device is

    internal static int CurrentDevice => device;

    /// <summary>Whether a CUDA GPU and the CUDA build of libtorch are both present. Example: <c>cutorch.IsAvailable()</c>.</summary>
    public static bool IsAvailable()
    {
        try { return TS.cuda.is_available(); }
        catch (Exception e) when (e is NotSupportedException or DllNotFoundException or InvalidOperationException) { return false; }
    }

    /// <summary>Number of CUDA devices (0 without CUDA). Example: <c>int n = cutorch.GetDeviceCount();</c></summary>
    public static int GetDeviceCount() => IsAvailable() ? TS.cuda.device_count() : 0;

    /// <summary>The current device, 1-based. Example: <c>cutorch.GetDevice() == 1</c>.</summary>
    public static int GetDevice()
    {
        RequireCuda("cutorch.GetDevice");
        return device + 1;
    }

    /// <summary>Selects the device (1-based) new CUDA tensors go to. Example: <c>cutorch.SetDevice(2);</c></summary>
    public static void SetDevice(int id)
    {
        RequireCuda("cutorch.SetDevice");
        int n = TS.cuda.device_count();
        if (id < 1 || id > n) throw new ArgumentOutOfRangeException(nameof(id), $"cutorch.SetDevice: device {id} out of range (expected 1..{n})");
        device = id - 1;
    }

    /// <summary>Runs <paramref name="f"/> with device <paramref name="id"/> (1-based) current, then restores the previous one,
    /// even when <paramref name="f"/> throws (Lua's <c>cutorch.withDevice</c>). Example: <c>var w = cutorch.WithDevice(2, () => x.Cuda());</c></summary>
    public static T WithDevice<T>(int id, Func<T> f)
    {
        int saved = device;
        SetDevice(id);
        try { return f(); }
        finally { device = saved; }
    }

    /// <summary>Runs <paramref name="f"/> with device <paramref name="id"/> (1-based) current, then restores the previous one.
    /// Example: <c>cutorch.WithDevice(2, () => net.Cuda());</c></summary>
    public static void WithDevice(int id, Action f) => WithDevice(id, () => { f(); return 0; });

    /// <summary>Waits for all GPU work to finish. Example: <c>cutorch.Synchronize();</c></summary>
    public static void Synchronize()
    {
        RequireCuda("cutorch.Synchronize");
        TS.cuda.synchronize();
    }

    /// <summary>Throws a clear error when CUDA cannot be used.</summary>
    internal static void RequireCuda(string fn)
    {
        if (IsAvailable()) return;
        throw new InvalidOperationException(
            $"{fn}: CUDA is not available. This process runs the CPU build of libtorch (TorchSharp-cpu) or has no NVIDIA GPU/driver. " +
            "Build with `dotnet build -p:TorchBackend=cuda` (TorchSharp-cuda-linux / -windows) on a machine with an NVIDIA GPU and driver.");
    }
}
