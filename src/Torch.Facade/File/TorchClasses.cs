namespace Torch;

/// <summary>
/// The registry of Lua torch classes that .t7 files can hold beyond tensors and storages (e.g. "nn.Linear").
/// A Lua object of such a class is written as its class name and a table of its fields; <see cref="Register"/>
/// says how to turn that table into a .NET object and back.
/// </summary>
/// <remarks>Example: <c>TorchClasses.Register("nn.Linear", typeof(Linear), fields => Linear.FromFields(fields), m => ((Linear)m).ToFields());</c></remarks>
public static class TorchClasses
{
    sealed record Entry(string Name, Type Type, Func<Table, object> Read, Func<object, Table> Write);

    static readonly Dictionary<string, Entry> byName = new();
    static readonly Dictionary<Type, Entry> byType = new();
    static readonly List<Func<string, bool>> loaders = new();

    /// <summary>Registers how objects of Lua class <paramref name="luaName"/> (.NET type <paramref name="type"/>) are read from and written as a table of fields.
    /// Example: <c>TorchClasses.Register("my.Thing", typeof(Thing), t => new Thing(t), o => ((Thing)o).Fields());</c></summary>
    public static void Register(string luaName, Type type, Func<Table, object> read, Func<object, Table> write)
    {
        var e = new Entry(luaName, type, read, write);
        lock (byName)
        {
            byName[luaName] = e;
            byType[type] = e;
        }
    }

    /// <summary>Adds a callback asked to register a class the first time a file names it (returns whether it did);
    /// a package such as Torch.Nn registers its classes lazily this way. Example: <c>TorchClasses.AddLoader(name => Nn.Register(name));</c></summary>
    public static void AddLoader(Func<string, bool> loader)
    {
        lock (byName) loaders.Add(loader);
    }

    internal static Func<Table, object>? Reader(string luaName)
    {
        lock (byName)
        {
            if (byName.TryGetValue(luaName, out var e)) return e.Read;
            foreach (var l in loaders.ToArray())
                if (l(luaName) && byName.TryGetValue(luaName, out e)) return e.Read;
            return null;
        }
    }

    internal static (string Name, Func<object, Table> Write)? Writer(Type type)
    {
        lock (byName)
        {
            for (var t = type; t is not null; t = t.BaseType)
                if (byType.TryGetValue(t, out var e)) return (e.Name, e.Write);
            return null;
        }
    }
}
