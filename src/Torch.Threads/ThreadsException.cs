namespace Torch.Threads;

/// <summary>An error raised in a worker's job, an init function or an end callback; the message names the thread.
/// Example: <c>catch (ThreadsException e) { Console.WriteLine(e.Message); }</c></summary>
public sealed class ThreadsException : Exception
{
    /// <summary>Creates the exception. Example: <c>new ThreadsException("[thread 1 callback] boom")</c>.</summary>
    public ThreadsException(string message, Exception? inner = null) : base(message, inner) { }
}
