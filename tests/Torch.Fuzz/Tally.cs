using System.Diagnostics;
using System.Text;

namespace Torch.Fuzz;

/// <summary>The totals of one kind of case over its child processes, and the run itself.</summary>
sealed class Tally(string kind, int seed)
{
    public long Cases, Refused, NativeCrashes, Hangs, SilentChanges, BadErrors, MemoryBlowups;
    readonly List<string> findings = new();

    public static Tally Run(string kind, int seed, int count, int batch, int hangSeconds)
    {
        var t = new Tally(kind, seed);
        var clock = Stopwatch.StartNew();
        for (int next = 0; next < count;)
            next = t.Batch(next, Math.Min(batch, count - next), hangSeconds);
        t.seconds = clock.Elapsed.TotalSeconds;
        return t;
    }

    double seconds;

    /// <summary>Runs cases from <paramref name="first"/> in one child; returns the index to go on from.</summary>
    int Batch(int first, int count, int hangSeconds)
    {
        using var p = Runner.StartChild(kind, seed, first, count);
        var lines = new System.Collections.Concurrent.BlockingCollection<string>();
        var stderr = new StringBuilder();
        p.ErrorDataReceived += (_, e) => { if (e.Data is { } d) lock (stderr) stderr.AppendLine(d); };
        p.BeginErrorReadLine();
        var reader = new Thread(() =>
        {
            string? l;
            while ((l = p.StandardOutput.ReadLine()) is not null) lines.Add(l);
            lines.CompleteAdding();
        }) { IsBackground = true };
        reader.Start();
        int current = first - 1;
        var quiet = Stopwatch.StartNew();
        while (true)
        {
            if (lines.TryTake(out var line, 100))
            {
                quiet.Restart();
                var parts = line.Split(' ', 3);
                if (parts[0] == "done") { p.WaitForExit(); return first + count; }
                if (parts[0] == "case") { current = int.Parse(parts[1]); continue; }
                Record(parts[0], int.Parse(parts[1]), parts.Length > 2 ? parts[2] : "");
                continue;
            }
            if (lines.IsCompleted)
            {
                p.WaitForExit();
                Cases++;
                NativeCrashes++;
                string err;
                lock (stderr) err = stderr.ToString();
                Note("native crash", current, $"exit code {p.ExitCode}: {Tail(err)}");
                return current + 1;
            }
            long memory = Memory(p);
            if (quiet.Elapsed.TotalSeconds > hangSeconds || memory > Runner.Memory)
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                p.WaitForExit();
                Cases++;
                if (memory > Runner.Memory) { MemoryBlowups++; Note("memory", current, $"the child grew to {memory >> 20} MiB"); }
                else { Hangs++; Note("hang", current, $"no answer for {hangSeconds} s"); }
                return current + 1;
            }
        }
    }

    static long Memory(Process p)
    {
        try { p.Refresh(); return p.WorkingSet64; }
        catch (InvalidOperationException) { return 0; }
    }

    static string Tail(string s) => s.Length > 600 ? s[^600..] : s;

    void Record(string category, int index, string note)
    {
        Cases++;
        switch (category)
        {
            case "ok": return;
            case "refused": Refused++; return;
            case "silent": SilentChanges++; break;
            default: BadErrors++; break;
        }
        Note(category, index, note);
    }

    void Note(string category, int index, string note)
    {
        string line = $"  {kind} case {index}: {category}: {note} (replay: --replay {kind} {seed} {index})";
        findings.Add(line);
        Console.WriteLine(line);
    }

    public override string ToString() =>
        $"{kind}: {Cases} cases in {seconds:F0} s: {NativeCrashes} native crashes, {Hangs} hangs, {SilentChanges} silently changed values, "
        + $"{BadErrors} unclear errors, {MemoryBlowups} memory blow-ups; {Refused} refused with a clear error";
}
