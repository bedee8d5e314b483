namespace Torch.Nn.Internal;

/// <summary>The declared Lua field of a given name (what Lua code reaches as <c>self[name]</c>), read and optionally replaced.</summary>
internal sealed class Lookup : Members
{
    readonly string name;
    readonly Func<object?, object?>? update;
    object? found;
    bool seen;

    Lookup(string name, Func<object?, object?>? update) => (this.name, this.update) = (name, update);

    /// <summary>The value of the field <paramref name="luaName"/>, or null when the class declares no such field.</summary>
    internal static object? Get(object o, string luaName) => Run(o, luaName, null);

    /// <summary>Replaces the field <paramref name="luaName"/> with <paramref name="update"/> of its value; false when the class
    /// declares no such field.</summary>
    internal static bool Update(object o, string luaName, Func<object?, object?> update)
    {
        var l = new Lookup(luaName, update);
        Declare(o, l);
        return l.seen;
    }

    /// <summary>The tensor stored under a Lua field name (a tensor field or a LuaValue holding one), or null.</summary>
    internal static Tensor? Tensor(object o, string luaName) => Get(o, luaName) switch { Tensor t => t, LuaValue v => v.Object as Tensor, _ => null };

    static object? Run(object o, string luaName, Func<object?, object?>? update)
    {
        var l = new Lookup(luaName, update);
        Declare(o, l);
        return l.found;
    }

    static void Declare(object o, Members m)
    {
        if (o is Module mo) mo.Declare(m); else ((Criterion)o).Declare(m);
    }

    void Visit<T>(string luaName, ref T value)
    {
        if (luaName != name) return;
        (found, seen) = (value, true);
        if (update is not null) value = (T)update(value)!;
    }

    public override void Field<T>(string luaName, ref T value) => Visit(luaName, ref value);
    public override void Buffer<T>(string luaName, ref T value) => Visit(luaName, ref value);

    public override void Parameter(string luaName, ref Tensor param, string gradName, ref Tensor grad)
    {
        Visit(luaName, ref param);
        Visit(gradName, ref grad);
    }

    public override void State<T>(ref T value) { }
    public override void Cache<T>(ref T value) { }
}
