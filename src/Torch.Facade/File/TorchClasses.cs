using System.Runtime.CompilerServices;

namespace Torch;

/// <summary>
/// The registry of Lua torch classes that .t7 files can hold beyond tensors and storages (e.g. "nn.Linear").
/// A Lua object of such a class is written as its class name and a table of its fields; a registration says how to
/// turn that table into a .NET object and back. Torch.Nn registers every module and criterion this way. Loading a file
/// builds only tensors, storages and registered classes: nothing else of the file is code or type names to resolve.
/// </summary>
/// <remarks>Example: <c>TorchClasses.AddReader(name => name == "my.Thing" ? fields => new Thing(fields) : null);</c></remarks>
public static class TorchClasses
{
    static readonly List<Func<string, Func<Table, int, object>?>> readers = new();
    static readonly List<Func<string, Func<Table, object>?>> wrappers = new();
    static readonly List<(Type Base, Func<object, string> Name, Func<object, Table> Write, Func<object, int>? Version)> writers = new();
    static readonly HashSet<string> probed = new();
    static readonly List<(Type Type, Func<object, Table> ToTable, Func<Table, object> FromTable)> tables = new();
    static readonly Dictionary<string, Func<object, object>> headers = new();

    /// <summary>Adds a resolver that, given a Lua class name, returns how to build the object from its fields (or null).
    /// Example: <c>TorchClasses.AddReader(name => name == "my.Thing" ? fields => new Thing(fields) : null);</c></summary>
    public static void AddReader(Func<string, Func<Table, object>?> resolver)
    {
        lock (readers) readers.Add(name => resolver(name) is { } read ? (fields, _) => read(fields) : null);
    }

    /// <summary>Adds a resolver like <see cref="AddReader"/> whose builder also gets the class version the file records ("V n"; 0
    /// for a file older than versioning), as Lua's <c>read(file, version)</c> does, to upgrade the fields of older files.
    /// Example: <c>TorchClasses.AddVersionedReader(name => name == "my.Thing" ? (fields, version) => new Thing(fields, version) : null);</c></summary>
    public static void AddVersionedReader(Func<string, Func<Table, int, object>?> resolver)
    {
        lock (readers) readers.Add(resolver);
    }

    /// <summary>Adds a resolver for classes whose object only wraps its table of fields (as Lua's objects are their
    /// tables): the object is made before the fields are read, and the table is filled afterwards, so the fields may refer
    /// back to the object itself (nngraph's nodes do). Example:
    /// <c>TorchClasses.AddWrapper(name => name == "graph.Edge" ? fields => new Edge(fields) : null);</c></summary>
    public static void AddWrapper(Func<string, Func<Table, object>?> resolver)
    {
        lock (readers) wrappers.Add(resolver);
    }

    /// <summary>Says how objects of <paramref name="baseType"/> (and its subclasses) are written: their Lua class name, their
    /// table of fields and, when given, their class's version (Lua's <c>__version</c>, written as "V n": Torch7's read upgrades
    /// the fields of a file older than its class; 1 by default).
    /// Example: <c>TorchClasses.AddWriter(typeof(Thing), o => "my.Thing", o => ((Thing)o).Fields());</c></summary>
    public static void AddWriter(Type baseType, Func<object, string> luaName, Func<object, Table> fields, Func<object, int>? version = null)
    {
        lock (readers) writers.Add((baseType, luaName, fields, version));
    }

    /// <summary>Says that objects of <paramref name="type"/> are plain Lua tables in .t7 files (no class name), as optim's
    /// config/state tables are: <c>torch.Save</c> writes <paramref name="toTable"/>'s table, and <c>torch.Load&lt;T&gt;</c> of a
    /// file holding a table builds the object with <paramref name="fromTable"/>.
    /// Example: <c>TorchClasses.AddTable(typeof(SgdConfig), o => ToTable(o), t => FromTable(t));</c></summary>
    public static void AddTable(Type type, Func<object, Table> toTable, Func<Table, object> fromTable)
    {
        lock (readers) tables.Add((type, toTable, fromTable));
    }

    /// <summary>Says that the Lua class <paramref name="luaName"/> puts a header object before its table of fields (its own
    /// <c>write</c> does, as nn.GPU writes <c>{type, device}</c>): writing puts <paramref name="header"/>'s value first, reading
    /// reads it and builds the object from the fields that follow.
    /// Example: <c>TorchClasses.AddHeader("nn.GPU", o => new Table("torch.DoubleTensor", 1.0));</c></summary>
    public static void AddHeader(string luaName, Func<object, object> header)
    {
        lock (readers) headers[luaName] = header;
    }

    /// <summary>The header a class writes before its fields (<see cref="AddHeader"/>), or null.</summary>
    internal static Func<object, object>? Header(string luaName)
    {
        lock (readers) return headers.GetValueOrDefault(luaName);
    }

    /// <summary>The Lua table an object registered with <see cref="AddTable"/> is written as, or null.</summary>
    internal static Table? TableOf(object o)
    {
        lock (readers)
            foreach (var (type, toTable, _) in tables)
                if (type.IsInstanceOfType(o)) return toTable(o);
        return null;
    }

    /// <summary>The object of <paramref name="type"/> a Lua table stands for, or null when no registration says how.</summary>
    internal static object? FromTable(Type type, Table t)
    {
        RuntimeHelpers.RunModuleConstructor(type.Module.ModuleHandle); // its assembly registers itself when first used
        lock (readers)
            foreach (var (registered, _, fromTable) in tables)
                if (registered == type) return fromTable(t);
        return null;
    }

    /// <summary>The Lua class name of a registered object (e.g. "nn.Linear"), or null. Example: <c>TorchClasses.ClassName(net)</c>.</summary>
    internal static string? ClassName(object o) => Writer(o)?.Name;

    internal static Func<Table, int, object>? Reader(string luaName) => Find(readers, luaName);

    internal static Func<Table, object>? Wrapper(string luaName) => Find(wrappers, luaName);

    static T? Find<T>(List<Func<string, T?>> resolvers, string luaName) where T : Delegate
    {
        ProbePackage(luaName);
        lock (readers)
        {
            foreach (var r in resolvers)
                if (r(luaName) is { } read) return read;
            return null;
        }
    }

    internal static (string Name, Func<object, Table> Write, int Version)? Writer(object o)
    {
        lock (readers)
        {
            foreach (var (b, name, write, version) in writers)
                if (b.IsInstanceOfType(o)) return (name(o), write, version?.Invoke(o) ?? 1);
            return null;
        }
    }

    /// <summary>The library's own assemblies that register Lua packages' classes.</summary>
    static readonly Dictionary<string, string> PackageAssemblies = new()
    {
        ["nn"] = "Torch.Nn", ["nngraph"] = "Torch.Nn", ["graph"] = "Torch.Nn", ["optim"] = "Torch.Optim",
    };

    /// <summary>
    /// Makes sure the library assembly of a Lua package ("nn.Linear" → Torch.Nn) has registered its classes: a file can be
    /// read before any code of that package has run, and a module initializer runs only on first use. Only the library's
    /// own assemblies, and only when the program has already loaded them: a class name in a file never loads an assembly.
    /// </summary>
    static void ProbePackage(string luaName)
    {
        int dot = luaName.IndexOf('.');
        if (dot <= 0 || !PackageAssemblies.TryGetValue(luaName[..dot], out var assemblyName)) return;
        var asm = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == assemblyName);
        if (asm is null) return;
        lock (probed)
            if (!probed.Add(assemblyName)) return;
        RuntimeHelpers.RunModuleConstructor(asm.ManifestModule.ModuleHandle);
    }
}
