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
                    <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />
                    <ProjectReference Include="{Path.Combine(Processes.RepoRoot(), "src", "Torch.Facade", "Torch.Facade.csproj")}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(dir, "Program.cs"), """
                using Torch;
                var a = torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } });
                Console.Write(a.T().Contiguous());
                """);
            var (code, output) = Processes.Run("dotnet", "run", dir);
            code.Should().Be(0, output);
            output.Should().Contain(" 1  3\n 2  4\n[torch.DoubleTensor of size 2x2]\n");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
