using System.Diagnostics;

namespace Torch.Tests;

/// <summary>Runs a command (a `dotnet` build or program) the way a user would, outside the test host's MSBuild environment.</summary>
public static class Processes
{
    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "global.json"))) return d.FullName;
        throw new DirectoryNotFoundException("repository root (global.json) not found");
    }

    /// <summary>FOLDER/bin/CONFIGURATION/net10.0/NAME.dll as the solution build made it beside this test assembly (same
    /// configuration), or null when it is not built.</summary>
    public static string? Built(string folder)
    {
        // BaseDirectory ends with a separator: trimmed, its parent is bin/<Configuration>
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string dll = Path.Combine(RepoRoot(), folder, "bin", configuration, "net10.0", Path.GetFileName(folder) + ".dll");
        return File.Exists(dll) ? dll : null;
    }

    /// <summary>Runs an example as `dotnet run --project examples/NAME` would: its build from the solution build when there
    /// is one (no second build racing the test run), else through `dotnet run`.</summary>
    public static (int Code, string Output) RunExample(string name, string args = "") =>
        Built($"examples/{name}") is { } dll
            ? Run("dotnet", $"\"{dll}\" {args}", RepoRoot())
            : Run("dotnet", $"run --project examples/{name} -- {args}", RepoRoot());

    public static (int Code, string Output) Run(string file, string args, string cwd)
    {
        var psi = new ProcessStartInfo(file, args) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment.Remove("MSBuildExtensionsPath");
        psi.Environment.Remove("MSBUILD_EXE_PATH");
        psi.Environment.Remove("MSBuildSDKsPath");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
