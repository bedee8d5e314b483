namespace Torch.Nn.Internal;

/// <summary>Torch7's rethrowErrors: an error inside a container gains the path "In i module of nn.X:".</summary>
internal static class NnError
{
    internal static Exception InModule(Exception e, int index, Module container)
    {
        string msg = $"In {index} module of {container.TypeName}:\n{e.Message}";
        return e switch
        {
            ArgumentException => new ArgumentException(msg, e),
            IndexOutOfRangeException => new IndexOutOfRangeException(msg, e),
            InvalidCastException => new InvalidCastException(msg, e),
            NotSupportedException => new NotSupportedException(msg, e),
            _ => new InvalidOperationException(msg, e),
        };
    }
}
