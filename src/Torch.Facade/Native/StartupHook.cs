/// <summary>
/// The .NET start-up hook of Torch.Facade: the runtime calls <see cref="Initialize"/> before the application's Main when
/// the application's runtimeconfig.json names "Torch.Facade" in STARTUP_HOOKS, which the package's buildTransitive targets
/// do. It prepares TorchSharp's native library (<see cref="Torch.Native.NativeLoader"/>) before any code can call TorchSharp.
/// </summary>
/// <remarks>The runtime requires this name in the global namespace. Example: none to call; it runs by itself.</remarks>
internal static class StartupHook
{
    /// <summary>Never throws: a failure here would stop the application before Main; it is reported again, with its
    /// cause, by the library's first use or by <see cref="Torch.torch.Initialize"/>.</summary>
    public static void Initialize()
    {
        try { Torch.Native.NativeLoader.Ensure(); }
        catch (InvalidOperationException) { }
    }
}
