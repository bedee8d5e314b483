namespace Torch.Nn.Internal;

/// <summary>
/// An object of torch/graph's and nngraph's file classes (<c>graph.Graph</c>, <c>graph.Edge</c>, <c>graph.Node</c>,
/// <c>nngraph.Node</c>) as a .t7 file holds it: its class name and its Lua fields. Only <see cref="GModuleFile"/> reads
/// and builds them; in memory a gModule is made of <see cref="Node"/>s.
/// </summary>
internal sealed class GraphObject
{
    internal string ClassName { get; }
    internal Table Fields { get; }

    internal GraphObject(string className, Table fields) => (ClassName, Fields) = (className, fields);

    /// <summary>A new <c>nngraph.Node</c> around <paramref name="data"/>, as graph.Node's constructor makes it.</summary>
    internal static GraphObject NewNode(Table data) => new("nngraph.Node", new Table
    {
        ["data"] = data, ["id"] = 0, ["children"] = new Table(), ["visited"] = false, ["marked"] = false,
    });

    internal Table Data => Fields["data"].Object as Table
        ?? throw new InvalidDataException($"torch.Load: expected an {ClassName} with a data table, got {Fields["data"].Describe()}");

    internal IEnumerable<GraphObject> Children => ((Table)Fields["children"]).IPairs().Select(c => (GraphObject)c.Object!);

    /// <summary>graph.Node:add: appends a child once, indexing it by itself as Lua does.</summary>
    internal void AddChild(GraphObject child)
    {
        var children = (Table)Fields["children"];
        if (!children[new LuaValue(child)].IsNil) return;
        children.Insert(new LuaValue(child));
        children[new LuaValue(child)] = children.Length;
    }

    /// <summary>Its class name (its fields can be cyclic). Example: <c>node.ToString() == "nngraph.Node"</c>.</summary>
    public override string ToString() => ClassName;

    /// <summary>The reader for the four classes (null for any other name).</summary>
    internal static Func<Table, object>? Reader(string luaName) =>
        luaName is "graph.Graph" or "graph.Edge" or "graph.Node" or "nngraph.Node" ? fields => new GraphObject(luaName, fields) : null;
}
