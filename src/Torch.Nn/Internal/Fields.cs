using System.Collections.Concurrent;
using System.Reflection;

namespace Torch.Nn.Internal;

/// <summary>Reflection over module fields, the way Lua code reaches <c>self[name]</c> and <c>pairs(self)</c>.</summary>
internal static class Fields
{
    static readonly ConcurrentDictionary<Type, FieldInfo[]> Cache = new();

    /// <summary>Every instance field of the object's class and its bases.</summary>
    internal static FieldInfo[] Of(Type type) => Cache.GetOrAdd(type, t =>
    {
        var r = new List<FieldInfo>();
        for (var c = t; c is not null && c != typeof(object); c = c.BaseType)
            r.AddRange(c.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        return r.ToArray();
    });

    /// <summary>Lua field name to C# member name: "weight" → "Weight", "running_mean" → "RunningMean".</summary>
    internal static string Pascal(string luaName) =>
        string.Concat(luaName.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>The tensor stored under a Lua field name, or null.</summary>
    internal static Tensor? GetTensor(object o, string luaName)
    {
        string name = Pascal(luaName);
        foreach (var f in Of(o.GetType()))
            if (f.Name == name)
                return f.GetValue(o) switch { Tensor t => t, LuaValue v => v.Object as Tensor, _ => null };
        return null;
    }

    /// <summary>The type of the module's tensors (weight first, then output).</summary>
    internal static string? TensorType(Module m) =>
        m.Weight?.Type() ?? (m.Output.Object as Tensor)?.Type();
}
