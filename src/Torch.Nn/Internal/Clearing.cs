using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>Lua's clearState: every declared buffer emptied (a tensor keeps its type and identity, a table becomes empty) and
/// every cache dropped (a module that owns what a cache holds frees it in its own ClearState); fields and parameters are untouched.</summary>
internal sealed class Clearing : Members
{
    internal static void Clear(Module m) => m.Declare(new Clearing());

    /// <summary>An empty tensor of the same type (or the table emptied), as nn.utils.clear does.</summary>
    internal static LuaValue Cleared(LuaValue v) => v.Object switch
    {
        Tensor t => t.Set(new Tensor(torch.Empty(t.ScalarType, t.IsCuda, 0))),
        Table => new Table(),
        _ => v,
    };

    public override void Buffer<T>(string luaName, ref T value)
    {
        switch (value)
        {
            case LuaValue v: value = (T)(object)Cleared(v); break;
            case Tensor t: Cleared(t); break;
            case Table: value = (T)(object)new Table(); break;
            case TT raw: raw.Dispose(); value = default!; break;
        }
    }

    public override void Cache<T>(ref T value) => value = default!; // not disposed: a cache may view a live tensor

    public override void Field<T>(string luaName, ref T value) { }
    public override void Parameter(string luaName, ref Tensor param, string gradName, ref Tensor grad) { }
    public override void State<T>(ref T value) { }
}
