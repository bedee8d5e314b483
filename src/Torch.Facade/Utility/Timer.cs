using System.Diagnostics;

namespace Torch;

/// <summary>
/// Lua's <c>torch.Timer</c>: measures the real (wall-clock), user and system time since it was made or last reset,
/// leaving out the periods it was stopped. User and system times are the whole process's CPU time, as Torch7's are.
/// </summary>
/// <remarks>Example: <c>var timer = torch.Timer(); Train(); Console.WriteLine(timer.Time().Real);</c></remarks>
public sealed class Timer
{
    readonly Stopwatch real = new();
    TimeSpan user, sys, userMark, sysMark;
    bool running;

    internal Timer() => Resume();

    /// <summary>Lua's <c>timer:time()</c>: seconds of real, user and system time counted so far.
    /// Example: <c>double s = timer.Time().Real;</c></summary>
    public (double Real, double User, double Sys) Time()
    {
        var (u, s) = Elapsed();
        return (real.Elapsed.TotalSeconds, u.TotalSeconds, s.TotalSeconds);
    }

    /// <summary>Sets the counts to zero; a running timer keeps running, a stopped one stays stopped. Example: <c>timer.Reset();</c></summary>
    public Timer Reset()
    {
        bool wasRunning = running;
        real.Reset();
        user = sys = TimeSpan.Zero;
        running = false;
        if (wasRunning) Resume();
        return this;
    }

    /// <summary>Stops counting (Lua's <c>timer:stop()</c>). Example: <c>timer.Stop();</c></summary>
    public Timer Stop()
    {
        if (!running) return this;
        (user, sys) = Elapsed();
        real.Stop();
        running = false;
        return this;
    }

    /// <summary>Counts again after <see cref="Stop"/> (Lua's <c>timer:resume()</c>). Example: <c>timer.Resume();</c></summary>
    public Timer Resume()
    {
        if (running) return this;
        (userMark, sysMark) = ProcessTimes();
        real.Start();
        running = true;
        return this;
    }

    (TimeSpan User, TimeSpan Sys) Elapsed()
    {
        if (!running) return (user, sys);
        var (u, s) = ProcessTimes();
        return (user + (u - userMark), sys + (s - sysMark));
    }

    static (TimeSpan User, TimeSpan Sys) ProcessTimes()
    {
        using var p = Process.GetCurrentProcess();
        return (p.UserProcessorTime, p.PrivilegedProcessorTime);
    }
}

public static partial class torch
{
    /// <summary>A running <see cref="Torch.Timer"/> (Lua's <c>torch.Timer()</c>). Example: <c>var t = torch.Timer(); ... t.Time().Real</c></summary>
    public static Timer Timer() => new();
}
