namespace Torch.Tests;

/// <summary>The repository's own Torch7-made fixtures: tests/Oracle/*.t7, written by tools/torch7/fixtures-*.lua, read with this library's torch.Load.</summary>
public static class Oracle
{
    public static string Root { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json"))) return Path.Combine(dir.FullName, "tests", "Oracle");
        throw new DirectoryNotFoundException("the repository root (global.json) not found above the test directory");
    }

    /// <summary>tests/Oracle/NAME.t7 as a table.</summary>
    public static Table Load(string name) => torch.Load<Table>(Path.Combine(Root, name + ".t7"));
}
