using System.Runtime.InteropServices;

namespace Torch.Fuzz;

/// <summary>The outcome of one case: "ok" or "refused" (a clear error), or a finding ("silent", "error").</summary>
readonly record struct Verdict(string Category, string Note)
{
    public static Verdict Of(Func<string> run, bool withStack = false)
    {
        try
        {
            string note = run();
            return new(note.StartsWith("refused", StringComparison.Ordinal) ? "refused" : "ok", note);
        }
        catch (Finding f) { return new(f.Category, f.Message + (f.InnerException is { } e ? $" [{e.GetType().Name}: {e.Message}]{(withStack ? "\n" + e : "")}" : "")); }
        catch (Exception e) { return new("error", $"escaped the case: {e.GetType().Name}: {e.Message}\n{e.StackTrace}"); }
    }

    /// <summary>Why an exception raised by the library is not a clear error, or null when it is one: the right family of
    /// types, and a message that names the function without libtorch's C++ frames or .NET's nameless texts.</summary>
    public static string? Unclear(Exception e)
    {
        if (e is System.Reflection.TargetInvocationException { InnerException: { } inner }) e = inner;
        string m = e.Message;
        if (e is ExternalException or NullReferenceException or AccessViolationException
            || e is OverflowException && e.GetType() == typeof(OverflowException))
            return $"{e.GetType().Name}: {Short(m)}";
        if (e is not (ArgumentException or InvalidOperationException or IndexOutOfRangeException or NotSupportedException
            or InvalidCastException or InvalidDataException or OutOfMemoryException or NotImplementedException or KeyNotFoundException
            or DivideByZeroException))
            return $"unexpected type {e.GetType().Name}: {Short(m)}";
        foreach (var bad in new[] { "Exception raised from", "frame #", "Arithmetic operation resulted in an overflow",
                     "Object reference not set", "Index was outside the bounds of the array", "Specified argument was out of the range of valid values." })
            if (m.Contains(bad, StringComparison.Ordinal)) return $"{e.GetType().Name} with '{bad}': {Short(m)}";
        return null;
    }

    static string Short(string m) => m.Length > 300 ? m[..300] + "..." : m;
}
