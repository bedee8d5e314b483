using System.IO.Compression;
using System.Xml.Linq;

namespace Torch.Tests;

/// <summary>
/// The packages as a new user meets them: `dotnet pack` on a copy of the sources (placed under a folder named "tests",
/// which must not change what packs), then a brand-new console app that references only Torch.Nn from that local feed
/// plus the backend it chooses (TorchSharp-cpu), calls raw TorchSharp first in a method that names no library type,
/// then runs a forward pass through the library.
/// </summary>
public class PackageTests
{
    static readonly string[] Libraries = { "Torch.Facade", "Torch.Nn", "Torch.Optim", "Torch.Threads" };

    [Fact]
    public void Packed_libraries_install_into_a_fresh_app_that_calls_TorchSharp_first()
    {
        string root = Processes.RepoRoot();
        string work = Directory.CreateTempSubdirectory("torch-pack-").FullName;
        string version = "0.0.0-ci" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        try
        {
            string clone = Path.Combine(work, "tests", "clone");
            CopySources(root, clone);
            string feed = Path.Combine(work, "feed");
            var (code, output) = Processes.Run("dotnet",
                $"pack Libraries.slnx -c Release -o \"{feed}\" -p:Version={version} -p:RepositoryUrl=https://example.org/torch-net.git",
                clone);
            code.Should().Be(0, output);
            foreach (var lib in Libraries) CheckPackage(feed, lib, version);

            string app = Path.Combine(work, "app");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <NoWarn>NU1603</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Torch.Nn" Version="{version}" />
                    <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using System.Runtime.CompilerServices;
                using Torch;
                using Torch.Nn;

                static class Program
                {
                    static void Main()
                    {
                        Raw();
                        Library();
                    }

                    // names no type of the library: TorchSharp is loaded and called before any library code runs
                    [MethodImpl(MethodImplOptions.NoInlining)]
                    static void Raw()
                    {
                        TorchSharp.torch.set_num_threads(1);
                        System.Console.WriteLine("threads " + TorchSharp.torch.get_num_threads());
                    }

                    [MethodImpl(MethodImplOptions.NoInlining)]
                    static void Library()
                    {
                        var lin = nn.Linear(3, 2);
                        lin.Weight.Copy(torch.Tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }));
                        lin.Bias.Copy(torch.Tensor(new double[] { 1, -1 }));
                        System.Console.Write(lin.Forward(torch.Ones(3)));
                    }
                }
                """);
            var run = Processes.Run("dotnet", "run", app);
            run.Code.Should().Be(0, run.Output);
            // the numbers and the layout are real Torch7's: io.write(tostring(l:forward(torch.Tensor{1,1,1})))
            run.Output.Should().Contain("threads 1\n  7\n 14\n[torch.DoubleTensor of size 2]\n");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            RemoveFromPackageCache(version);
        }
    }

    /// <summary>What `git clone` would give: the sources, the build files and the README, without build outputs.</summary>
    static void CopySources(string root, string clone)
    {
        foreach (var f in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "README.md" })
            CopyFile(Path.Combine(root, f), Path.Combine(clone, f));
        File.WriteAllText(Path.Combine(clone, "Libraries.slnx"),
            "<Solution>" + string.Concat(Libraries.Select(l => $"<Project Path=\"src/{l}/{l}.csproj\" />")) + "</Solution>");
        foreach (var lib in Libraries)
        {
            string from = Path.Combine(root, "src", lib);
            foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                string rel = Path.GetRelativePath(from, f);
                if (rel.StartsWith("bin" + Path.DirectorySeparatorChar) || rel.StartsWith("obj" + Path.DirectorySeparatorChar)) continue;
                CopyFile(f, Path.Combine(clone, "src", lib, rel));
            }
        }
    }

    static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    static void CheckPackage(string feed, string id, string version)
    {
        File.Exists(Path.Combine(feed, $"{id}.{version}.snupkg")).Should().BeTrue($"{id} has a symbol package");
        using var zip = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        names.Should().Contain(new[] { $"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml", "README.md" });
        using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
        var nuspec = XDocument.Load(nuspecStream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var meta = nuspec.Root.Element(ns + "metadata")!;
        meta.Element(ns + "repository")!.Attribute("url")!.Value.Should().Be("https://example.org/torch-net.git");
        meta.Element(ns + "tags")!.Value.Should().Contain("torch7");
        meta.Element(ns + "readme")!.Value.Should().Be("README.md");
        var deps = meta.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
        deps.Should().NotContain(new[] { "TorchSharp-cpu", "TorchSharp-cuda-linux", "TorchSharp-cuda-windows" }, "the app chooses the backend");
        if (id == "Torch.Facade")
        {
            deps.Should().Equal("TorchSharp");
            names.Should().Contain("buildTransitive/Torch.Facade.targets");
        }
        else deps.Should().Contain("Torch.Facade");
        if (id == "Torch.Optim") deps.Should().Contain("SkiaSharp");
    }

    /// <summary>The test's packages were extracted into the user's package cache under a version no one else uses.</summary>
    static void RemoveFromPackageCache(string version)
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var lib in Libraries)
        {
            string dir = Path.Combine(cache, lib.ToLowerInvariant(), version);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
