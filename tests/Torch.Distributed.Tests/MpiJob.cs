using System.Diagnostics;

namespace Torch.Distributed.Tests;

/// <summary>Starts a program of this repository as an MPI job (<c>mpirun -np N dotnet PROGRAM.dll ...</c>), or as one plain
/// process, and waits for it within a time limit, killing the whole job when it runs over.</summary>
static class MpiJob
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(180);

    public static bool HasMpirun() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "mpirun")));

    /// <summary>tests/Torch.Distributed.Worker or examples/NAME as built beside this test assembly (same configuration).</summary>
    public static string Program(string folder)
    {
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;   // bin/<Configuration>/net10.0
        string dll = Path.Combine(Processes.RepoRoot(), folder, "bin", configuration, "net10.0", Path.GetFileName(folder) + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built (the test project builds it first)");
    }

    /// <summary>Runs <paramref name="np"/> ranks of <paramref name="dll"/> under mpirun (as root too, more ranks than cores allowed;
    /// unpinned, and waiting ranks yield the core: the test run shares the machine with other test projects).</summary>
    public static (int Code, string Output, TimeSpan Took) Run(int np, string dll, string args, IDictionary<string, string>? env = null) =>
        Start("mpirun", $"--oversubscribe --allow-run-as-root --bind-to none --mca mpi_yield_when_idle 1 -np {np} dotnet \"{dll}\" {args}", env);

    /// <summary>Runs <paramref name="dll"/> as one plain process (no mpirun).</summary>
    public static (int Code, string Output, TimeSpan Took) Alone(string dll, string args, IDictionary<string, string>? env = null) =>
        Start("dotnet", $"\"{dll}\" {args}", env);

    static (int, string, TimeSpan) Start(string file, string args, IDictionary<string, string>? env)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = Processes.RepoRoot(), RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" }) psi.Environment.Remove(name);
        psi.Environment["TERM"] = "dumb";   // no terminal escapes from .NET's console in the ranks' output
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Limit))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            throw new TimeoutException($"{file} {args} ran past {Limit.TotalSeconds} s and was killed; it printed:\n{stdout.Result}{stderr.Result}");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result, clock.Elapsed);
    }
}
