using System.Reflection;

namespace Torch.Tests;

/// <summary>Calls a C# static method (the torch or nn factory) with the arguments of a Lua call stored in an oracle fixture,
/// choosing the overload as a port would: the one whose parameters take the Lua values with the fewest conversions.</summary>
public static class OracleBinder
{
    /// <summary>Invokes host.Name(args); <paramref name="spec"/> builds an argument that is itself a constructor-as-data table.</summary>
    public static object? Invoke(Type host, string name, LuaValue[] args, Func<Table, object>? spec = null)
    {
        var best = host.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == name)
            .Select(m => (Method: m, Bound: Bind(m.GetParameters(), args, spec, out int cost), Cost: cost))
            .Where(c => c.Bound is not null)
            .OrderBy(c => c.Cost).ThenBy(c => c.Method.GetParameters().Length).FirstOrDefault();
        if (best.Method is null)
            throw new InvalidOperationException($"no {host.Name}.{name} overload takes ({string.Join(", ", args.Select(a => a.Describe()))})");
        try { return best.Method.Invoke(null, best.Bound); }
        catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
    }

    static object?[]? Bind(ParameterInfo[] ps, LuaValue[] args, Func<Table, object>? spec, out int cost)
    {
        cost = 0;
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
                cost += 1;
                continue;
            }
            if (args[i].IsTable && !args[i].AsTable["isnil"].IsNil)
            {
                if (!ps[i].HasDefaultValue && ps[i].ParameterType.IsValueType && Nullable.GetUnderlyingType(ps[i].ParameterType) is null) return null;
                result[i] = ps[i].HasDefaultValue ? ps[i].DefaultValue : null;
                continue;
            }
            if (!TryConvert(args[i], ps[i].ParameterType, spec, out result[i], out int c)) return null;
            cost += c;
        }
        if (paramsArray)
        {
            var element = ps[^1].ParameterType.GetElementType()!;
            var rest = args.Skip(fixedCount).ToArray();
            var array = Array.CreateInstance(element, rest.Length);
            for (int i = 0; i < rest.Length; i++)
            {
                if (!TryConvert(rest[i], element, spec, out var v, out int c)) return null;
                array.SetValue(v, i);
                cost += c + 1;
            }
            result[^1] = array;
        }
        return result;
    }

    /// <summary>A Lua value as the C# type: numbers to double (free), to an integer when whole (cost 1), to bool (cost 5); a constructor
    /// table through <paramref name="spec"/>; a table as itself where a Table is taken; a list to an array; a LongStorage to long[].</summary>
    public static bool TryConvert(LuaValue v, Type type, Func<Table, object>? spec, out object? value, out int cost)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        value = null;
        cost = 0;
        switch (v.Object)
        {
            case double d when t == typeof(double): value = d; return true;
            case double d when t == typeof(float): value = (float)d; cost = 2; return true;
            case double d when t == typeof(int) && d == System.Math.Floor(d): value = (int)d; cost = 1; return true;
            case double d when t == typeof(long) && d == System.Math.Floor(d): value = (long)d; cost = 1; return true;
            case double d when t == typeof(bool): value = d != 0; cost = 5; return true;
            case bool b when t == typeof(bool): value = b; return true;
            case string s when t == typeof(string): value = s; return true;
            case Tensor x when t.IsAssignableFrom(typeof(Tensor)) && t != typeof(object): value = x; return true;
            case Storage st when t == typeof(long[]):
                value = Enumerable.Range(1, (int)st.Size()).Select(i => (long)st[i]).ToArray();
                return true;
            case Table tb when t == typeof(Table): value = tb; return true;
            case Table tb when tb[1].Object is string && spec is not null:
                value = spec(tb);
                return t.IsInstanceOfType(value);
            case Table tb when t.IsArray || (t.IsGenericType && t.GetGenericArguments().Length == 1 && t.IsAssignableFrom(typeof(List<>).MakeGenericType(t.GetGenericArguments()[0]))):
                var element = t.IsArray ? t.GetElementType()! : t.GetGenericArguments()[0];
                var array = Array.CreateInstance(element, tb.Length);
                for (int i = 0; i < tb.Length; i++)
                {
                    if (!TryConvert(tb[i + 1], element, spec, out var e, out _)) return false;
                    array.SetValue(e, i);
                }
                value = t.IsArray ? array : Activator.CreateInstance(typeof(List<>).MakeGenericType(element), array);
                return true;
            default: return false;
        }
    }
}
