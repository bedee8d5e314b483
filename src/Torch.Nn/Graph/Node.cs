namespace Torch.Nn;

/// <summary>
/// nngraph's node: a module applied to the outputs of parent nodes (Lua's <c>nn.Linear(10, 5)(h)</c>, written
/// <c>nn.Linear(10, 5).Call(h)</c>). A node without parents is a graph input. Nodes are wired into a
/// <see cref="GModule"/>.
/// </summary>
/// <remarks>Example: <c>var x = nn.Identity().Call(); var h = nn.Tanh().Call(nn.Linear(20, 10).Call(x));</c></remarks>
public sealed class Node
{
    static int counter;

    /// <summary>The module this node runs; null for a node made by <see cref="Split"/> (it picks one element of its parent's table).</summary>
    public Module? Module { get; }

    /// <summary>The parents, in the order they were given (their outputs form this node's input). Example: <c>node.Parents.Count</c>.</summary>
    public IReadOnlyList<Node> Parents => parents;

    /// <summary>For a node made by <see cref="Split"/>: the 1-based element of the parent's output it selects, else 0.</summary>
    public int SelectIndex { get; }

    /// <summary>A name for graph pictures and error messages (Lua's <c>annotate{name=...}</c>). Example: <c>node.Name</c>.</summary>
    public string? Name { get; private set; }

    /// <summary>A description shown in graph pictures (Lua's <c>annotate{description=...}</c>).</summary>
    public string? Description { get; private set; }

    /// <summary>Extra Graphviz attributes for this node (Lua's <c>graphAttributes</c>), e.g. color="red".</summary>
    public IReadOnlyDictionary<string, string> GraphAttributes => attributes;

    /// <summary>A process-wide creation number (Lua's node id), used in pictures. Example: <c>node.Id</c>.</summary>
    public int Id { get; }

    readonly List<Node> parents;
    readonly Dictionary<string, string> attributes = new();
    int splits;

    internal Node(Module? module, IEnumerable<Node> parents, int selectIndex = 0)
    {
        Module = module;
        this.parents = parents.ToList();
        SelectIndex = selectIndex;
        Id = Interlocked.Increment(ref counter);
    }

    /// <summary>A copy of <paramref name="n"/> (same id, name, description, attributes and split count, as Lua's clone
    /// keeps them) running <paramref name="module"/> on <paramref name="parents"/>.</summary>
    internal Node(Node n, Module? module, IEnumerable<Node> parents) : this(module, parents, n.SelectIndex)
    {
        Id = n.Id;
        (Name, Description, splits) = (n.Name, n.Description, n.splits);
        foreach (var (k, v) in n.attributes) attributes[k] = v;
    }

    /// <summary>
    /// <paramref name="n"/> nodes, the i-th selecting element i of this node's output table (Lua's <c>node:split(n)</c>).
    /// Example: <c>Node[] parts = nn.SplitTable(1).Call(x).Split(2);</c>
    /// </summary>
    public Node[] Split(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"Node.Split: expected at least 1 output, got {n}");
        if (splits > 0) throw new InvalidOperationException($"Node.Split: {this} was already split");
        splits = n;
        return Enumerable.Range(1, n).Select(i => new Node(null, new[] { this }, i)).ToArray();
    }

    /// <summary>How many nodes <see cref="Split"/> made from this one (0 when not split).</summary>
    internal int SplitCount => splits;

    /// <summary>Names and describes the node for pictures and errors (Lua's <c>node:annotate{...}</c>); returns it.
    /// Example: <c>h.Annotate("hidden", "first layer", ("color", "red"));</c></summary>
    public Node Annotate(string? name = null, string? description = null, params (string Key, string Value)[] graphAttributes)
    {
        if (name is not null) Name = name;
        if (description is not null) Description = description;
        foreach (var (k, v) in graphAttributes) attributes[k] = v;
        return this;
    }

    /// <summary>The node's name, else its module's text, else "select i". Example: <c>node.ToString()</c>.</summary>
    public override string ToString() => Name ?? (Module is null ? $"select {SelectIndex}" : Module.ToString());
}
