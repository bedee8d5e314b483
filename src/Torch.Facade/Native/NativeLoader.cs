using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Torch.Native;

/// <summary>
/// Makes TorchSharp's native library load on Linux systems whose libstdc++ predates GCC 13.
/// </summary>
/// <remarks>
/// Runs once, before the application's first TorchSharp call: as a .NET start-up hook (<see cref="StartupHook"/>, named
/// in the runtimeconfig.json of every application built with the package's buildTransitive targets), else when this
/// library is first used (a module initializer), else when the application calls <see cref="torch.Initialize"/>.
/// When the system libstdc++ lacks <c>GLIBCXX_3.4.32</c>, it writes a repaired copy of
/// libLibTorchSharp.so (see <see cref="ElfVersionPatch"/>) into a per-user cache, loads it, and
/// answers TorchSharp's own <c>DllImport("LibTorchSharp")</c> lookups with it, so the stock file
/// (and TorchSharp's fallback copy under <c>cpu/</c>) is never loaded. The package files are not touched. Then it turns off
/// libtorch's oneDNN convolutions (<see cref="OneDnn"/>: wrong numbers on some processors).
/// </remarks>
internal static class NativeLoader
{
    const string RequiredVersion = "GLIBCXX_3.4.32";
    const string LibraryName = "LibTorchSharp";
    const string FileName = "libLibTorchSharp.so";
    static readonly object Gate = new();
    static bool done;
    static Exception? failure;
    static IntPtr repaired;

    /// <summary>Where the repaired copy was loaded from, or null when none was needed.</summary>
    internal static string? RepairedPath { get; private set; }

#pragma warning disable CA2255 // a module initializer is the one place that runs before TorchSharp in every host
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => Ensure();

    /// <summary>Idempotent: repairs and registers the native library if this machine needs it; a failure is thrown again
    /// on every later call, so the first library call reports it rather than TorchSharp's misleading message.</summary>
    internal static void Ensure()
    {
        lock (Gate)
        {
            if (!done)
            {
                done = true;
                try
                {
                    Repair();
                    OneDnn.Configure();
                }
                catch (Exception e) { failure = e; }
            }
            if (failure is not null)
                throw new InvalidOperationException($"Torch: TorchSharp's native library could not be prepared: {failure.Message}", failure);
        }
    }

    static void Repair()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return;
        if (LibStdCxxHas(RequiredVersion)) return;
        string? stock = FindStock();
        if (stock is null) return; // TorchSharp will report the missing package itself
        byte[] bytes = File.ReadAllBytes(stock);
        if (!ElfVersionPatch.Relax(bytes, RequiredVersion)) return; // a build that needs no repair
        string path = WriteOnce(bytes);
        PreloadDependencies(Path.GetDirectoryName(stock)!);
        repaired = NativeLibrary.Load(path);
        RepairedPath = path;
        NativeLibrary.SetDllImportResolver(typeof(TorchSharp.torch).Assembly, Resolve);
        NativeLibrary.SetDllImportResolver(typeof(NativeLoader).Assembly, Resolve);
    }

    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == LibraryName || name == FileName ? repaired : IntPtr.Zero;

    [DllImport("libc.so.6", EntryPoint = "dlopen")]
    static extern IntPtr DlOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string file, int mode);

    [DllImport("libc.so.6", EntryPoint = "dlvsym")]
    static extern IntPtr DlVSym(IntPtr handle, [MarshalAs(UnmanagedType.LPUTF8Str)] string symbol, [MarshalAs(UnmanagedType.LPUTF8Str)] string version);

    /// <summary>Asks the dynamic linker itself whether libstdc++ defines a symbol at that version.</summary>
    static bool LibStdCxxHas(string version)
    {
        try
        {
            IntPtr h = DlOpen("libstdc++.so.6", 1 /* RTLD_LAZY */);
            return h != IntPtr.Zero && DlVSym(h, "_ZSt21ios_base_library_initv", version) != IntPtr.Zero;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true; // not glibc: nothing we know how to repair
        }
    }

    /// <summary>The directories the host probes for native assets, in its order, then the app's own.</summary>
    internal static IEnumerable<string> SearchDirectories()
    {
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string dirs)
            foreach (var d in dirs.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                yield return d;
        string app = AppContext.BaseDirectory;
        yield return app;
        yield return Path.Combine(app, "runtimes", "linux-x64", "native");
        string torchSharpDir = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location) ?? app;
        // a NuGet-cache layout: lib/net8.0/TorchSharp.dll beside runtimes/linux-x64/native
        yield return Path.GetFullPath(Path.Combine(torchSharpDir, "..", "..", "runtimes", "linux-x64", "native"));
    }

    static string? FindStock() => Locate(FileName);

    /// <summary>The first of the host's native directories (<see cref="SearchDirectories"/>) that holds <paramref name="file"/>.</summary>
    internal static string? Locate(string file) =>
        SearchDirectories().Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists);

    /// <summary>Loads the libtorch libraries the repaired copy needs from where the stock copy's $ORIGIN would find them.</summary>
    /// <exception cref="InvalidOperationException">no libtorch is there: the application references no backend package.</exception>
    static void PreloadDependencies(string stockDir)
    {
        bool any = false;
        foreach (var lib in new[] { "libc10.so", "libtorch_cpu.so", "libtorch_cuda.so", "libtorch.so" })
        {
            string? found = new[] { stockDir }.Concat(SearchDirectories())
                .Select(d => Path.Combine(d, lib)).FirstOrDefault(File.Exists);
            if (found is null) continue;
            NativeLibrary.Load(found);
            any = true;
        }
        if (!any)
            throw new InvalidOperationException(
                "libtorch was not found beside TorchSharp: the application must reference a backend package, " +
                "TorchSharp-cpu, TorchSharp-cuda-linux or TorchSharp-cuda-windows (README, \"CPU or CUDA\")");
    }

    /// <summary>Writes the repaired bytes to a content-addressed cache file, atomically, once per machine.</summary>
    static string WriteOnce(byte[] bytes)
    {
        string hash = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        foreach (var root in CacheRoots())
        {
            try
            {
                string dir = Path.Combine(root, "torch-facade", "native-" + hash);
                string path = Path.Combine(dir, FileName);
                if (File.Exists(path) && new FileInfo(path).Length == bytes.Length) return path;
                Directory.CreateDirectory(dir);
                string tmp = path + "." + Environment.ProcessId + ".tmp";
                File.WriteAllBytes(tmp, bytes);
                File.Move(tmp, path, overwrite: true); // atomic: parallel test hosts never see half a file
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        throw new InvalidOperationException(
            $"Torch: the system libstdc++ lacks {RequiredVersion}, which TorchSharp's {FileName} asks for, " +
            "and no writable cache folder was found for the repaired copy (set XDG_CACHE_HOME to a writable folder).");
    }

    static IEnumerable<string> CacheRoots()
    {
        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg) yield return xdg;
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0) yield return Path.Combine(home, ".cache");
        yield return Path.GetTempPath();
    }
}
