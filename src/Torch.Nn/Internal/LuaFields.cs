namespace Torch.Nn.Internal;

/// <summary>How a declared C# value is written as a Lua value and read back: numbers are Lua numbers, null is nil, a size
/// array is a LongStorage, lists and other arrays are Lua arrays; anything else is an error naming the class and field.</summary>
internal static class LuaFields
{
    /// <summary>Puts fields Lua's constructor makes for its own code into a module's or criterion's unmodelled fields.</summary>
    internal static void AddTo(ref Table? rest, (string Name, object Value)[] fields)
    {
        rest ??= new Table();
        foreach (var (name, value) in fields) rest[name] = new LuaValue(value);
    }

    internal static LuaValue ToLua(object? value, string owner, string luaName) => value switch
    {
        null => LuaValue.Nil,
        LuaValue v => v,
        Tensor or Table or Module or Criterion or Storage or Timer or string or bool or double => new LuaValue(value),
        int or long or float => new LuaValue(value),
        long[] sizes => new LuaValue(torch.LongStorage(sizes)),
        System.Collections.IEnumerable items => new Table(items.Cast<object?>().Select(e => ToLua(e, owner, luaName)).ToArray()),
        _ => throw new InvalidOperationException($"torch.Save: {owner}.{luaName} holds a {value.GetType().Name}, which has no Lua form"),
    };

    internal static object? FromLua(LuaValue v, Type type, string luaClass, string luaName)
    {
        var t = Nullable.GetUnderlyingType(type);
        if (v.IsNil) return type.IsValueType && t is null ? Activator.CreateInstance(type) : null; // nil: null, false, 0
        t ??= type;
        try
        {
            return v.Object switch
            {
                _ when t == typeof(LuaValue) => v,
                double d when t == typeof(double) => d,
                double d when t == typeof(float) => (float)d,
                double d when t == typeof(int) => checked((int)Integral(d)),
                double d when t == typeof(long) => checked((long)Integral(d)),
                _ when t == typeof(bool) => (bool)v, // Lua's truth: anything but nil and false
                Storage s when t == typeof(long[]) => s.ToArray().Select(e => checked((long)e)).ToArray(),
                Table tb when t.IsArray => Array(tb, t.GetElementType()!, luaClass, luaName),
                Table tb when t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) => List(tb, t, luaClass, luaName),
                var o when t.IsInstanceOfType(o) => o,
                _ => throw new InvalidCastException(),
            };
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException($"torch.Load: {luaClass}.{luaName} holds {v.Describe()}, which does not fit a {t.Name}", e);
        }
    }

    static double Integral(double d) => Math.Floor(d) == d ? d : throw new InvalidCastException();

    static Array Array(Table tb, Type element, string luaClass, string luaName)
    {
        var items = tb.IPairs().ToList();
        var a = System.Array.CreateInstance(element, items.Count);
        for (int i = 0; i < items.Count; i++) a.SetValue(FromLua(items[i], element, luaClass, luaName), i);
        return a;
    }

    static object List(Table tb, Type listType, string luaClass, string luaName)
    {
        var l = (System.Collections.IList)Activator.CreateInstance(listType)!;
        foreach (var e in tb.IPairs()) l.Add(FromLua(e, listType.GetGenericArguments()[0], luaClass, luaName));
        return l;
    }
}
