using System.Runtime.ExceptionServices;

namespace Torch;

/// <summary>
/// Runs the recursive .t7 reader and writer on a thread of their own with a stack that holds
/// <see cref="T7Reader.MaxDepth"/> nested objects, whatever the caller's stack (a worker thread's is 1.5 MB): a deep file is
/// read or refused with an error, never a stack overflow, which no .NET code can catch.
/// </summary>
internal static class DeepStack
{
    const int StackBytes = 256 << 20; // reserved, not committed: pages are used only as deep as the nesting goes

    public static T Run<T>(Func<T> f)
    {
        T result = default!;
        ExceptionDispatchInfo? error = null;
        var t = new Thread(() =>
        {
            try { result = f(); }
            catch (Exception e) { error = ExceptionDispatchInfo.Capture(e); }
        }, StackBytes) { Name = "torch-file", IsBackground = true };
        t.Start();
        t.Join();
        error?.Throw();
        return result;
    }
}
