namespace Torch.Native;

/// <summary>libtorch's error text without its C++ side: the first line of the message, before "Exception raised from"
/// and the stack frames, which mean nothing to a user of this library.</summary>
internal static class LibtorchError
{
    /// <summary>Runs a libtorch call for <paramref name="fn"/>; its errors become .NET ones that name the function and keep
    /// libtorch's first line, the original as InnerException: a failed allocation an <see cref="OutOfMemoryException"/>,
    /// anything else an <see cref="ArgumentException"/>. Example: <c>LibtorchError.Call("torch.Linspace", () => TS.arange(0, n, 1))</c>.</summary>
    public static T Call<T>(string fn, Func<T> f)
    {
        try { return f(); }
        catch (System.Runtime.InteropServices.ExternalException e) { throw Translate(fn, e); }
    }

    /// <summary>The .NET exception for libtorch's error <paramref name="e"/> in <paramref name="fn"/> (see <see cref="Call"/>), for hot
    /// callers that catch it themselves so as to spell out <paramref name="fn"/> only when something failed.
    /// Example: <c>catch (ExternalException e) { throw LibtorchError.Translate("torch.Tensor (sizes 2x3)", e); }</c></summary>
    public static Exception Translate(string fn, System.Runtime.InteropServices.ExternalException e)
    {
        string first = FirstLine(e);
        if (first.Contains("allocate", StringComparison.OrdinalIgnoreCase)) return new OutOfMemoryException($"{fn}: {first}", e);
        return new ArgumentException($"{fn}: {first}", e);
    }

    /// <summary>The first line of <paramref name="e"/>'s message, without C++ frames. Example: <c>LibtorchError.FirstLine(e)</c>.</summary>
    public static string FirstLine(Exception e)
    {
        var m = e.Message;
        int cut = m.IndexOf("Exception raised from", StringComparison.Ordinal);
        if (cut >= 0) m = m[..cut];
        int nl = m.IndexOf('\n');
        return (nl >= 0 ? m[..nl] : m).Trim();
    }
}
