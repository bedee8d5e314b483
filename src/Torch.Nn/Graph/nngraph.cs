namespace Torch.Nn;

/// <summary>
/// Lua's <c>nngraph</c> package table: the debug switch and the package's own small modules.
/// </summary>
/// <remarks>Example: <c>nngraph.SetDebug(true); // a failing node now names itself and draws the graph with it in red</c></remarks>
public static class nngraph
{
    static volatile bool debug;

    /// <summary>
    /// Lua's <c>nngraph.setDebug</c>: when a node of any gModule fails in forward or backward, the graph is written as a
    /// .dot file (and an .svg when Graphviz's <c>dot</c> is installed) with that node filled red, named after
    /// <see cref="GModule.Name"/> (else "nngraph_{n}in_{m}out", in the working directory); the exception gives its path.
    /// <see cref="GModule.Debug"/> switches one gModule alone. Example: <c>nngraph.SetDebug(true);</c>
    /// </summary>
    public static void SetDebug(bool enable) => debug = enable;

    /// <summary>Whether debug mode is on for every gModule. Example: <c>bool on = nngraph.IsDebug;</c></summary>
    public static bool IsDebug => debug;

    /// <summary>A new <see cref="Torch.Nn.JustTable"/> (Lua's <c>nngraph.JustTable</c>). Example: <c>var m = nngraph.JustTable();</c></summary>
    public static JustTable JustTable() => new();

    /// <summary>A new <see cref="Torch.Nn.JustElement"/> (Lua's <c>nngraph.JustElement</c>). Example: <c>var m = nngraph.JustElement();</c></summary>
    public static JustElement JustElement() => new();
}
