using System.Collections;
using System.Text;

namespace Torch;

/// <summary>
/// A Lua table: a 1-based array part and keyed entries (strings, numbers, booleans, objects), nestable.
/// Module inputs and outputs that are several tensors are tables, and .t7 files hold them.
/// </summary>
/// <remarks>Example: <c>var t = new Table(x, y); Tensor first = t[1]; t["full"] = z; int n = t.Length;</c></remarks>
public sealed class Table : IEnumerable<KeyValuePair<LuaValue, LuaValue>>
{
    readonly List<LuaValue> array = new();
    readonly Dictionary<LuaValue, LuaValue> hash = new();

    /// <summary>An empty table. Example: <c>var t = new Table();</c></summary>
    public Table() { }

    /// <summary>A table whose array part holds <paramref name="items"/> at 1, 2, ... Example: <c>new Table(x, y)</c>.</summary>
    public Table(params LuaValue[] items)
    {
        foreach (var i in items) Insert(i);
    }

    /// <summary>A table of tensors at 1, 2, ... Example: <c>new Table(tensors)</c>.</summary>
    public Table(IEnumerable<Tensor> items)
    {
        foreach (var i in items) Insert(i);
    }

    /// <summary>Lua's <c>#t</c>: the length of the array part. Example: <c>new Table(x, y).Length == 2</c>.</summary>
    public int Length => array.Count;

    /// <summary>Element <paramref name="index"/> (1-based) of the array part; nil when absent. Setting index Length+1 appends.
    /// Example: <c>Tensor first = t[1]; t[3] = z;</c></summary>
    public LuaValue this[int index]
    {
        get => index >= 1 && index <= array.Count ? array[index - 1] : hash.GetValueOrDefault(new LuaValue((double)index));
        set => Set(new LuaValue((double)index), value);
    }

    /// <summary>The entry under a string key; nil when absent. Example: <c>Tensor full = t["full"];</c></summary>
    public LuaValue this[string key]
    {
        get => hash.GetValueOrDefault(new LuaValue(key));
        set => Set(new LuaValue(key), value);
    }

    /// <summary>The entry under any key (number keys 1..Length address the array part). Example: <c>t[new LuaValue(true)]</c>.</summary>
    public LuaValue this[LuaValue key]
    {
        get => key.Object is double d && d == Math.Floor(d) && d >= 1 && d <= array.Count ? array[(int)d - 1] : hash.GetValueOrDefault(key);
        set => Set(key, value);
    }

    void Set(LuaValue key, LuaValue value)
    {
        if (key.IsNil) throw new ArgumentException("Table: index is nil");
        if (key.Object is double d && d == Math.Floor(d) && d >= 1 && d <= array.Count + 1 && d <= int.MaxValue)
        {
            int i = (int)d;
            if (i == array.Count + 1)
            {
                if (value.IsNil) return;
                array.Add(value);
                hash.Remove(key);
                // pull following integer keys from the hash part, as Lua's array part grows
                while (hash.Remove(new LuaValue((double)(array.Count + 1)), out var next)) array.Add(next);
            }
            else if (value.IsNil)
            {
                // Lua leaves a hole; keep the elements after it as keyed entries
                for (int j = array.Count; j > i; j--) hash[new LuaValue((double)j)] = array[j - 1];
                array.RemoveRange(i - 1, array.Count - i + 1);
            }
            else array[i - 1] = value;
            return;
        }
        if (value.IsNil) hash.Remove(key);
        else hash[key] = value;
    }

    /// <summary>Appends to the array part (Lua's <c>table.insert(t, v)</c>). Example: <c>t.Insert(x);</c></summary>
    public Table Insert(LuaValue value)
    {
        this[array.Count + 1] = value;
        return this;
    }

    /// <summary>Inserts at 1-based <paramref name="index"/>, shifting later elements up (Lua's <c>table.insert(t, i, v)</c>).
    /// Example: <c>t.Insert(1, x);</c></summary>
    public Table Insert(int index, LuaValue value)
    {
        if (index < 1 || index > array.Count + 1)
            throw new ArgumentOutOfRangeException(nameof(index), $"Table.Insert: position {index} out of range (expected 1..{array.Count + 1})");
        array.Insert(index - 1, value);
        return this;
    }

    /// <summary>Removes and returns element <paramref name="index"/> (default: the last), shifting later ones down (Lua's <c>table.remove</c>).
    /// Example: <c>var last = t.Remove();</c></summary>
    public LuaValue Remove(int? index = null)
    {
        int i = index ?? array.Count;
        if (i < 1 || i > array.Count)
            throw new ArgumentOutOfRangeException(nameof(index), $"Table.Remove: position {i} out of range (expected 1..{array.Count})");
        var v = array[i - 1];
        array.RemoveAt(i - 1);
        return v;
    }

    /// <summary>The array part's values, in order (Lua's <c>ipairs</c>). Example: <c>foreach (var v in t.IPairs()) ...</c></summary>
    public IEnumerable<LuaValue> IPairs() => array;

    /// <summary>The keyed entries (not the array part). Example: <c>foreach (var (k, v) in t.Keyed) ...</c></summary>
    public IEnumerable<KeyValuePair<LuaValue, LuaValue>> Keyed => hash;

    /// <summary>Every entry, array part first (Lua's <c>pairs</c>). Example: <c>foreach (var (k, v) in t) ...</c></summary>
    public IEnumerator<KeyValuePair<LuaValue, LuaValue>> GetEnumerator()
    {
        for (int i = 0; i < array.Count; i++) yield return new(new LuaValue((double)(i + 1)), array[i]);
        foreach (var kv in hash) yield return kv;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A readable listing of the entries, nested tables indented (as Torch7's REPL prints them); a table that is
    /// already being printed (a cycle) or nested too deep for the stack appears as its address, as Lua prints a table.
    /// Example: <c>Console.WriteLine(t);</c></summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Print(sb, "", new HashSet<Table>(ReferenceEqualityComparer.Instance));
        return sb.ToString();
    }

    const int MaxPrintDepth = 200;

    void Print(StringBuilder sb, string indent, HashSet<Table> path)
    {
        path.Add(this);
        sb.Append("{\n");
        foreach (var (k, v) in this)
        {
            sb.Append(indent).Append("  ").Append(k.Object switch { string s => s, Table t => Address(t), _ => k.ToString() }).Append(" : ");
            if (v.Object is Table inner && !path.Contains(inner) && path.Count < MaxPrintDepth)
            {
                sb.Append('\n').Append(indent).Append("    ");
                inner.Print(sb, indent + "    ", path);
            }
            else sb.Append(v.Object switch
            {
                Table t => Address(t),
                Tensor x => $"{x.Type()} - size: {x.SizeString()}",
                _ => v.ToString(),
            });
            sb.Append('\n');
        }
        sb.Append(indent).Append('}');
        path.Remove(this);
    }

    /// <summary>Lua's <c>tostring</c> of a table: "table: 0x" and an address, the same for the same table. Example: <c>Table.Address(t)</c>.</summary>
    public static string Address(Table t) => $"table: 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(t):x8}";
}
