using System.Runtime.CompilerServices;

namespace Torch.Nn.Internal;

/// <summary>
/// Modules and criterions in .t7 files, as Torch7's <c>nn.Module:write</c>/<c>read</c> store them: the class name and a table of
/// the declared Lua fields (nil fields absent). Reading makes the object without running a constructor and sets each declared
/// field from the table, as Lua's read does; so nothing is allocated beyond what the file holds, and a nil stays nil.
/// </summary>
internal static class ModuleFiles
{
    static readonly Lazy<Dictionary<string, Type>> Classes = new(() => typeof(Module).Assembly.GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && (typeof(Module).IsAssignableFrom(t) || typeof(Criterion).IsAssignableFrom(t)))
        .ToDictionary(LuaClass));

    // the Lua class name is what TypeName says; it depends on the class only, so an object without state can tell it
    static string LuaClass(Type t) => Walk.Uninitialized(t) is Module m ? m.TypeName : ((Criterion)Walk.Uninitialized(t)).TypeName;

    /// <summary>The nn classes that declare a <c>__version</c>, which Torch7 writes as "V n" for that class only (not its
    /// subclasses): its read upgrades the fields of an older file (a GradientReversal of version 1 gets lambda = 1, a
    /// VolumetricMaxPooling loses ceil_mode), so a file written here must carry the class's version.</summary>
    static readonly Dictionary<string, int> Versions = new()
    {
        ["nn.BatchNormalization"] = 2, ["nn.SpatialBatchNormalization"] = 2, ["nn.GradientReversal"] = 2,
        ["nn.LookupTable"] = 4, ["nn.VolumetricMaxPooling"] = 2,
    };

#pragma warning disable CA2255 // registering with the Facade's file registry before any file is read
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        GModuleFile.Register(); // first: the first registration that knows a class wins, and nn.gModule is not field-wise
        TorchClasses.AddVersionedReader(name => Classes.Value.TryGetValue(name, out var type) ? (fields, version) => Reading.Read(type, name, fields, version) : null);
        TorchClasses.AddWriter(typeof(Module), o => ((Module)o).TypeName, Writing.Write, o => Versions.GetValueOrDefault(((Module)o).TypeName, 1));
        TorchClasses.AddWriter(typeof(Criterion), o => ((Criterion)o).TypeName, Writing.Write);
        TorchClasses.AddHeader("nn.GPU", o => new Table(((GPU)o).Type(), ((GPU)o).Device)); // GPU:write's {_type, device}
    }
}
