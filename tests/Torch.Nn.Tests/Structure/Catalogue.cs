using System.Globalization;
using System.Reflection;

namespace Torch.Nn.Tests;

/// <summary>Builds a module from the Lua constructor expression of tools/torch7/modules.lua (e.g.
/// <c>nn.Concat(2):add(nn.Linear(4,3))</c>) through the nn factory, so the C# side builds exactly what Torch7 built.</summary>
public static class Catalogue
{
    public static object Build(string lua)
    {
        int i = 0;
        var r = Expr(lua, ref i);
        if (i != lua.Length) throw new FormatException($"Catalogue: unexpected '{lua[i..]}' in {lua}");
        return r!;
    }

    static object? Expr(string s, ref int i)
    {
        object? v = Atom(s, ref i);
        while (i < s.Length && s[i] == ':')
        {
            i++;
            string name = Ident(s, ref i);
            var args = Args(s, ref i);
            v = Call(v!.GetType().GetMethods().Where(m => !m.IsStatic && m.Name == char.ToUpperInvariant(name[0]) + name[1..]), v, args, name);
        }
        return v;
    }

    static object? Atom(string s, ref int i)
    {
        if (s[i] == '{')
        {
            i++;
            var items = new List<double>();
            while (s[i] != '}')
            {
                items.Add((double)Atom(s, ref i)!);
                if (s[i] == ',') i++;
            }
            i++;
            return items.ToArray();
        }
        if (char.IsDigit(s[i]) || s[i] == '-' || s[i] == '.')
        {
            int start = i;
            while (i < s.Length && (char.IsDigit(s[i]) || s[i] is '-' or '.' or 'e')) i++;
            return double.Parse(s[start..i], CultureInfo.InvariantCulture);
        }
        if (s[i] == '"')
        {
            int end = s.IndexOf('"', i + 1);
            var text = s[(i + 1)..end];
            i = end + 1;
            return text;
        }
        string id = Ident(s, ref i);
        if (id == "true") return true;
        if (id == "false") return false;
        if (id == "nil") return null;
        var args = Args(s, ref i);
        int dot = id.LastIndexOf('.');
        var owner = id[..dot] switch
        {
            "nn" => typeof(nn),
            "nn.tables" => typeof(nn.tables),
            "nngraph" => typeof(nngraph),
            "torch" => typeof(torch),
            _ => throw new FormatException($"Catalogue: unknown name {id}"),
        };
        var name = id[(dot + 1)..];
        if (owner != typeof(nn)) name = char.ToUpperInvariant(name[0]) + name[1..]; // Lua's torch.ones is torch.Ones here
        return Call(owner.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == name), null, args, id);
    }

    static string Ident(string s, ref int i)
    {
        int start = i;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '.' or '_')) i++;
        return s[start..i];
    }

    static List<object?> Args(string s, ref int i)
    {
        var args = new List<object?>();
        if (s[i++] != '(') throw new FormatException($"Catalogue: expected ( at {i} in {s}");
        while (s[i] != ')')
        {
            args.Add(Expr(s, ref i));
            if (s[i] == ',') i++;
        }
        i++;
        return args;
    }

    static object? Call(IEnumerable<MethodInfo> candidates, object? target, List<object?> args, string name)
    {
        foreach (var m in candidates.OrderBy(m => m.GetParameters().Length))
            if (Bind(m.GetParameters(), args) is { } bound) return m.Invoke(target, bound);
        throw new MissingMethodException($"Catalogue: no overload of {name} takes ({string.Join(", ", args)})");
    }

    static object?[]? Bind(ParameterInfo[] ps, List<object?> args)
    {
        var bound = new object?[ps.Length];
        for (int k = 0; k < ps.Length; k++)
        {
            var p = ps[k];
            if (p.GetCustomAttribute<ParamArrayAttribute>() is not null)
            {
                var e = p.ParameterType.GetElementType()!;
                var rest = args.Skip(k).Select(a => Convert(a, e)).ToList();
                if (rest.Any(r => r is Fail)) return null;
                var arr = Array.CreateInstance(e, rest.Count);
                for (int j = 0; j < rest.Count; j++) arr.SetValue(rest[j], j);
                bound[k] = arr;
                return bound;
            }
            if (k < args.Count)
            {
                var c = Convert(args[k], p.ParameterType);
                if (c is Fail) return null;
                bound[k] = c;
            }
            else if (p.HasDefaultValue) bound[k] = p.DefaultValue;
            else return null;
        }
        return args.Count <= ps.Length ? bound : null;
    }

    sealed class Fail { }

    static object? Convert(object? a, Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return a switch
        {
            null => t.IsValueType && Nullable.GetUnderlyingType(t) is null ? new Fail() : null,
            double d when u == typeof(int) => (int)d,
            double d when u == typeof(long) => (long)d,
            double d when u == typeof(double) => d,
            double d when u == typeof(float) => (float)d,
            bool b when u == typeof(bool) => b,
            double[] xs when u == typeof(int[]) => xs.Select(x => (int)x).ToArray(),
            double[] xs when u == typeof(long[]) => xs.Select(x => (long)x).ToArray(),
            var o when u.IsInstanceOfType(o) => o,
            _ => new Fail(),
        };
    }
}
