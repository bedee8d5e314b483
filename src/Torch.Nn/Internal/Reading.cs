namespace Torch.Nn.Internal;

/// <summary>Builds a module or criterion from the table of fields a .t7 file holds, as Lua's read does: no constructor runs,
/// each declared Lua field is set from the table (absent is nil: null, false or 0), State and Cache start at their defaults,
/// and the fields the class does not declare are kept aside so that saving writes them back.</summary>
internal sealed class Reading : Members
{
    readonly Table fields;
    readonly string luaClass;
    readonly HashSet<string> claimed = new();

    Reading(Table fields, string luaClass) => (this.fields, this.luaClass) = (fields, luaClass);

    internal static object Read(Type type, string luaClass, Table fields, int version)
    {
        Walk.CheckDeclares(type);
        var o = Walk.Uninitialized(type);
        var r = new Reading(fields, luaClass);
        if (o is Module m) m.Declare(r); else ((Criterion)o).Declare(r);
        var rest = r.Unclaimed();
        if (o is Module mo)
        {
            mo.LuaRest = rest;
            mo.AfterRead(version);
        }
        else ((Criterion)o).LuaRest = rest;
        return o;
    }

    public override void Field<T>(string luaName, ref T value) => value = Get<T>(luaName);

    /// <summary>Whether the file leaves <paramref name="luaName"/> nil.</summary>
    internal bool IsNil(string luaName) => fields[luaName].IsNil;

    public override void Parameter(string luaName, ref Tensor param, string gradName, ref Tensor grad)
    {
        param = Get<Tensor>(luaName);
        grad = Get<Tensor>(gradName);
    }

    public override void Buffer<T>(string luaName, ref T value) => value = Get<T>(luaName);

    public override void State<T>(ref T value) => value = default!;

    public override void Cache<T>(ref T value) => value = default!;

    /// <summary>The fields of the file that no declaration claimed (Lua-only buffers such as finput), or null.</summary>
    Table? Unclaimed()
    {
        Table? others = null;
        foreach (var (k, v) in fields)
        {
            if (k.Object is string s && claimed.Contains(s)) continue;
            others ??= new Table();
            others[k] = v;
        }
        return others;
    }

    T Get<T>(string luaName)
    {
        claimed.Add(luaName);
        return (T)LuaFields.FromLua(fields[luaName], typeof(T), luaClass, luaName)!;
    }
}
