namespace Torch.Optim;

/// <summary>
/// Lua's <c>optim</c> package: optimisation algorithms that minimise any <c>f(x)</c> given a function
/// <c>feval(x)</c> returning <c>(f(x), df/dx)</c>. Each algorithm updates <c>x</c> in place and returns it with the
/// table of function values Lua returns; its config object (Lua's config table, which is also the state unless a
/// separate state is passed as the last argument) keeps the algorithm's state between calls, so reuse it.
/// </summary>
/// <remarks>Example: <c>var cfg = new SgdConfig { LearningRate = 0.01 }; var (x1, fx) = optim.Sgd(Feval, x, cfg);</c></remarks>
public static partial class optim
{
    /// <summary>Lua's <c>optim.Logger(filename[, timestamp])</c>: a new <see cref="Torch.Optim.Logger"/>.
    /// Example: <c>var log = optim.Logger("train.log");</c></summary>
    /// <param name="filename">The log file, or null for standard output.</param>
    /// <param name="timestamp">Append a timestamp to the file name.</param>
    public static Torch.Optim.Logger Logger(string? filename = null, bool timestamp = false) => new(filename, timestamp);

    /// <summary>Lua's <c>optim.ConfusionMatrix(nclasses[, classes])</c>. Example: <c>var cm = optim.ConfusionMatrix(10);</c></summary>
    /// <param name="nclasses">Number of classes.</param>
    /// <param name="classes">Optional class names.</param>
    public static Torch.Optim.ConfusionMatrix ConfusionMatrix(int nclasses, IReadOnlyList<string>? classes = null) => new(nclasses, classes);

    /// <summary>Lua's <c>optim.ConfusionMatrix(classes)</c>: one class per name. Example: <c>var cm = optim.ConfusionMatrix(new[] { "cat", "dog" });</c></summary>
    /// <param name="classes">The class names.</param>
    public static Torch.Optim.ConfusionMatrix ConfusionMatrix(IReadOnlyList<string> classes) => new(classes);
}
