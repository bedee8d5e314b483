// Build script: ./build.sh --target=<Build|Test|Examples|Bench|Pack> [--configuration=Release] [--backend=cpu|cuda]
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var backend = Argument("backend", "cpu");

DotNetMSBuildSettings Props() => new DotNetMSBuildSettings().WithProperty("TorchBackend", backend);

Task("Build").Does(() =>
    DotNetBuild("Torch.slnx", new DotNetBuildSettings { Configuration = configuration, MSBuildSettings = Props() }));

Task("Test").IsDependentOn("Build").Does(() =>
    DotNetTest("Torch.slnx", new DotNetTestSettings { Configuration = configuration, NoBuild = true, MSBuildSettings = Props() }));

Task("Examples").IsDependentOn("Build").Does(() =>
{
    foreach (var project in GetFiles("./examples/*/*.csproj"))
    {
        Information($"== {project.GetFilenameWithoutExtension()}");
        DotNetRun(project.FullPath, new DotNetRunSettings { Configuration = configuration, NoBuild = true });
    }
});

Task("Bench").Does(() =>
    DotNetRun("./benchmarks/Torch.Benchmarks/Torch.Benchmarks.csproj",
        new DotNetRunSettings { Configuration = "Release", MSBuildSettings = Props() }));

Task("Pack").Does(() =>
{
    foreach (var project in GetFiles("./src/*/*.csproj"))
        DotNetPack(project.FullPath, new DotNetPackSettings { Configuration = configuration, OutputDirectory = "./artifacts", MSBuildSettings = Props() });
});

RunTarget(target);
