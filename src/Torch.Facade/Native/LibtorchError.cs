namespace Torch.Native;

/// <summary>libtorch's error text without its C++ side: the first line of the message, before "Exception raised from"
/// and the stack frames, which mean nothing to a user of this library.</summary>
internal static class LibtorchError
{
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
