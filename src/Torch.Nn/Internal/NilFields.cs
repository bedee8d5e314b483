namespace Torch.Nn.Internal;

/// <summary>The declared Lua fields of a module or criterion that are nil (a null tensor, table, module or list): what a
/// NullReferenceException inside its code can only have come from, so that the error names them as Lua's "attempt to index
/// field 'weight' (a nil value)" does.</summary>
internal sealed class NilFields : Members
{
    readonly List<string> names = new(), parameters = new();

    /// <summary>The names of <paramref name="o"/>'s nil Lua fields: its other fields first, then its parameters (every module
    /// declares weight and bias, which most leave nil), each in declaration order.</summary>
    internal static List<string> Of(object o)
    {
        var n = new NilFields();
        if (o is Module m) m.Declare(n); else if (o is Criterion c) c.Declare(n);
        return n.names.Concat(n.parameters).ToList();
    }

    /// <summary>A size as a module's text shows it, or "nil" for a missing tensor: a .NET text must not fail where Torch7's
    /// print does, since error messages quote it. Example: <c>$"nn.Linear({NilFields.Size(Weight, 2)} -> ...)"</c></summary>
    internal static string Size(Tensor? t, int dim) => t is null ? "nil" : t.Size(dim).ToString(System.Globalization.CultureInfo.InvariantCulture);

    static void Visit<T>(List<string> list, string luaName, T value)
    {
        if (value is null && !typeof(T).IsValueType) list.Add(luaName);
    }

    public override void Field<T>(string luaName, ref T value) => Visit(names, luaName, value);
    public override void Buffer<T>(string luaName, ref T value) => Visit(names, luaName, value);

    public override void Parameter(string luaName, ref Tensor param, string gradName, ref Tensor grad)
    {
        Visit(parameters, luaName, param);
        Visit(parameters, gradName, grad);
    }

    public override void State<T>(ref T value) { }
    public override void Cache<T>(ref T value) { }
}
