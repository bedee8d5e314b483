using System.Diagnostics;
using System.Globalization;

namespace Torch.Fuzz;

/// <summary>
/// The parent runs each kind of case in batches, each batch in a child process that prints "case N" before and a verdict
/// after every case; a child that dies (native crash), falls silent (hang) or grows beyond a memory bound is reported at the
/// case it was running, with the seed that replays it, and the next child carries on after that case.
/// </summary>
static class Runner
{
    /// <summary>The kinds of case and how many of each the CI and the long mode run.</summary>
    static readonly (string Kind, int Ci, int Long, int Batch, int HangSeconds)[] Plan =
    {
        ("t7", 1000, 12_000, 1500, 60),
        ("api", 2000, 12_000, 1500, 60),
        ("stress", 2, 20, 1, 240),
    };

    const long MemoryLimit = 3L << 30; // a child beyond 3 GiB is stopped and reported: no case needs that much

    public static int Run(string[] args)
    {
        if (args.Length >= 5 && args[0] == "--child")
            return Child(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture));
        if (args.Length >= 4 && args[0] == "--replay")
            return Replay(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        bool longMode = args.Contains("--long");
        int seed = args.SkipWhile(a => a != "--seed").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(Environment.TickCount & 0xFFFF);
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        Console.WriteLine($"Torch.Fuzz: {(longMode ? "long" : "ci")} mode, seed {seed} (replay a case with --replay KIND {seed} INDEX)");
        var bad = 0L;
        foreach (var (kind, ci, lng, batch, hang) in Plan)
        {
            if (only is not null && only != kind) continue;
            var t = Tally.Run(kind, seed, longMode ? lng : ci, batch, hang);
            Console.WriteLine(t);
            bad += t.NativeCrashes + t.Hangs + t.SilentChanges + t.MemoryBlowups; // unclear errors are listed, not fatal
        }
        return bad == 0 ? 0 : 1;
    }

    /// <summary>A case's own seed: the run's seed and its index, so that any case replays alone.</summary>
    public static int CaseSeed(int seed, int index) => unchecked(seed * 1_000_003 + index);

    static ICases Cases(string kind) => kind switch
    {
        "t7" => new T7Cases(),
        "api" => new ApiCases(),
        "stress" => new StressCases(),
        _ => throw new ArgumentException($"Torch.Fuzz: unknown kind '{kind}' (expected t7, api or stress)"),
    };

    static int Child(string kind, int seed, int first, int count)
    {
        var cases = Cases(kind);
        for (int i = first; i < first + count; i++)
        {
            Console.WriteLine($"case {i}");
            Console.Out.Flush();
            var verdict = Verdict.Of(() => cases.Run(CaseSeed(seed, i), verbose: false));
            string note = verdict.Note.ReplaceLineEndings(" | ");
            Console.WriteLine($"{verdict.Category} {i} {(note.Length > 600 ? note[..600] + "..." : note)}");
        }
        Console.WriteLine("done");
        return 0;
    }

    static int Replay(string kind, int seed, int index)
    {
        var verdict = Verdict.Of(() => Cases(kind).Run(CaseSeed(seed, index), verbose: true), withStack: true);
        Console.WriteLine($"{kind} case {index} (seed {seed}): {verdict.Category} {verdict.Note}");
        return verdict.Category is "ok" or "refused" ? 0 : 1;
    }

    /// <summary>Starts a child running cases <paramref name="first"/>.. of <paramref name="kind"/>.</summary>
    public static Process StartChild(string kind, int seed, int first, int count)
    {
        string self = typeof(Runner).Assembly.Location;
        string exe = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet") psi.ArgumentList.Add(self);
        foreach (var a in new[] { "--child", kind, seed.ToString(CultureInfo.InvariantCulture), first.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    public static long Memory => MemoryLimit;
}
