using System.Runtime.InteropServices;
using Torch.Native;

namespace Torch.Nn.Internal;

/// <summary>The errors a module's own code raises, as a user should see them (see docs/decisions.md, "nil fields").</summary>
internal static class NnError
{
    /// <summary>Torch7's rethrowErrors: an error inside a container gains the path "In i module of nn.X:".</summary>
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

    /// <summary>
    /// The one translation of what escapes the code of <paramref name="owner"/>, a module or criterion, given
    /// <paramref name="what"/> (e.g. "the input torch.DoubleTensor of size 3"): libtorch's refusal becomes an
    /// ArgumentException with libtorch's first line (no C++ frames); a NullReferenceException, which a nil field is the only
    /// source of there (a module loaded from a file that lacks a tensor its class needs, as Torch7 loads it, or a field set to
    /// null), becomes Lua's "attempt to index a nil value" naming the nil fields. Anything else, or a null reference with no nil
    /// field (a bug of the library), gives null: the error goes on unchanged. The original is kept as InnerException.
    /// Example: <c>catch (Exception e) when (NnError.Translate(e, this, "the input") is { } t) { throw t; }</c>
    /// </summary>
    internal static Exception? Translate(Exception e, object owner, string what) => e switch
    {
        ExternalException => new ArgumentException($"{Name(owner)}: libtorch refused {what}: {LibtorchError.FirstLine(e)}", e),
        NullReferenceException when NilFields.Of(owner) is { Count: > 0 } nils => new InvalidOperationException(
            $"{Name(owner)}: a nil field was reached with {what} (nil here: {string.Join(", ", nils)}); a module loaded from a " +
            "file that lacks a field it needs fails so in Torch7 too (\"attempt to index a nil value\")", e),
        _ => null,
    };

    /// <summary>A module as errors name it: its text (sizes included), or only its class for a container, whose text is its tree.</summary>
    static string Name(object o) => o switch { Container c => c.TypeName, Criterion c => c.TypeName, _ => o.ToString()! };
}
