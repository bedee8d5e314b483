using System.Reflection;
using System.Runtime.CompilerServices;

namespace Torch.Optim;

/// <summary>
/// An optimiser's config/state object (<see cref="SgdConfig"/>, <see cref="AdamConfig"/>, ...) as the Lua table optim keeps
/// (Lua's <c>optimState</c>), both ways: field names are Lua's (<c>learningRate</c>, <c>dfdx</c>, <c>evalCounter</c>,
/// <c>old_dirs</c>), tensors are shared, not copied. <c>torch.Save</c> writes a config as that plain table, and
/// <c>torch.Load&lt;SgdConfig&gt;</c> rebuilds one from a table Torch7 saved, so fb.resnet.torch-style checkpoints resume.
/// Functions (<see cref="LbfgsConfig.LineSearch"/>) are not written: Lua code cannot be.
/// </summary>
/// <remarks>Example: <c>torch.Save("optimState.t7", config); var back = torch.Load&lt;SgdConfig&gt;("optimState.t7");</c></remarks>
internal static class ConfigTables
{
    /// <summary>Where Lua's name is not the C# name with a lower-case first letter.</summary>
    static readonly Dictionary<string, string> LuaNames = new()
    {
        ["Hdiag"] = "Hdiag", ["L"] = "L", ["Lstep"] = "Lstep", ["EtaT"] = "eta_t", ["MuT"] = "mu_t",
        ["MinIterations"] = "min_iterations", ["VerbDisp"] = "verb_disp", ["OldDirs"] = "old_dirs", ["OldStps"] = "old_stps",
        ["GOld"] = "g_old", ["FOld"] = "f_old", ["DirBufs"] = "dir_bufs", ["StpBufs"] = "stp_bufs",
    };

#pragma warning disable CA2255 // registering with the Facade's .t7 code must happen before any file is read or written
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        foreach (var type in typeof(ConfigTables).Assembly.GetExportedTypes())
            if (type.Name.EndsWith("Config", StringComparison.Ordinal) && type.GetConstructor(Type.EmptyTypes) is not null)
                TorchClasses.AddTable(type, ToTable, t => FromTable(type, t));
    }

    static string LuaName(string name) => LuaNames.TryGetValue(name, out var lua) ? lua : char.ToLowerInvariant(name[0]) + name[1..];

    static IEnumerable<PropertyInfo> Fields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite && !typeof(Delegate).IsAssignableFrom(p.PropertyType));

    /// <summary>The Lua table of a config: every field that is set (nil stays absent, as in Lua).</summary>
    internal static Table ToTable(object config)
    {
        var t = new Table();
        foreach (var p in Fields(config.GetType()))
            if (ToLua(p.GetValue(config)) is { IsNil: false } v) t[LuaName(p.Name)] = v;
        return t;
    }

    static LuaValue ToLua(object? v) => v switch
    {
        null => LuaValue.Nil,
        IEnumerable<Tensor> list => new Table(list),
        double[] numbers => new Table(numbers.Select(x => (LuaValue)x).ToArray()),
        _ when TorchClasses.TableOf(v) is { } nested => nested,
        _ => new LuaValue(v),
    };

    /// <summary>A config of <paramref name="type"/> from a Lua table: each key sets the field of that name (case and underscores
    /// aside); a key no field has, or a value of the wrong kind, is an error that names it.</summary>
    internal static object FromTable(Type type, Table table)
    {
        var config = Activator.CreateInstance(type)!;
        var fields = Fields(type).ToDictionary(p => Simple(p.Name));
        foreach (var (key, value) in table)
        {
            if (key.Object is not string name || !fields.TryGetValue(Simple(name), out var p))
                throw new InvalidDataException($"optim: the table has a field {key} that {type.Name} does not know");
            p.SetValue(config, FromLua(value, p.PropertyType, $"{type.Name}.{p.Name}"));
        }
        return config;
    }

    static string Simple(string name) => name.Replace("_", "").ToLowerInvariant();

    static object? FromLua(LuaValue v, Type target, string field)
    {
        if (v.IsNil) return null;
        var type = Nullable.GetUnderlyingType(target) ?? target;
        object? o = v.Object;
        try
        {
            return o switch
            {
                double d when type == typeof(double) => d,
                double d when type == typeof(int) => checked((int)d),
                bool b when type == typeof(bool) => b,
                string s when type == typeof(string) => s,
                Tensor x when type == typeof(Tensor) => x,
                Table t when type == typeof(List<Tensor>) => t.IPairs().Select(e => e.AsTensor).ToList(),
                Table t when type == typeof(double[]) => t.IPairs().Select(e => (double)e).ToArray(),
                Table t when type.IsClass => FromTable(type, t),
                _ => throw new InvalidCastException($"expected {type.Name}, got {v.Describe()}"),
            };
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException)
        {
            throw new InvalidDataException($"optim: field {field}: {e.Message}", e);
        }
    }
}

public static partial class optim
{
    /// <summary>The Lua table of an optimiser's config/state (Lua's <c>optimState</c>), sharing its tensors.
    /// Example: <c>Table state = optim.ToTable(config); state["learningRate"]</c></summary>
    public static Table ToTable(object config) => ConfigTables.ToTable(config);

    /// <summary>An optimiser's config/state rebuilt from a Lua table (e.g. the <c>optimState</c> of a Torch7 checkpoint), sharing
    /// its tensors. Example: <c>var config = optim.FromTable&lt;SgdConfig&gt;(checkpoint["optimState"]);</c></summary>
    public static T FromTable<T>(Table table) where T : class, new() => (T)ConfigTables.FromTable(typeof(T), table);
}
