using System.Reflection;
using Torch.Nn;

namespace Torch.Nn.Tests;

/// <summary>Builds a module or criterion from the constructor-as-data of tools/torch7/fixtures-nn.lua:
/// {'Linear', 5, 3, false} calls nn.Linear(5, 3, false) through the nn factory, as a port would.</summary>
public static class OracleSpec
{
    public static object Build(Table spec)
    {
        var name = (string)spec[1];
        var args = Enumerable.Range(2, Math.Max(0, spec.Length - 1)).Select(i => spec[i]).ToArray();
        var candidates = typeof(nn).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == name).OrderBy(m => m.GetParameters().Length);
        foreach (var method in candidates)
        {
            var bound = Bind(method.GetParameters(), args);
            if (bound is null) continue;
            var built = method.Invoke(null, bound)!;
            foreach (var call in Strings(spec["calls"]))
                built.GetType().GetMethod(char.ToUpperInvariant(call[0]) + call[1..], Type.EmptyTypes)!.Invoke(built, null);
            if (spec["fields"].IsTable)
                foreach (var (key, value) in spec["fields"].AsTable.Keyed) SetField(built, (string)key, value);
            foreach (var child in Children(spec["add"])) Add(built, child);
            return built;
        }
        throw new InvalidOperationException($"no nn.{name} overload takes ({string.Join(", ", args.Select(a => a.Describe()))})");
    }

    static IEnumerable<string> Strings(LuaValue list) => list.IsTable ? list.AsTable.IPairs().Select(v => (string)v) : Enumerable.Empty<string>();

    static IEnumerable<Table> Children(LuaValue list) => list.IsTable ? list.AsTable.IPairs().Select(v => v.AsTable) : Enumerable.Empty<Table>();

    static void SetField(object target, string luaName, LuaValue value)
    {
        var name = char.ToUpperInvariant(luaName[0]) + luaName[1..];
        var field = target.GetType().GetField(name) ?? throw new InvalidOperationException($"{target} has no field {name}");
        TryConvert(value, field.FieldType, out var converted).Should().BeTrue($"{name} takes {value.Describe()}");
        field.SetValue(target, converted);
    }

    static void Add(object parent, Table childSpec)
    {
        var child = Build(childSpec);
        var weight = childSpec["weight"];
        switch (parent)
        {
            case Container c: c.Add((Module)child); break;
            case MultiCriterion mc: mc.Add((Criterion)child, weight.IsNil ? 1 : (double)weight); break;
            case ParallelCriterion pc: pc.Add((Criterion)child, weight.IsNil ? 1 : (double)weight); break;
            default: throw new InvalidOperationException($"{parent} takes no children");
        }
    }

    static object?[]? Bind(ParameterInfo[] ps, LuaValue[] args)
    {
        var result = new object?[ps.Length];
        bool paramsArray = ps.Length > 0 && ps[^1].IsDefined(typeof(ParamArrayAttribute));
        int fixedCount = paramsArray ? ps.Length - 1 : ps.Length;
        if (!paramsArray && args.Length > ps.Length) return null;
        for (int i = 0; i < fixedCount; i++)
        {
            if (i >= args.Length)
            {
                if (!ps[i].HasDefaultValue) return null;
                result[i] = ps[i].DefaultValue;
                continue;
            }
            if (!TryConvert(args[i], ps[i], out result[i])) return null;
        }
        if (paramsArray)
        {
            var element = ps[^1].ParameterType.GetElementType()!;
            var rest = args.Skip(fixedCount).ToArray();
            var array = Array.CreateInstance(element, rest.Length);
            for (int i = 0; i < rest.Length; i++)
            {
                if (!TryConvert(rest[i], element, out var v)) return null;
                array.SetValue(v, i);
            }
            result[^1] = array;
        }
        return result;
    }

    static bool TryConvert(LuaValue v, ParameterInfo p, out object? value)
    {
        if (v.IsTable && !v.AsTable["isnil"].IsNil)
        {
            value = p.HasDefaultValue ? p.DefaultValue : null;
            return p.HasDefaultValue || !p.ParameterType.IsValueType || Nullable.GetUnderlyingType(p.ParameterType) is not null;
        }
        return TryConvert(v, p.ParameterType, out value);
    }

    static bool TryConvert(LuaValue v, Type type, out object? value)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        value = null;
        switch (v.Object)
        {
            case double d when t == typeof(double): value = d; return true;
            case double d when t == typeof(int) && d == Math.Floor(d): value = (int)d; return true;
            case double d when t == typeof(long) && d == Math.Floor(d): value = (long)d; return true;
            case double d when t == typeof(bool): value = d != 0; return true;
            case bool b when t == typeof(bool): value = b; return true;
            case string s when t == typeof(string): value = s; return true;
            case Tensor x when t == typeof(Tensor): value = x; return true;
            case Table tb when tb[1].Object is string:
                var built = Build(tb);
                value = built;
                return t.IsInstanceOfType(built);
            case Storage st when t == typeof(long[]):
                value = Enumerable.Range(1, (int)st.Size()).Select(i => (long)st[i]).ToArray();
                return true;
            case Table tb when t.IsArray:
                var element = t.GetElementType()!;
                var array = Array.CreateInstance(element, tb.Length);
                for (int i = 0; i < tb.Length; i++)
                {
                    if (!TryConvert(tb[i + 1], element, out var e)) return false;
                    array.SetValue(e, i);
                }
                value = array;
                return true;
            default: return false;
        }
    }
}
