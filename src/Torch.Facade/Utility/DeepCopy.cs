namespace Torch;

public static partial class torch
{
    /// <summary>
    /// fb.resnet.torch's <c>deepCopy</c> (checkpoints.lua): a copy of a table or registered object (an nn module, a whole
    /// network) with new tables and new objects but the SAME tensors and storages, as Lua's copy of the fields does. Saving a
    /// cleaned copy (<c>torch.DeepCopy(model).Float().ClearState()</c> in Lua's order) leaves the original's parameters in place.
    /// Other values (numbers, strings, objects of unregistered classes) are kept as they are. Shared sub-objects stay shared once.
    /// Example: <c>var copy = (Module)torch.DeepCopy(model)!;</c>
    /// </summary>
    public static object? DeepCopy(object? o) => DeepCopy(o, new Dictionary<object, object>(ReferenceEqualityComparer.Instance));

    static object? DeepCopy(object? o, Dictionary<object, object> done)
    {
        switch (o)
        {
            case null or Torch.Tensor or Torch.Storage or string or double or bool: return o;
            case LuaValue v: return new LuaValue(DeepCopy(v.Object, done));
            case var _ when done.TryGetValue(o, out var copied):
                // an object is rebuilt only from its finished fields, so one reached again through its own fields is a cycle
                return ReferenceEquals(copied, o) ? throw new InvalidOperationException(
                    $"torch.DeepCopy: a {TorchClasses.ClassName(o)} refers to itself through its fields; copy it with Clone instead") : copied;
            case Table t:
                var nt = new Table();
                done[t] = nt;
                foreach (var (k, v) in t) nt[(LuaValue)DeepCopy(k, done)!] = (LuaValue)DeepCopy(v, done)!;
                return nt;
        }
        if (TorchClasses.Writer(o) is not { } writer || TorchClasses.Reader(writer.Name) is not { } read) return o;
        done[o] = o; // in progress
        return done[o] = read((Table)DeepCopy(writer.Write(o), done)!, writer.Version);
    }
}
