using Torch.Nn;

namespace Torch.Nn.Tests;

/// <summary>Builds a module or criterion from the constructor-as-data of tools/torch7/fixtures-nn.lua:
/// {'Linear', 5, 3, false} calls nn.Linear(5, 3, false) through the nn factory, as a port would; {'@', k} is the k-th child
/// already added to the container being built (the pooling module a SpatialMaxUnpooling reads its indices from).</summary>
public static class OracleSpec
{
    public static object Build(Table spec) => Build(spec, null);

    static object Build(Table spec, Container? parent)
    {
        var name = (string)spec[1];
        if (name == "@") return parent!.Get((int)spec[2]);
        var args = Enumerable.Range(2, Math.Max(0, spec.Length - 1)).Select(i => spec[i]).ToArray();
        var built = Torch.Tests.OracleBinder.Invoke(typeof(nn), name, args, s => Build(s, parent))!;
        foreach (var call in Strings(spec["calls"]))
            built.GetType().GetMethod(char.ToUpperInvariant(call[0]) + call[1..], Type.EmptyTypes)!.Invoke(built, null);
        if (spec["fields"].IsTable)
            foreach (var (key, value) in spec["fields"].AsTable.Keyed) SetField(built, (string)key, value);
        foreach (var child in Children(spec["add"])) Add(built, child);
        return built;
    }

    static IEnumerable<string> Strings(LuaValue list) => list.IsTable ? list.AsTable.IPairs().Select(v => (string)v) : Enumerable.Empty<string>();

    static IEnumerable<Table> Children(LuaValue list) => list.IsTable ? list.AsTable.IPairs().Select(v => v.AsTable) : Enumerable.Empty<Table>();

    static void SetField(object target, string luaName, LuaValue value)
    {
        var name = char.ToUpperInvariant(luaName[0]) + luaName[1..];
        var field = target.GetType().GetField(name) ?? throw new InvalidOperationException($"{target} has no field {name}");
        Torch.Tests.OracleBinder.TryConvert(value, field.FieldType, Build, out var converted, out _).Should().BeTrue($"{name} takes {value.Describe()}");
        field.SetValue(target, converted);
    }

    static void Add(object parent, Table childSpec)
    {
        var child = Build(childSpec, parent as Container);
        var weight = childSpec["weight"];
        switch (parent)
        {
            case Container c: c.Add((Module)child); break;
            case MultiCriterion mc: mc.Add((Criterion)child, weight.IsNil ? 1 : (double)weight); break;
            case ParallelCriterion pc: pc.Add((Criterion)child, weight.IsNil ? 1 : (double)weight); break;
            default: throw new InvalidOperationException($"{parent} takes no children");
        }
    }
}
