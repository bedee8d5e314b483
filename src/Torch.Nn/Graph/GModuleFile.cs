namespace Torch.Nn.Internal;

/// <summary>
/// <c>nn.gModule</c> in .t7 files, in nngraph's own layout, so that files go both ways between Torch7 and this library.
/// Torch7 keeps a gModule as two graphs of <c>nngraph.Node</c>s sharing one data table per node: <c>bg</c> (each node
/// pointing at its inputs, from the dummy <c>outnode</c>) and <c>fg</c> (its reverse, from the dummy <c>innode</c>), each
/// with its topological order (<c>backwardnodes</c>, <c>forwardnodes</c>). A data table holds the node's <c>module</c>, its
/// inputs in order (<c>mapindex</c>), its consumers (<c>reverseMap</c>) and <c>annotations</c>; a <c>split(n)</c> is a
/// module-less node with <c>nSplitOutputs</c> followed by n nodes with a <c>selectindex</c>, and several graph inputs
/// are a split of the innode. Reading needs only <c>forwardnodes</c>, <c>innode</c> and <c>outnode</c>; writing builds
/// everything as nngraph's constructor and torch/graph's Graph:add, bfs, reverse and topsort would.
/// </summary>
internal static class GModuleFile
{
    internal static void Register()
    {
        TorchClasses.AddReader(name => name == "nn.gModule" ? Read : null);
        TorchClasses.AddWrapper(GraphObject.Reader); // nodes and edges refer to each other: made before their fields are read
        TorchClasses.AddWriter(typeof(GraphObject), o => ((GraphObject)o).ClassName, o => ((GraphObject)o).Fields);
        TorchClasses.AddWriter(typeof(GModule), _ => "nn.gModule", o => Write((GModule)o));
    }

    static InvalidDataException Bad(string what) => new($"torch.Load: nn.gModule: {what}");

    static Table DataOf(LuaValue node, string what) => node.Object is GraphObject g ? g.Data
        : throw Bad($"expected {what} to be an nngraph.Node, got {node.Describe()}");

    static List<Table> Inputs(Table data) => (data["mapindex"].Object as Table ?? throw Bad("a node has no mapindex"))
        .IPairs().Select(p => p.Object as Table ?? throw Bad($"a mapindex entry is {p.Describe()}, not a node's data")).ToList();

    static GModule Read(Table fields)
    {
        var inData = DataOf(fields["innode"], "innode");
        var outData = DataOf(fields["outnode"], "outnode");
        var forward = fields["forwardnodes"].Object as Table ?? throw Bad($"forwardnodes is {fields["forwardnodes"].Describe()}");
        var nodes = new Dictionary<Table, Node>(ReferenceEqualityComparer.Instance);
        var splits = new Dictionary<Table, Node[]>(ReferenceEqualityComparer.Instance);   // a split's data -> its select nodes
        var feeders = new Dictionary<Table, int>(ReferenceEqualityComparer.Instance);     // the innode's select nodes -> input index
        var inputs = new SortedDictionary<int, Node>();
        Table? inSplit = null;
        Node Known(Table d) => nodes.TryGetValue(d, out var n) ? n : throw Bad("a node comes before one of its inputs in forwardnodes");
        foreach (var fn in forward.IPairs())
        {
            var d = DataOf(fn, "each of forwardnodes");
            if (ReferenceEquals(d, inData) || ReferenceEquals(d, outData)) continue;
            var from = Inputs(d);
            var module = d["module"].IsNil ? null : d["module"].Object as Module ?? throw Bad($"a node's module is {d["module"].Describe()}");
            if (d["selectindex"].Object is double select)
            {
                if (from.Count != 1) throw Bad("a select node must have one input");
                if (ReferenceEquals(from[0], inSplit)) feeders[d] = (int)select;
                else if (splits.TryGetValue(from[0], out var parts) && select >= 1 && select <= parts.Length)
                    Annotate(nodes[d] = parts[(int)select - 1], d);
                else throw Bad($"select node {select} does not follow a split");
                continue;
            }
            if (module is null && d["nSplitOutputs"].Object is double n)
            {
                if (from.Count != 1) throw Bad("a split node must have one input");
                if (ReferenceEquals(from[0], inData)) inSplit = d;
                else splits[d] = Known(from[0]).Split((int)n);
                continue;
            }
            int input = 0;
            var parents = new List<Node>();
            foreach (var p in from)
                if (ReferenceEquals(p, inData)) input = 1;
                else if (feeders.TryGetValue(p, out int i)) input = i;
                else parents.Add(Known(p));
            // a node without a module passes its input on, as nngraph's does
            var node = (module ?? new Identity()).Call(parents.ToArray());
            if (input > 0) inputs[input] = node;
            Annotate(nodes[d] = node, d);
        }
        var g = new GModule(inputs.Values.ToArray(), Inputs(outData).Select(Known).ToArray());
        if (fields["train"].Object is bool train) g.Train = train;
        g.Name = fields["name"].Object as string;
        return g;
    }

    static void Annotate(Node node, Table data)
    {
        if (data["annotations"].Object is not Table a) return;
        var attributes = (a["graphAttributes"].Object as Table)?.Keyed
            .Where(kv => kv.Key.Object is string && kv.Value.Object is string)
            .Select(kv => ((string)kv.Key.Object!, (string)kv.Value.Object!)).ToArray() ?? Array.Empty<(string, string)>();
        node.Annotate(a["name"].Object as string, a["description"].Object as string, attributes);
    }

    internal static Table Write(GModule g)
    {
        var t = Writing.Write(g); // the container's own fields; the graph's are added below
        var bg = new Dictionary<Node, GraphObject>();
        var splitOf = new Dictionary<Node, GraphObject>();
        var innode = GraphObject.NewNode(NewData(("input", new Table())));
        var feeders = g.Inputs.Count == 1 ? new[] { innode } : SplitNodes(innode, g.Inputs.Count);
        foreach (var n in g.Nodes)
        {
            if (n.Module is null)
            {
                var parent = n.Parents[0];
                if (!splitOf.TryGetValue(parent, out var mnode))
                    Connect(splitOf[parent] = mnode = GraphObject.NewNode(NewData(("nSplitOutputs", parent.SplitCount))), bg[parent]);
                Connect(bg[n] = GraphObject.NewNode(NewData(("selectindex", n.SelectIndex), ("input", new Table()))), mnode);
            }
            else
            {
                bg[n] = GraphObject.NewNode(NewData(("module", new LuaValue(n.Module))));
                foreach (var p in n.Parents) Connect(bg[n], bg[p]);
            }
            int input = IndexOf(g.Inputs, n);
            if (input >= 0) Connect(bg[n], feeders[input]);
            var annotations = (Table)bg[n].Data["annotations"];
            if (n.Name is not null) annotations["name"] = n.Name;
            if (n.Description is not null) annotations["description"] = n.Description;
            if (n.GraphAttributes.Count > 0)
            {
                var attributes = new Table();
                foreach (var (k, v) in n.GraphAttributes) attributes[k] = v;
                annotations["graphAttributes"] = attributes;
            }
        }
        var outnode = GraphObject.NewNode(NewData(("input", new Table())));
        foreach (var o in g.Outputs) Connect(outnode, bg[o]);

        var bgEdges = BreadthFirstEdges(outnode);
        var fgOf = new Dictionary<GraphObject, GraphObject>(ReferenceEqualityComparer.Instance);
        GraphObject Fg(GraphObject b) => fgOf.TryGetValue(b, out var f) ? f : fgOf[b] = GraphObject.NewNode(b.Data);
        var fgEdges = bgEdges.Select(e => (From: Fg(e.To), To: Fg(e.From))).ToList();   // Graph:reverse
        t["bg"] = new LuaValue(Graph(bgEdges));
        t["fg"] = new LuaValue(Graph(fgEdges));
        var forwardnodes = TopologicalSort(fgEdges);
        foreach (var f in forwardnodes) f.Data["forwardNodeId"] = f.Fields["id"];
        t["forwardnodes"] = new Table(forwardnodes.Select(f => new LuaValue(f)).ToArray());
        t["backwardnodes"] = new Table(TopologicalSort(bgEdges).Select(b => new LuaValue(b)).ToArray());
        t["innode"] = new LuaValue(Fg(innode));
        t["outnode"] = new LuaValue(outnode);
        t["nInputs"] = g.Inputs.Count;
        t["verbose"] = false;
        return t;
    }

    static int IndexOf(IReadOnlyList<Node> list, Node n)
    {
        for (int i = 0; i < list.Count; i++) if (ReferenceEquals(list[i], n)) return i;
        return -1;
    }

    static Table NewData(params (string Key, LuaValue Value)[] entries)
    {
        var d = new Table { ["mapindex"] = new Table(), ["reverseMap"] = new Table(), ["annotations"] = new Table() };
        foreach (var (k, v) in entries) d[k] = v;
        return d;
    }

    /// <summary>nngraph.Node:add(input, true): the consumer points at its input and records its place in mapindex.</summary>
    static void Connect(GraphObject consumer, GraphObject input)
    {
        consumer.AddChild(input);
        var mapindex = (Table)consumer.Data["mapindex"];
        mapindex.Insert(input.Data);
        mapindex[input.Data] = mapindex.Length;
        ((Table)input.Data["reverseMap"])[new LuaValue(consumer)] = true;
    }

    /// <summary>nngraph.Node:split(n) on <paramref name="node"/>: its n select nodes.</summary>
    static GraphObject[] SplitNodes(GraphObject node, int n)
    {
        var mnode = GraphObject.NewNode(NewData(("nSplitOutputs", n)));
        Connect(mnode, node);
        return Enumerable.Range(1, n).Select(i =>
        {
            var s = GraphObject.NewNode(NewData(("selectindex", i), ("input", new Table())));
            Connect(s, mnode);
            return s;
        }).ToArray();
    }

    /// <summary>The edges graph.Node:graph() adds, in its breadth-first order.</summary>
    static List<(GraphObject From, GraphObject To)> BreadthFirstEdges(GraphObject root)
    {
        var edges = new List<(GraphObject, GraphObject)>();
        var marked = new HashSet<GraphObject>(ReferenceEqualityComparer.Instance) { root };
        var queue = new Queue<GraphObject>(new[] { root });
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var child in node.Children)
            {
                edges.Add((node, child));
                if (marked.Add(child)) queue.Enqueue(child);
            }
        }
        return edges;
    }

    /// <summary>graph.Graph with these edges, as Graph:add builds it (nodes and edges indexed both ways, ids set).</summary>
    static GraphObject Graph(List<(GraphObject From, GraphObject To)> edges)
    {
        var nodes = new Table();
        var list = new Table();
        foreach (var (from, to) in edges)
        {
            var e = new LuaValue(new GraphObject("graph.Edge", new Table { ["from"] = new LuaValue(from), ["to"] = new LuaValue(to) }));
            list.Insert(e);
            list[e] = list.Length;
            foreach (var n in new[] { from, to })
                if (nodes[new LuaValue(n)].IsNil)
                {
                    nodes.Insert(new LuaValue(n));
                    nodes[new LuaValue(n)] = nodes.Length;
                }
            from.AddChild(to);
            from.Fields["id"] = nodes[new LuaValue(from)];
            to.Fields["id"] = nodes[new LuaValue(to)];
        }
        return new GraphObject("graph.Graph", new Table { ["nodes"] = nodes, ["edges"] = list });
    }

    /// <summary>Graph:topsort: a depth-first walk, from the nodes nothing leaves, over the reversed edges; each node is
    /// listed after every node it points to.</summary>
    static List<GraphObject> TopologicalSort(List<(GraphObject From, GraphObject To)> edges)
    {
        var into = new Dictionary<GraphObject, List<GraphObject>>(ReferenceEqualityComparer.Instance);
        var order = new List<GraphObject>();
        var seen = new HashSet<GraphObject>(ReferenceEqualityComparer.Instance);
        foreach (var (from, to) in edges)
        {
            if (!into.TryGetValue(to, out var l)) into[to] = l = new();
            l.Add(from);
            foreach (var n in new[] { to, from }) if (seen.Add(n)) order.Add(n); // reversed graph's node order
        }
        var sorted = new List<GraphObject>();
        var visited = new HashSet<GraphObject>(ReferenceEqualityComparer.Instance);
        void Visit(GraphObject n)
        {
            if (!visited.Add(n)) return;
            if (into.TryGetValue(n, out var l)) foreach (var m in l) Visit(m);
            sorted.Add(n);
        }
        var pointing = edges.Select(e => e.From).ToHashSet();
        foreach (var root in order.Where(n => !pointing.Contains(n))) Visit(root);
        return sorted;
    }
}
