using System.Text;
using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>
/// nngraph's <c>nn.gModule(inputs, outputs)</c>: a module made of a graph of <see cref="Node"/>s. Several inputs or
/// outputs mean a table input or output; gradients reaching a node from several consumers are summed.
/// </summary>
/// <remarks>
/// Example:
/// <c>var x = nn.Identity().Call(); var y = nn.Linear(10, 1).Call(nn.Tanh().Call(nn.Linear(20, 10).Call(x)));
/// var mlp = nn.GModule(new[] { x }, new[] { y }); Tensor o = mlp.Forward(torch.Tensor(20).Uniform());</c>
/// </remarks>
public class GModule : Container
{
    // the graph; a clone gets its own copy of all of it (OwnGraph)
    Node[] inputs, outputs;
    List<Node> order; // every node, parents before children
    Dictionary<Node, LuaValue> nodeInput = new(), nodeOutput = new(), nodeGradOutput = new();
    Dictionary<Node, LuaValue> gradSum = new(); // nngraph's gradOutputBuffer: where gradients meeting at a node are summed

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("name", ref Name);
        m.State(ref Debug);
        switch (m)
        {
            case Walk w: OwnGraph(w.Map, w.Copies); break; // clone and type reach the nodes through the graph's own hook
            case Reading: throw new InvalidOperationException($"{TypeName}: a graph is read from nngraph's layout (GModuleFile), not field by field");
        }
    }

    /// <summary>Builds the graph from its input and output nodes; throws when a node does not connect them.
    /// Example: <c>var g = new GModule(new[] { x }, new[] { y });</c></summary>
    public GModule(Node[] inputs, Node[] outputs)
    {
        if (inputs.Length == 0) throw new ArgumentException("nn.gModule: expected at least one input node");
        if (outputs.Length == 0) throw new ArgumentException("nn.gModule: expected at least one output node");
        this.inputs = inputs;
        this.outputs = outputs;
        order = TopologicalOrder(outputs);
        foreach (var n in inputs)
            if (!order.Contains(n))
                throw new ArgumentException($"nn.gModule: input node {Describe(n)} does not connect to a gmodule output");
        foreach (var n in order)
        {
            if (n.Parents.Count == 0 && !inputs.Contains(n))
                throw new ArgumentException($"nn.gModule: node {Describe(n)} has no parents and is not among the inputs");
            if (inputs.Contains(n) && n.Parents.Count > 0)
                throw new ArgumentException($"nn.gModule: input node {Describe(n)} has parents");
            if (n.SplitCount > 0)
                foreach (int i in Enumerable.Range(1, n.SplitCount))
                    if (!order.Any(c => c.Module is null && c.SelectIndex == i && c.Parents[0] == n))
                        throw new ArgumentException($"nn.gModule: split output {i} of {Describe(n)} is unused");
        }
        Modules = order.Where(n => n.Module is not null).Select(n => n.Module!).Distinct().ToList();
    }

    /// <summary>Every node, parents before children (Lua's <c>forwardnodes</c> without nngraph's two dummy nodes).
    /// Example: <c>foreach (var n in g.Nodes) Console.WriteLine(n);</c></summary>
    public IReadOnlyList<Node> Nodes => order;

    internal IReadOnlyList<Node> Inputs => inputs;
    internal IReadOnlyList<Node> Outputs => outputs;

    /// <summary>
    /// Called by the copier on a fresh field-wise copy (<paramref name="copy"/>) or on a module converted in place: a copy
    /// gets new nodes running the copied modules, new arrays and new buffers (<paramref name="map"/> gives the copy of any
    /// module or value); a conversion converts the buffers and keeps the nodes.
    /// </summary>
    internal void OwnGraph(Func<object?, object?> map, bool copy)
    {
        var nodes = new Dictionary<Node, Node>();
        Node Of(Node n) => !copy ? n : nodes.TryGetValue(n, out var c) ? c
            : nodes[n] = new Node(n, (Module?)map(n.Module), n.Parents.Select(Of));
        Dictionary<Node, LuaValue> Buffers(Dictionary<Node, LuaValue> d) =>
            d.ToDictionary(kv => Of(kv.Key), kv => (LuaValue)map(kv.Value)!);
        order = order.Select(Of).ToList();
        (inputs, outputs) = (inputs.Select(Of).ToArray(), outputs.Select(Of).ToArray());
        (nodeInput, nodeOutput, nodeGradOutput) = (Buffers(nodeInput), Buffers(nodeOutput), Buffers(nodeGradOutput));
        gradSum = Buffers(gradSum);
    }

    static string Describe(Node n) => $"Node{n.Id} ({n})";

    static List<Node> TopologicalOrder(Node[] outputs)
    {
        var result = new List<Node>();
        var state = new Dictionary<Node, bool>(); // false: on the stack, true: done
        void Visit(Node n)
        {
            if (state.TryGetValue(n, out bool done))
            {
                if (!done) throw new ArgumentException($"nn.gModule: the graph has a cycle through {Describe(n)}");
                return;
            }
            state[n] = false;
            foreach (var p in n.Parents) Visit(p);
            state[n] = true;
            result.Add(n);
        }
        foreach (var o in outputs) Visit(o);
        return result;
    }

    /// <summary>Graph modules are wired by nodes, not added. Example: none (throws).</summary>
    public override Container Add(Module module) =>
        throw new InvalidOperationException("nn.gModule: modules are added by calling them on nodes, not with Add");

    /// <summary>Lua has Insert only on Sequential: a graph's modules run where their nodes are. Example: none (throws).</summary>
    public override Container Insert(Module module, int? index = null) =>
        throw new InvalidOperationException("nn.gModule: modules are inserted by wiring nodes, not with Insert");

    /// <summary>Lua has Remove only on Sequential: a graph's modules run where their nodes are. Example: none (throws).</summary>
    public override Module Remove(int? index = null) =>
        throw new InvalidOperationException("nn.gModule: modules are removed by rewiring nodes, not with Remove");

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        nodeInput.Clear();
        nodeOutput.Clear();
        for (int i = 0; i < inputs.Length; i++) nodeInput[inputs[i]] = InputFor(input, i);
        foreach (var n in order)
        {
            if (!inputs.Contains(n)) nodeInput[n] = Gather(n);
            nodeOutput[n] = n.Module is null
                ? Element(nodeOutput[n.Parents[0]], n.SelectIndex, n)
                : Run(n, m => m.Run(nodeInput[n]));
        }
        Output = outputs.Length == 1 ? nodeOutput[outputs[0]] : new Table(outputs.Select(o => nodeOutput[o]).ToArray());
        return Output;
    }

    LuaValue InputFor(LuaValue input, int i)
    {
        if (inputs.Length == 1) return input;
        if (input.Object is not Table t || t.Length != inputs.Length)
            throw new ArgumentException($"nn.gModule: expected a table of {inputs.Length} inputs, got {input.Describe()}" +
                                        (input.Object is Table tb ? $" of {tb.Length}" : ""));
        return t[i + 1];
    }

    LuaValue Gather(Node n) => n.Parents.Count == 1
        ? nodeOutput[n.Parents[0]]
        : new Table(n.Parents.Select(p => nodeOutput[p]).ToArray());

    static LuaValue Element(LuaValue v, int i, Node n)
    {
        if (v.Object is Table t && i <= t.Length) return t[i];
        throw new ArgumentException($"nn.gModule: {Describe(n)} selects element {i} of {v.Describe()}");
    }

    /// <summary>Runs a node's module; an error names the node, its module and the sizes it got, and in debug mode
    /// (<see cref="nngraph.SetDebug"/>, <see cref="Debug"/>) gives the path of the graph drawn with the node in red.</summary>
    T Run<T>(Node n, Func<Module, T> f)
    {
        try { return f(n.Module!); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            string picture = Debug ?? nngraph.IsDebug ? "; " + DrawFailure(n) : "";
            throw new InvalidOperationException(
                $"nn.gModule: in {Describe(n)} given {Sizes(nodeInput.GetValueOrDefault(n))}: {e.Message}{picture}", e);
        }
    }

    static string Sizes(LuaValue v) => v.Object switch
    {
        Tensor t => $"{t.Type()} of size {t.SizeString()}",
        Table tb => "{" + string.Join(", ", tb.IPairs().Select(Sizes)) + "}",
        _ => v.Describe(),
    };

    /// <summary>Writes the graph with <paramref name="failed"/> filled red, as nngraph's debug mode does; says where.</summary>
    string DrawFailure(Node failed)
    {
        string prefix = Name ?? $"nngraph_{inputs.Length}in_{outputs.Length}out";
        if (File.Exists(prefix + ".svg") || File.Exists(prefix + ".dot")) prefix += "_" + Path.GetFileNameWithoutExtension(Path.GetRandomFileName());
        string dot = Path.GetFullPath(prefix + ".dot"), svg = Path.GetFullPath(prefix + ".svg");
        string text = ToDot(Path.GetFileName(prefix), failed);
        File.WriteAllText(dot, text);
        return Graphviz.Svg(text, svg) is { } missing
            ? $"the graph with this node in red is in {dot} ({missing}; then: dot -Tsvg -o \"{svg}\" \"{dot}\")"
            : $"the graph with this node in red is in {svg} (and {dot})";
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        nodeGradOutput.Clear();
        var pending = new Dictionary<Node, LuaValue>();
        var owned = new HashSet<Node>(); // nodes whose pending gradient is a sum made here (the others hold a module's buffer)
        for (int i = 0; i < outputs.Length; i++)
            Accumulate(pending, owned, outputs[i], outputs.Length == 1 ? gradOutput : Element(gradOutput, i + 1, outputs[i]));
        for (int k = order.Count - 1; k >= 0; k--)
        {
            var n = order[k];
            if (!pending.TryGetValue(n, out var g))
                throw new InvalidOperationException($"nn.gModule: no gradient reached {Describe(n)}");
            nodeGradOutput[n] = g;
            if (n.Module is null)
            {
                // a split node: its gradient is element SelectIndex of its parent's gradient table
                var parent = n.Parents[0];
                var table = !pending.TryGetValue(parent, out var pg) ? new Table()
                    : owned.Contains(parent) && pg.Object is Table pt ? pt : Shallow(pg, parent);
                table[n.SelectIndex] = g; // by reference, as nngraph's split node passes it
                pending[parent] = table;
                owned.Add(parent);
                continue;
            }
            var gradIn = Run(n, m => m.UpdateGradInput(nodeInput[n], g));
            if (n.Parents.Count == 1) Accumulate(pending, owned, n.Parents[0], gradIn);
            else
                for (int j = 0; j < n.Parents.Count; j++)
                    Accumulate(pending, owned, n.Parents[j], Element(gradIn, j + 1, n));
        }
        GradInput = inputs.Length == 1 ? GradOf(inputs[0]) : new Table(inputs.Select(GradOf).ToArray());
        return GradInput;
    }

    LuaValue GradOf(Node input) => input.Module!.GradInput;

    /// <summary>Adds a gradient contribution. As in nngraph, a node reached by one gradient gets that very tensor (a module's
    /// gradInput buffer, never written here); a second contribution is summed in the node's own buffer, kept between calls (nngraph's
    /// gradOutputBuffer: the first gradient copied, the others added), which later ones are added into.</summary>
    void Accumulate(Dictionary<Node, LuaValue> pending, HashSet<Node> owned, Node n, LuaValue g)
    {
        if (!pending.TryGetValue(n, out var sum)) { pending[n] = g; return; }
        bool mine = !owned.Add(n);
        pending[n] = sum.Object is Tensor ta && g.Object is Tensor tb ? Loops.Sum(mine ? ta : SumBuffer(n, ta), ta, tb)
            : Sum(mine ? sum : Shallow(sum, n), g, n);
    }

    /// <summary>The node's sum buffer, of the size of <paramref name="first"/> (which the sum then copies in).</summary>
    Tensor SumBuffer(Node n, Tensor first)
    {
        if (gradSum.GetValueOrDefault(n).Object is not Tensor b || b.ScalarType != first.ScalarType || b.IsCuda != first.IsCuda)
            gradSum[n] = b = first.New();
        return b.ResizeAs(first);
    }

    /// <summary>A new table holding the elements of the table <paramref name="v"/> (which stay shared).</summary>
    static Table Shallow(LuaValue v, Node n) => v.Object is Table t ? new Table(t.IPairs().ToArray())
        : throw new InvalidOperationException($"nn.gModule: cannot sum gradients {v.Describe()} (not a table) reaching {Describe(n)}");

    /// <summary>Element-wise sum into the table <paramref name="a"/> (made here); tensors are summed into new ones, since the
    /// elements may be modules' buffers.</summary>
    static LuaValue Sum(LuaValue a, LuaValue b, Node n)
    {
        if (a.Object is Tensor ta && b.Object is Tensor tb) return torch.Add(ta, tb);
        if (a.Object is Table xa && b.Object is Table xb)
        {
            for (int i = 1; i <= Math.Max(xa.Length, xb.Length); i++)
                xa[i] = xa[i].IsNil ? xb[i] : xb[i].IsNil ? xa[i] : Sum(xa[i].Object is Table inner ? new Table(inner.IPairs().ToArray()) : xa[i], xb[i], n);
            return xa;
        }
        throw new InvalidOperationException($"nn.gModule: cannot sum gradients {a.Describe()} and {b.Describe()} reaching {Describe(n)}");
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass)
    {
        foreach (var n in order)
            if (n.Module is not null && nodeGradOutput.TryGetValue(n, out var g))
                Run(n, m => { pass.Run(m, nodeInput[n], g); return 0; });
    }

    /// <summary>The graph in Graphviz's DOT language, nodes labelled as nngraph labels them; <paramref name="failed"/>, if
    /// given, is filled red (nngraph's debug picture). Example: <c>File.WriteAllText("mlp.dot", mlp.ToDot());</c></summary>
    public string ToDot(string title = "", Node? failed = null)
    {
        var sb = new StringBuilder("digraph G {\n");
        sb.Append("\tlabelloc=\"t\";\n\tlabel=\"").Append(Escape(title)).Append("\";\n\tnode [shape = oval];\n");
        foreach (var n in order)
        {
            var label = new StringBuilder($"Node{n.Id}");
            if (n.Name is not null) label.Append("\\n").Append(Escape(n.Name));
            label.Append("\\nmodule = ").Append(Escape(n.Module?.ToString() ?? $"select {n.SelectIndex}"));
            if (n.Description is not null) label.Append("\\ndesc = ").Append(Escape(n.Description));
            if (inputs.Contains(n)) label.Append("\\ninput = ").Append(Array.IndexOf(inputs, n) + 1);
            sb.Append("\tn").Append(n.Id).Append("[label=\"").Append(label).Append("\\l\"");
            foreach (var (k, v) in n.GraphAttributes) sb.Append(", ").Append(k).Append("=\"").Append(Escape(v)).Append('"');
            sb.Append("];\n");
        }
        foreach (var n in order)
            foreach (var p in n.Parents)
                sb.Append("\tn").Append(p.Id).Append(" -> n").Append(n.Id).Append(";\n");
        if (failed is not null) sb.Append("\tn").Append(failed.Id).Append("[style=filled, fillcolor=red];\n");
        return sb.Append("}\n").ToString();
    }

    static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    /// <summary>Writes the graph as an SVG picture with Graphviz's <c>dot</c>; throws a clear error when Graphviz is not installed.
    /// Example: <c>mlp.ToSvg("mlp.svg");</c></summary>
    public void ToSvg(string path, string title = "")
    {
        if (Graphviz.Svg(ToDot(title), path) is { } missing)
            throw new InvalidOperationException($"nn.gModule.ToSvg: {missing}; ToDot() gives the text");
    }

    /// <summary>Lua's <c>gmodule.name</c>: names the debug picture files (a path prefix; null: "nngraph_{n}in_{m}out" in the
    /// working directory). Example: <c>g.Name = "/tmp/lstm";</c></summary>
    public string? Name;

    /// <summary>Debug mode for this gModule alone (null: follow <see cref="nngraph.SetDebug"/>). Example: <c>g.Debug = true;</c></summary>
    public bool? Debug;

    /// <summary>nngraph's text: <c>nn.gModule</c>. Example: <c>Console.WriteLine(mlp);</c></summary>
    public override string ToString() => "nn.gModule";

    /// <inheritdoc/>
    public override string TypeName => "nn.gModule";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.GModule"/> (Lua's <c>nn.GModule</c>). Example: <c>var m = nn.GModule(inputs, outputs);</c></summary>
    public static GModule GModule(Node[] inputs, Node[] outputs) => new(inputs, outputs);
}
