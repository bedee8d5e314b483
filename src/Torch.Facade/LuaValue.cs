using System.Globalization;

namespace Torch;

/// <summary>
/// Any Lua value: nil, a number, a string, a boolean, a <see cref="Tensor"/>, a <see cref="Table"/>, or another
/// object (a module, a storage). It converts implicitly to and from the types it can hold, so Lua-shaped
/// code reads naturally: <c>Tensor y = net.Forward(x); Table outs = ct.Forward(x);</c>.
/// </summary>
/// <remarks>Example: <c>LuaValue v = torch.Tensor(3); Tensor t = v; bool isTensor = v.IsTensor;</c></remarks>
public readonly struct LuaValue : IEquatable<LuaValue>
{
    /// <summary>The value as a .NET object: null (nil), double, string, bool, Tensor, Table, or another object.
    /// Example: <c>object? o = v.Object;</c></summary>
    public object? Object { get; }

    /// <summary>Wraps any object (numbers are stored as double, as Lua does). Example: <c>new LuaValue(3)</c>.</summary>
    public LuaValue(object? value) => Object = value switch
    {
        LuaValue v => v.Object,
        int i => (double)i,
        long l => (double)l,
        float f => (double)f,
        _ => value,
    };

    /// <summary>Lua's nil. Example: <c>LuaValue.Nil.IsNil == true</c>.</summary>
    public static LuaValue Nil => default;

    /// <summary>Whether this is nil. Example: <c>t["missing"].IsNil</c>.</summary>
    public bool IsNil => Object is null;
    /// <summary>Whether this holds a tensor. Example: <c>net.Output.IsTensor</c>.</summary>
    public bool IsTensor => Object is Tensor;
    /// <summary>Whether this holds a table. Example: <c>ct.Output.IsTable</c>.</summary>
    public bool IsTable => Object is Table;
    /// <summary>Whether this holds a number. Example: <c>t[1].IsNumber</c>.</summary>
    public bool IsNumber => Object is double;

    /// <summary>The tensor held, or an error naming what is held instead. Example: <c>net.Output.AsTensor.Size(1)</c>.</summary>
    public Tensor AsTensor => Object as Tensor ?? throw Wrong("a Tensor");
    /// <summary>The table held, or an error naming what is held instead. Example: <c>ct.Output.AsTable[1]</c>.</summary>
    public Table AsTable => Object as Table ?? throw Wrong("a Table");

    InvalidCastException Wrong(string expected) => new($"expected {expected}, got {Describe()}");

    /// <summary>Lua's <c>torch.type</c> of the value: "nil", "number", "string", "boolean", "table" or the torch class name.
    /// Example: <c>new LuaValue(torch.Tensor(2)).Describe() == "torch.DoubleTensor"</c>.</summary>
    public string Describe() => Object switch
    {
        null => "nil",
        double => "number",
        string or LuaBytes => "string",
        bool => "boolean",
        Table => "table",
        Tensor t => t.Type(),
        Storage s => s.Type(),
        var o => o.GetType().Name,
    };

    /// <summary>From a tensor. Example: <c>LuaValue v = x;</c></summary>
    public static implicit operator LuaValue(Tensor? t) => new(t);
    /// <summary>From a table. Example: <c>LuaValue v = new Table(x, y);</c></summary>
    public static implicit operator LuaValue(Table? t) => new(t);
    /// <summary>From a number. Example: <c>LuaValue v = 3.5;</c></summary>
    public static implicit operator LuaValue(double d) => new(d);
    /// <summary>From a string. Example: <c>LuaValue v = "hello";</c></summary>
    public static implicit operator LuaValue(string? s) => new(s);
    /// <summary>From a boolean. Example: <c>LuaValue v = true;</c></summary>
    public static implicit operator LuaValue(bool b) => new(b);

    /// <summary>To a tensor (null for nil). Example: <c>Tensor y = net.Forward(x);</c></summary>
    public static implicit operator Tensor(LuaValue v) => v.Object is null ? null! : v.AsTensor;
    /// <summary>To a table (null for nil). Example: <c>Table outs = ct.Forward(x);</c></summary>
    public static implicit operator Table(LuaValue v) => v.Object is null ? null! : v.AsTable;
    /// <summary>To a number. Example: <c>double n = t["num"];</c></summary>
    public static implicit operator double(LuaValue v) => v.Object is double d ? d : throw v.Wrong("a number");
    /// <summary>To a string (explicit, so that <c>"text" + value</c> stays a concatenation); a byte string that is not UTF-8
    /// text (<see cref="LuaBytes"/>) does not convert, since no string has its bytes. Example: <c>var s = (string)t["str"];</c></summary>
    public static explicit operator string(LuaValue v) => v.Object switch
    {
        null => null!,
        string s => s,
        LuaBytes b => throw new InvalidCastException($"expected a string, got a byte string that is not UTF-8 text (\"{b}\"): read it as LuaBytes"),
        _ => throw v.Wrong("a string"),
    };
    /// <summary>To a boolean (Lua truth: only nil and false are false). Example: <c>bool yes = t["yes"];</c></summary>
    public static implicit operator bool(LuaValue v) => v.Object is not null && !(v.Object is bool b && !b);

    /// <summary>Same object (or equal number, string, boolean). Example: <c>a.Equals(b)</c>.</summary>
    public bool Equals(LuaValue other) => IsPlain ? Equals(Object, other.Object) : ReferenceEquals(Object, other.Object);
    /// <summary>Same as <see cref="Equals(LuaValue)"/>. Example: <c>a.Equals((object)b)</c>.</summary>
    public override bool Equals(object? obj) => obj is LuaValue v && Equals(v);
    /// <summary>Hash consistent with <see cref="Equals(LuaValue)"/>. Example: <c>v.GetHashCode()</c>.</summary>
    public override int GetHashCode() => Object is null ? 0 : IsPlain ? Object.GetHashCode() : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Object);

    /// <summary>Values compared by content, as Lua compares numbers, strings and booleans; other objects by identity.</summary>
    bool IsPlain => Object is double or string or bool or LuaBytes;

    /// <summary>Lua's <c>tostring</c>-like text. Example: <c>new LuaValue(2.5).ToString() == "2.5"</c>.</summary>
    public override string ToString() => Object switch
    {
        null => "nil",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        var o => o.ToString() ?? "",
    };
}
