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
    static readonly List<Func<string, Func<Table, object>?>> readers = new();
    static readonly List<(Type Base, Func<object, string> Name, Func<object, Table> Write)> writers = new();
    static readonly HashSet<string> probed = new();

    /// <summary>Adds a resolver that, given a Lua class name, returns how to build the object from its fields (or null).
    /// Example: <c>TorchClasses.AddReader(name => name == "my.Thing" ? fields => new Thing(fields) : null);</c></summary>
    public static void AddReader(Func<string, Func<Table, object>?> resolver)
    {
        lock (readers) readers.Add(resolver);
    }

    /// <summary>Says how objects of <paramref name="baseType"/> (and its subclasses) are written: their Lua class name and
    /// their table of fields. Example: <c>TorchClasses.AddWriter(typeof(Thing), o => "my.Thing", o => ((Thing)o).Fields());</c></summary>
    public static void AddWriter(Type baseType, Func<object, string> luaName, Func<object, Table> fields)
    {
        lock (readers) writers.Add((baseType, luaName, fields));
    }

    internal static Func<Table, object>? Reader(string luaName)
    {
        ProbePackage(luaName);
        lock (readers)
        {
            foreach (var r in readers)
                if (r(luaName) is { } read) return read;
            return null;
        }
    }

    internal static (string Name, Func<object, Table> Write)? Writer(object o)
    {
        lock (readers)
        {
            foreach (var (b, name, write) in writers)
                if (b.IsInstanceOfType(o)) return (name(o), write);
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
