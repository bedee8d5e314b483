using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>
/// Lua's <c>nn.Container</c>: a module made of child modules (<see cref="Modules"/>). Parameters, modes, sharing,
/// type conversion and zeroing apply to every child; an error in a child names its position ("In 2 module of nn.Sequential").
/// </summary>
/// <remarks>Example: <c>var net = nn.Sequential().Add(nn.Linear(10, 5)); int n = net.Size();</c></remarks>
public abstract class Container : Module
{
    /// <summary>The children, in order (Lua's <c>modules</c>). A .NET list, so 0-based: Lua's <c>net.modules[1]</c> is
    /// <c>net.Modules[0]</c>, or <c>net.Get(1)</c> with Lua's 1-based positions. Example: <c>Module first = net.Modules[0];</c></summary>
    public List<Module> Modules = new();

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("modules", ref Modules);
    }

    /// <summary>Appends a child and returns this container. Example: <c>net.Add(nn.Tanh());</c></summary>
    public virtual Container Add(Module module)
    {
        Modules.Add(module ?? throw new ArgumentNullException(nameof(module), $"{TypeName}.Add: module is null"));
        return this;
    }

    /// <summary>The child at 1-based <paramref name="index"/> (negative counts from the end). Example: <c>var lin1 = (Linear)net.Get(1);</c></summary>
    public Module Get(int index) => Modules[CheckIndex(index, "Get", Modules.Count)];

    /// <summary>The number of children. Example: <c>net.Size() == 3</c>.</summary>
    public int Size() => Modules.Count;

    /// <summary>Inserts a child at 1-based <paramref name="index"/> (default: at the end). Example: <c>net.Insert(nn.Dropout(), 2);</c></summary>
    public virtual Container Insert(Module module, int? index = null)
    {
        int i = index ?? Modules.Count + 1;
        Modules.Insert(CheckIndex(i, "Insert", Modules.Count + 1), module);
        return this;
    }

    /// <summary>Removes the child at 1-based <paramref name="index"/> (default: the last) and returns it. Example: <c>net.Remove(2);</c></summary>
    public virtual Module Remove(int? index = null)
    {
        int i = CheckIndex(index ?? Modules.Count, "Remove", Modules.Count);
        var m = Modules[i];
        Modules.RemoveAt(i);
        return m;
    }

    int CheckIndex(int index, string fn, int count)
    {
        int i = index < 0 ? index + count + 1 : index;
        if (i < 1 || i > count)
            throw new IndexOutOfRangeException($"{TypeName}.{fn}: index {index} out of range (expected 1..{count})");
        return i - 1;
    }

    /// <summary>Runs <paramref name="f"/> on child <paramref name="i"/> (0-based), adding the module path to any error.</summary>
    internal T Child<T>(int i, Func<Module, T> f)
    {
        try { return f(Modules[i]); }
        catch (Exception e) when (e is not OutOfMemoryException) { throw InChild(e, i); }
    }

    // The calls every training step makes of each child, without a closure: a step of a small network allocated
    // 1.3 KB of them, and each collection stops every thread (Hogwild workers, donkeys).

    /// <summary>Child <paramref name="i"/>'s forward as containers run it (<see cref="Module.Run"/>), adding the module path to any error.</summary>
    internal LuaValue RunChild(int i, LuaValue input)
    {
        try { return Modules[i].Run(input); }
        catch (Exception e) when (e is not OutOfMemoryException) { throw InChild(e, i); }
    }

    /// <summary>Child <paramref name="i"/>'s UpdateGradInput, adding the module path to any error.</summary>
    internal LuaValue ChildGradInput(int i, LuaValue input, LuaValue gradOutput)
    {
        try { return Modules[i].UpdateGradInput(input, gradOutput); }
        catch (Exception e) when (e is not OutOfMemoryException) { throw InChild(e, i); }
    }

    /// <summary>Child <paramref name="i"/>'s Backward (UpdateGradInput and AccGradParameters), adding the module path to any error.</summary>
    internal LuaValue ChildBackward(int i, LuaValue input, LuaValue gradOutput, double scale)
    {
        try { return Modules[i].Backward(input, gradOutput, scale); }
        catch (Exception e) when (e is not OutOfMemoryException) { throw InChild(e, i); }
    }

    /// <summary>Runs <paramref name="pass"/> on child <paramref name="i"/>, adding the module path to any error.</summary>
    internal void Child(int i, ParameterPass pass, LuaValue input, LuaValue gradOutput)
    {
        try { pass.Run(Modules[i], input, gradOutput); }
        catch (Exception e) when (e is not OutOfMemoryException) { throw InChild(e, i); }
    }

    Exception InChild(Exception e, int i) => NnError.InModule(NnError.Translate(e, Modules[i], "its arguments") ?? e, i + 1, this);

    /// <summary>Runs <paramref name="f"/> on child <paramref name="i"/> (0-based), adding the module path to any error.</summary>
    internal void Child(int i, Action<Module> f) => Child(i, m => { f(m); return 0; });

    /// <inheritdoc/>
    public override (List<Tensor> Params, List<Tensor> GradParams) Parameters()
    {
        var ps = new List<Tensor>();
        var gs = new List<Tensor>();
        foreach (var m in Modules)
        {
            var (p, g) = m.Parameters();
            ps.AddRange(p);
            gs.AddRange(g);
        }
        return (ps, gs);
    }

    /// <inheritdoc/>
    public override void ZeroGradParameters()
    {
        foreach (var m in Modules) m.ZeroGradParameters();
    }

    /// <inheritdoc/>
    public override void UpdateParameters(double learningRate)
    {
        foreach (var m in Modules) m.UpdateParameters(learningRate);
    }

    /// <inheritdoc/>
    public override Module Training()
    {
        base.Training();
        foreach (var m in Modules) m.Training();
        return this;
    }

    /// <inheritdoc/>
    public override Module Evaluate()
    {
        base.Evaluate();
        foreach (var m in Modules) m.Evaluate();
        return this;
    }

    /// <inheritdoc/>
    public override Module Share(Module other, params string[] names)
    {
        if (other is not Container c || c.Modules.Count != Modules.Count)
            throw new ArgumentException($"{TypeName}.Share: expected a container with {Modules.Count} modules, got {other.TypeName}");
        for (int i = 0; i < Modules.Count; i++) Modules[i].Share(c.Modules[i], names);
        return this;
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        foreach (var m in Modules) m.Reset(stdv);
        return this;
    }

    /// <inheritdoc/>
    public override void Apply(Action<Module> callback)
    {
        callback(this);
        foreach (var m in Modules) m.Apply(callback);
    }

    /// <inheritdoc/>
    public override List<Module> ListModules()
    {
        var r = new List<Module> { this };
        foreach (var m in Modules) r.AddRange(m.ListModules());
        return r;
    }

    internal override void FindModules(string typeName, Module container, List<Module> nodes, List<Module> containers)
    {
        base.FindModules(typeName, container, nodes, containers);
        foreach (var m in Modules) m.FindModules(typeName, this, nodes, containers);
    }

    /// <inheritdoc/>
    public override Module ClearState()
    {
        base.ClearState();
        foreach (var m in Modules) m.ClearState();
        return this;
    }

    /// <inheritdoc/>
    public override Module Replace(Func<Module, Module> callback)
    {
        var self = callback(this);
        for (int i = 0; i < Modules.Count; i++) Modules[i] = Modules[i].Replace(callback);
        return self;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1) =>
        ForEachChildBackward(input, gradOutput, new ParameterPass(update: false, scale));

    /// <inheritdoc/>
    public override void AccUpdateGradParameters(LuaValue input, LuaValue gradOutput, double learningRate) =>
        ForEachChildBackward(input, gradOutput, new ParameterPass(update: true, learningRate));

    /// <summary>Runs <paramref name="pass"/> on every child with the input and gradOutput that child saw in the last backward
    /// (the parameter pass of Lua's accGradParameters / accUpdateGradParameters). Example: <c>ForEachChildBackward(x, g, pass);</c></summary>
    protected abstract void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass);

    /// <summary>The parameter pass of a backward that a container hands to each child: Lua's <c>accGradParameters(input,
    /// gradOutput, scale)</c> or <c>accUpdateGradParameters(input, gradOutput, lr)</c>; a value, so handing it on allocates nothing.
    /// Example: <c>pass.Run(child, childInput, childGradOutput);</c></summary>
    public readonly struct ParameterPass
    {
        readonly bool update;
        readonly double number;

        internal ParameterPass(bool update, double number) => (this.update, this.number) = (update, number);

        /// <summary>Runs the pass on <paramref name="m"/>. Example: <c>pass.Run(Modules[0], input, gradOutput);</c></summary>
        public void Run(Module m, LuaValue input, LuaValue gradOutput)
        {
            if (update) m.AccUpdateGradParameters(input, gradOutput, number);
            else m.AccGradParameters(input, gradOutput, number);
        }
    }

    /// <summary>The containers being printed on this thread, outermost first: a container that holds itself (directly or not)
    /// prints its address the second time, as Lua prints a repeated table, instead of recursing without end.</summary>
    [ThreadStatic] static HashSet<Module>? printing;

    /// <summary>Deeper nesting prints addresses too: a file can nest thousands of containers, more than a thread's stack prints.</summary>
    const int MaxPrintDepth = 200;

    /// <summary>Torch7's nested printing: each line of a child's text after the first gets <paramref name="indent"/>; a child that
    /// is already being printed (a cycle) appears as its class and address. Example: <c>Indent(child, "  ")</c></summary>
    protected string Indent(Module m, string indent)
    {
        var path = printing ??= new HashSet<Module>(ReferenceEqualityComparer.Instance);
        bool outermost = path.Add(this);
        try
        {
            if (m is null) return "nil"; // a file's list of modules may have holes
            if (path.Contains(m) || path.Count > MaxPrintDepth) return Address(m);
            path.Add(m);
            try { return m.ToString().Replace("\n", "\n" + indent); }
            finally { path.Remove(m); }
        }
        finally
        {
            if (outermost) path.Remove(this);
        }
    }

    /// <summary>The text of a container loaded from a file without its <c>modules</c> (Torch7's print fails on it; a .NET text
    /// must not, since errors quote it).</summary>
    protected string NilModules => $"{TypeName} {{modules: nil}}";

    /// <summary>Lua's text of a repeated object: its class name and an address that is the same for the same object.</summary>
    static string Address(Module m) => $"{m.TypeName}: 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(m):x8}";

    /// <summary>Torch7's text of the branching containers:
    /// <c>nn.ConcatTable {\n  input\n    |`-> (1): ...\n     `-> (2): ...\n     ... -> output\n}</c>. Example: <c>public override string ToString() => BranchString();</c></summary>
    protected string BranchString()
    {
        if (Modules is null) return NilModules;
        var sb = new System.Text.StringBuilder(TypeName).Append(" {\n  input");
        for (int i = 0; i < Modules.Count; i++)
        {
            bool last = i == Modules.Count - 1;
            sb.Append("\n  ").Append(last ? "   `-> " : "  |`-> ").Append('(').Append(i + 1).Append("): ")
              .Append(Indent(Modules[i], last ? "         " : "    |    "));
        }
        return sb.Append("\n     ... -> output\n}").ToString();
    }
}
