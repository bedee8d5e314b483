namespace Torch.Nn.Internal;

/// <summary>The table of Lua fields a .t7 file holds for a module or criterion: every declared Lua field that is not nil,
/// under its Lua name, then the fields a file had that the class does not model.</summary>
internal sealed class Writing : Members
{
    readonly Table table = new();
    readonly string owner;

    Writing(string owner) => this.owner = owner;

    internal static Table Write(object o)
    {
        Walk.CheckDeclares(o.GetType());
        var w = new Writing(o is Module named ? named.TypeName : ((Criterion)o).TypeName); // a loaded module may lack what its text needs
        if (o is Module m) m.Declare(w); else ((Criterion)o).Declare(w);
        foreach (var (k, v) in (o is Module mo ? mo.LuaRest : ((Criterion)o).LuaRest) ?? new Table())
            if (w.table[k].IsNil) w.table[k] = v; // fields a file had that this class does not model go back as they came
        return w.table;
    }

    public override void Field<T>(string luaName, ref T value) => Put(luaName, value);

    public override void Parameter(string luaName, ref Tensor param, string gradName, ref Tensor grad)
    {
        Put(luaName, param);
        Put(gradName, grad);
    }

    public override void Buffer<T>(string luaName, ref T value) => Put(luaName, value);

    public override void State<T>(ref T value) { }

    public override void Cache<T>(ref T value) { }

    void Put(string luaName, object? value)
    {
        var v = LuaFields.ToLua(value, owner, luaName);
        if (!v.IsNil) table[luaName] = v;
    }
}
