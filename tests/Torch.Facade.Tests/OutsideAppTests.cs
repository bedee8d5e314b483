using System.Diagnostics;

namespace Torch.Tests;

/// <summary>An application that only references the library (nothing special in it) loads libtorch on this machine.</summary>
public class OutsideAppTests
{
    [Fact]
    public void A_console_app_with_a_project_reference_runs_a_tensor_op()
    {
        string dir = Directory.CreateTempSubdirectory("torch-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Outside.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <NoWarn>NU1603</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{Path.Combine(RepoRoot(), "src", "Torch.Facade", "Torch.Facade.csproj")}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(dir, "Program.cs"), """
                using Torch;
                var a = torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } });
                Console.Write(a.T().Contiguous());
                """);
            var (code, output) = Run("dotnet", "run", dir);
            code.Should().Be(0, output);
            output.Should().Contain(" 1  3\n 2  4\n[torch.DoubleTensor of size 2x2]\n");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "global.json"))) return d.FullName;
        throw new DirectoryNotFoundException("repository root (global.json) not found");
    }

    static (int, string) Run(string file, string args, string cwd)
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
