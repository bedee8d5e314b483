namespace Torch.Nn;

/// <summary>nngraph's call syntax: <c>module.Call(parents...)</c> is Lua's <c>module(parents)</c>.</summary>
public static class NodeCalls
{
    /// <summary>
    /// A graph node running <paramref name="module"/> on the outputs of <paramref name="parents"/> (one parent: its output;
    /// several: a table of their outputs, in order). No parents makes an input node, as Lua's <c>nn.Identity()()</c>.
    /// Example: <c>var h = nn.Linear(20, 10).Call(input);</c>
    /// </summary>
    public static Node Call(this Module module, params Node[] parents)
    {
        ArgumentNullException.ThrowIfNull(module);
        foreach (var p in parents)
            if (p is null) throw new ArgumentNullException(nameof(parents), $"{module}.Call: a parent node is null");
        if (parents.Distinct().Count() != parents.Length)
            throw new ArgumentException($"{module}.Call: the same node is given twice");
        return new Node(module, parents);
    }
}
