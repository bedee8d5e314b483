namespace Torch.Fuzz;

/// <summary>A kind of fuzz case: one case from its seed; returns a note on success ("loaded ...", "refused ...") and throws
/// <see cref="Finding"/> for what must never happen (a value changed silently, an error that names nothing).</summary>
interface ICases
{
    string Run(int seed, bool verbose);
}

/// <summary>What a case found: <paramref name="category"/> is "silent" (a value changed without an error) or "error"
/// (an exception of the wrong type, or a message that is libtorch's C++ text or names nothing).</summary>
sealed class Finding(string category, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Category { get; } = category;
}
