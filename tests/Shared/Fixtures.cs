using System.Globalization;

namespace Torch.Tests;

/// <summary>Files made by the real Lua Torch7, read from ../shared/fixtures beside the repository (shared by every test project).</summary>
public static class Fixtures
{
    public static string Root { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "fixtures");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "global.json")))
                return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("../shared/fixtures not found beside the repository root");
    }

    /// <summary>A fixture committed in the repository under tests/fixtures (made by a script in tools/torch7).</summary>
    public static string InRepo(params string[] parts) =>
        Path.Combine(new[] { RepoRoot(), "tests", "fixtures" }.Concat(parts).ToArray());

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json"))) return dir.FullName;
        throw new DirectoryNotFoundException("the repository root (global.json) not found above the test directory");
    }

    /// <summary>Named rows of numbers: each line "name v1 v2 ..." (%.17g), as tools/torch7's scripts write them.</summary>
    public static Dictionary<string, double[]> Rows(params string[] parts) =>
        File.ReadAllLines(InRepo(parts)).Where(l => l.Trim().Length > 0).Select(l => l.Split(' '))
            .ToDictionary(f => f[0], f => f.Skip(1).Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray());

    public static string Path_(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    public static string Text(params string[] parts) => File.ReadAllText(Path_(parts));

    /// <summary>One number per line (%.17g), row-major.</summary>
    public static double[] Numbers(params string[] parts) =>
        File.ReadAllLines(Path_(parts)).Where(l => l.Trim().Length > 0)
            .Select(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
}
