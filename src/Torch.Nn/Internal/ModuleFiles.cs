using System.Reflection;
using System.Runtime.CompilerServices;

namespace Torch.Nn.Internal;

/// <summary>
/// Modules and criterions in .t7 files, as Torch7's <c>nn.Module:write</c> stores them: the class name and a table of
/// every field under its Lua name. Reading rebuilds the object with its constructor (arguments taken from the fields
/// by name, or derived from the weights) and then sets every field the file holds, so tensors shared in the file stay
/// shared. Fields only Lua has (finput, _type, ...) are ignored.
/// </summary>
internal static class ModuleFiles
{
    /// <summary>C# names whose Lua names have underscores (Fields.Pascal maps the other way).</summary>
    static readonly Dictionary<string, string> LuaNames = new()
    {
        ["RunningMean"] = "running_mean", ["RunningVar"] = "running_var", ["RunningStd"] = "running_std",
        ["CeilMode"] = "ceil_mode", ["SaveMean"] = "save_mean", ["SaveStd"] = "save_std",
        ["Sizes"] = "size", ["Th"] = "threshold", ["MinVal"] = "min_val", ["MaxVal"] = "max_val", ["ConstantScalar"] = "constant_scalar",
        ["CountIncludePad"] = "count_include_pad",
    };

#pragma warning disable CA2255 // registering with the Facade's file registry before any file is read
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        GModuleFile.Register(); // first: the first registration that knows a class wins, and nn.gModule is not field-wise
        TorchClasses.AddReader(Reader);
        TorchClasses.AddWriter(typeof(Module), o => ((Module)o).TypeName, Write);
        TorchClasses.AddWriter(typeof(Criterion), o => "nn." + o.GetType().Name, Write);
    }

    static Func<Table, object>? Reader(string luaName)
    {
        if (!luaName.StartsWith("nn.", StringComparison.Ordinal)) return null;
        string name = luaName[3..];
        var type = typeof(Module).Assembly.GetTypes().FirstOrDefault(t =>
            t.IsPublic && !t.IsAbstract && (typeof(Module).IsAssignableFrom(t) || typeof(Criterion).IsAssignableFrom(t))
            && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        return type is null ? null : fields => Read(type, luaName, fields);
    }

    static string LuaName(string csharp) =>
        LuaNames.TryGetValue(csharp, out var n) ? n : char.ToLowerInvariant(csharp[0]) + csharp[1..];

    static IEnumerable<FieldInfo> PublicFields(Type t) => Fields.Of(t).Where(f => f.IsPublic && !f.IsInitOnly);

    internal static Table Write(object o)
    {
        var t = new Table();
        foreach (var f in PublicFields(o.GetType()))
        {
            object? v = f.GetValue(o) switch
            {
                LuaValue lv => lv.Object,
                int i => (double)i,
                long l => (double)l,
                float x => (double)x,
                long[] sizes => torch.LongStorage(sizes),
                List<Module> children => new Table(children.Select(c => new LuaValue(c)).ToArray()),
                var other => other is Tensor or Table or double or bool or string or Module or Criterion ? other : null,
            };
            if (v is not null) t[LuaName(f.Name)] = new LuaValue(v);
        }
        if (o is Module m) t["_type"] = m.Type();
        return t;
    }

    static object Read(Type type, string luaName, Table fields)
    {
        var o = Construct(type, luaName, fields);
        foreach (var f in PublicFields(type))
        {
            var v = fields[LuaName(f.Name)];
            if (v.IsNil) continue;
            try
            {
                if (Convert(v, f.FieldType, out var value)) f.SetValue(o, value);
            }
            catch (Exception e) when (e is InvalidCastException or ArgumentException or OverflowException)
            {
                throw new InvalidDataException($"torch.Load: {luaName}.{LuaName(f.Name)} holds {v.Describe()}, which does not fit a {f.FieldType.Name}", e);
            }
        }
        return o;
    }

    /// <summary>Calls the constructor with the most arguments that the fields can supply.</summary>
    static object Construct(Type type, string luaName, Table fields)
    {
        foreach (var ctor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var ps = ctor.GetParameters();
            var args = new object?[ps.Length];
            bool ok = true;
            for (int i = 0; i < ps.Length && ok; i++) ok = Bind(ps[i], fields, out args[i]);
            if (!ok) continue;
            try { return ctor.Invoke(args); }
            catch (TargetInvocationException) { }
        }
        throw new InvalidDataException($"torch.Load: cannot rebuild {luaName} from its fields ({string.Join(", ", fields.Keyed.Select(k => k.Key.ToString()))})");
    }

    static bool Bind(ParameterInfo p, Table fields, out object? value)
    {
        string name = p.Name!;
        var v = Field(fields, name);
        if (v.IsNil) v = Field(fields, LuaName(char.ToUpperInvariant(name[0]) + name[1..])); // minVal is Lua's min_val
        if (v.IsNil && name.EndsWith('s')) v = Field(fields, name[..^1]);
        if (v.IsNil && Derived(name, p.ParameterType, fields) is { } d) v = d;
        if (!v.IsNil && Convert(v, p.ParameterType, out value)) return true;
        if (p.HasDefaultValue)
        {
            value = p.DefaultValue;
            return true;
        }
        bool isParams = p.GetCustomAttribute<ParamArrayAttribute>() is not null;
        value = isParams ? Array.CreateInstance(p.ParameterType.GetElementType()!, 0) : null;
        return isParams;
    }

    static LuaValue Field(Table fields, string name)
    {
        var v = fields[name];
        if (!v.IsNil) return v;
        foreach (var (k, val) in fields.Keyed)
            if (k.Object is string s && string.Equals(s, name, StringComparison.OrdinalIgnoreCase)) return val;
        return LuaValue.Nil;
    }

    /// <summary>Constructor arguments Lua does not store but its weights imply (nn.Linear keeps no sizes).</summary>
    static LuaValue? Derived(string param, Type type, Table fields)
    {
        var w = fields["weight"].Object as Tensor;
        return param switch
        {
            "inputSize" when w is { } => (double)w.Size(w.Dim()),
            "outputSize" when w is { } => (double)w.Size(1),
            "bias" when type == typeof(bool) => !fields["bias"].IsNil,
            "module" when fields["modules"].Object is Table children => children[1], // a decorator's module is modules[1]
            "nOutput" when fields["running_mean"].Object is Tensor mean => (double)mean.NElement(),
            _ => null,
        };
    }

    static bool Convert(LuaValue v, Type target, out object? value)
    {
        var t = Nullable.GetUnderlyingType(target) ?? target;
        value = v.Object switch
        {
            _ when t == typeof(LuaValue) => v,
            Tensor x when t == typeof(Tensor) => x,
            double d when t == typeof(int) => checked((int)d),
            double d when t == typeof(long) => checked((long)d),
            double d when t == typeof(double) => d,
            double d when t == typeof(float) => (float)d,
            bool b when t == typeof(bool) => b,
            string s when t == typeof(string) => s,
            Storage s when t == typeof(long[]) => s.ToArray().Select(e => (long)e).ToArray(),
            Table tb when t == typeof(long[]) => tb.IPairs().Select(e => (long)(double)e).ToArray(),
            Table tb when t == typeof(List<Module>) => tb.IPairs().Select(e => e.Object as Module
                ?? throw new InvalidCastException($"expected a module, got {e.Describe()}")).ToList(),
            var o when o is not null && t.IsInstanceOfType(o) => o,
            _ => null,
        };
        return value is not null;
    }
}
