using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Torch.Native;
using ScalarType = TorchSharp.torch.ScalarType;

namespace Torch;

/// <summary>
/// Reads Lua values in Torch7's serialization format (File.lua readObject), binary or ascii. A .t7 file is data: it can
/// only make numbers, strings, booleans, tables, tensors, storages and objects of registered Torch classes, and every
/// count, size and reference is checked against the bytes that remain before anything is allocated, so a damaged or
/// hostile file raises an <see cref="InvalidDataException"/> (file, byte offset, what was expected), never a native crash.
/// Lua strings are bytes: valid UTF-8 loads as a string, anything else as a <see cref="LuaBytes"/>.
/// </summary>
internal sealed class T7Reader
{
    /// <summary>Objects nested deeper than this are refused (Torch7 itself writes and reads about 3,000 levels); the reader
    /// runs on a thread whose stack holds this many (see <see cref="DeepStack"/>).</summary>
    internal const int MaxDepth = 10_000;
    const int MaxDims = 64;
    readonly byte[] data;
    readonly bool ascii;
    readonly int longSize;
    readonly string source;
    readonly Dictionary<int, object> objects = new();
    int pos, depth;

    public T7Reader(byte[] data, bool ascii, int longSize, string source)
    {
        this.data = data;
        this.ascii = ascii;
        this.longSize = longSize;
        this.source = source;
    }

    /// <summary>Whether only whitespace (ascii) or nothing (binary) follows what was read.</summary>
    public bool AtEnd => ascii ? data.AsSpan(pos).Trim("\r\n\t "u8).IsEmpty : pos >= data.Length;

    InvalidDataException Bad(string what, Exception? inner = null) => Error(source, pos, data.Length, what, inner);

    /// <summary>The one error of a bad file: "torch.Load: FILE: at byte OFFSET of LENGTH: WHAT".</summary>
    internal static InvalidDataException Error(string source, long offset, long length, string what, Exception? inner = null) =>
        new($"torch.Load: {source}: at byte {offset} of {length}: {what}", inner);

    public object? ReadObject()
    {
        if (++depth > MaxDepth) throw Bad($"objects nested deeper than {MaxDepth} levels");
        try
        {
            int start = pos;
            int tag = ReadInt();
            switch (tag)
            {
                case 0: return null;
                case 1: return ReadDouble();
                case 2: return ReadString();
                case 5: return ReadInt() == 1;
                case 3: return ReadTable();
                case 4: return ReadTorch();
                case 6 or 7 or 8: throw Bad("the file holds a Lua function, which .NET cannot load");
                default:
                    pos = start;
                    throw Bad(start == 0 && !ascii && LooksLikeText()
                        ? "this is not a Torch7 file: it starts with text (an ascii .t7 file loads with format \"ascii\")"
                        : start == 0 ? $"this is not a Torch7 file: expected an object type tag 0..8, got {tag}"
                        : $"expected an object type tag 0..8, got {tag}");
            }
        }
        finally { depth--; }
    }

    bool LooksLikeText() => data.AsSpan(0, Math.Min(data.Length, 64)).IndexOfAnyExceptInRange((byte)0x09, (byte)0x7E) < 0;

    object ReadTable()
    {
        int index = ReadInt();
        if (objects.TryGetValue(index, out var known)) return known as Table ?? throw Bad($"expected a table for reference {index}, got {Describe(known)}");
        var t = new Table();
        objects[index] = t;
        FillTable(t);
        return t;
    }

    void FillTable(Table t)
    {
        int n = ReadInt();
        if (n < 0 || n > Remaining) throw Bad($"expected a table size of 0..{Remaining} (the bytes left), got {n}");
        for (int i = 0; i < n; i++)
        {
            var key = ReadObject() ?? throw Bad("expected a table key, got nil");
            if (key is double d && double.IsNaN(d)) throw Bad("expected a table key, got NaN");
            var value = ReadObject();
            t[new LuaValue(key)] = new LuaValue(value);
        }
    }

    object ReadTorch()
    {
        int index = ReadInt();
        if (objects.TryGetValue(index, out var known))
            return known is Placeholder ? throw Bad($"expected a finished object for reference {index}, got a cycle back to an object still being read (only classes registered with TorchClasses.AddWrapper may refer back to themselves)") : known;
        string version = ReadName("a version or class name");
        string className = version.StartsWith("V ", StringComparison.Ordinal) ? ReadName("a class name") : version;
        if (Element(className, "Storage") is { } storageType)
        {
            var s = ReadStorage(className, storageType);
            objects[index] = s;
            return s;
        }
        if (Element(className, "Tensor") is { } tensorType)
        {
            var t = ReadTensor(className, tensorType);
            objects[index] = t;
            return t;
        }
        if (className == "torch.Timer") return objects[index] = new Timer(); // Torch7 writes no content: its read makes a new one
        if (TorchClasses.Wrapper(className) is { } wrap) return ReadWrapped(index, className, wrap);
        var reader = TorchClasses.Reader(className) ?? throw Bad($"unknown Torch class <{className}>: expected a tensor, a storage or a registered class");
        objects[index] = Placeholder.Instance; // a cycle back to an object still being read is not supported
        if (TorchClasses.Header(className) is not null) ReadObject(); // what the class's write puts before its fields
        int fieldsAt = pos;
        var fields = ReadObject() as Table;
        if (fields is null)
        {
            pos = fieldsAt;
            throw Bad($"<{className}>: expected a table of fields");
        }
        object o;
        try { o = reader(fields, version.StartsWith("V ", StringComparison.Ordinal) && int.TryParse(version[2..], out int v) ? v : 0); }
        catch (Exception e) when (e is not OutOfMemoryException) // the class's own check of its fields, not the reader's
        {
            throw Bad($"<{className}>: cannot be built from its fields: {e.Message}", e);
        }
        objects[index] = o;
        return o;
    }

    sealed class Placeholder
    {
        internal static readonly Placeholder Instance = new();
    }

    static string Describe(object o) => new LuaValue(o).Describe();

    /// <summary>The element type of "torch.[Cuda]XStorage" / "torch.[Cuda]XTensor" (CUDA ones load on the CPU), or null.</summary>
    /// <summary>An object made around its table of fields before they are read, so that they can refer back to it.</summary>
    object ReadWrapped(int index, string className, Func<Table, object> wrap)
    {
        int fieldsAt = pos;
        if (ReadInt() != 3)
        {
            pos = fieldsAt;
            throw Bad($"<{className}>: expected a table of fields");
        }
        int tableIndex = ReadInt();
        if (objects.TryGetValue(tableIndex, out var known)) // the fields table was read before: a finished table
            return objects[index] = wrap(known as Table ?? throw Bad($"<{className}>: expected a table of fields for reference {tableIndex}, got {Describe(known)}"));
        var fields = new Table();
        objects[tableIndex] = fields;
        var o = objects[index] = wrap(fields);
        FillTable(fields);
        return o;
    }

    static ScalarType? Element(string className, string suffix)
    {
        if (!className.StartsWith("torch.", StringComparison.Ordinal) || !className.EndsWith(suffix, StringComparison.Ordinal)) return null;
        string name = className["torch.".Length..^suffix.Length];
        if (name == "Cuda") name = "Float";
        else if (name.StartsWith("Cuda", StringComparison.Ordinal)) name = name["Cuda".Length..];
        return TensorType.TryParse("torch." + name + "Tensor", out var t) ? t.Type : null;
    }

    Storage ReadStorage(string className, ScalarType type)
    {
        long n = ReadLong();
        int size = TensorType.ElementSize(type);
        // ascii numbers take at least 2 bytes each ("0 "); binary ones their size: compared by division, never overflowing
        long most = ascii && size > 1 ? (Remaining + 1) / 2 : Remaining / size;
        if (n < 0 || n > most) throw Bad($"<{className}>: expected 0..{most} elements (the bytes left), got {n}");
        var s = new Storage(type, n);
        byte[] bytes;
        int from;
        if (ascii && size > 1)
        {
            bytes = ReadAsciiElements(className, type, n);
            from = 0;
        }
        else
        {
            bytes = data;
            from = pos;
            pos += (int)(n * size);
            if (ascii) SkipNewline();
        }
        if (n > 0) Marshal.Copy(bytes, from, THS.THSStorage_data_ptr(s.Flat.Handle), (int)(n * size));
        return s;
    }

    /// <summary>n ascii numbers as the bytes of elements of <paramref name="type"/>: integers parsed as integers (no detour
    /// through double, which would round those beyond 2^53) and checked against the type's range.</summary>
    byte[] ReadAsciiElements(string className, ScalarType type, long n)
    {
        var r = new byte[n * TensorType.ElementSize(type)];
        for (int i = 0; i < n; i++)
        {
            int at = pos;
            var token = Token();
            if (TensorType.IsFloating(type))
            {
                double v = ParseReal(token, at);
                if (type == ScalarType.Float64) BitConverter.TryWriteBytes(r.AsSpan(i * 8), v);
                else if (type == ScalarType.Float32) BitConverter.TryWriteBytes(r.AsSpan(i * 4), (float)v);
                else BitConverter.TryWriteBytes(r.AsSpan(i * 2), (Half)v);
                continue;
            }
            long x = ParseInteger(token, at, type switch
            {
                ScalarType.Int32 => (int.MinValue, int.MaxValue),
                ScalarType.Int16 => (short.MinValue, short.MaxValue),
                _ => (long.MinValue, long.MaxValue),
            }, $"an element of <{className}>");
            if (type == ScalarType.Int64) BitConverter.TryWriteBytes(r.AsSpan(i * 8), x);
            else if (type == ScalarType.Int32) BitConverter.TryWriteBytes(r.AsSpan(i * 4), (int)x);
            else BitConverter.TryWriteBytes(r.AsSpan(i * 2), (short)x);
        }
        SkipNewline();
        return r;
    }

    Tensor ReadTensor(string className, ScalarType type)
    {
        int dim = ReadInt();
        if (dim < 0 || dim > MaxDims) throw Bad($"<{className}>: expected 0..{MaxDims} dimensions, got {dim}");
        var sizes = ReadLongs(dim);
        var strides = ReadLongs(dim);
        long offset = ReadLong();
        int storageAt = pos;
        var storage = ReadObject();
        if (dim == 0 || storage is null) return new Tensor(torch.Empty(type, false, 0));
        if (storage is not Storage s || s.Flat.dtype != type)
        {
            pos = storageAt;
            throw Bad($"<{className}>: expected a {TensorType.StorageName(type, false)}, got {Describe(storage)}");
        }
        try
        {
            return torch.Tensor(s, offset, sizes, strides);
        }
        catch (ArgumentException e)
        {
            throw Bad($"<{className}>: {e.Message}", e);
        }
    }

    // ---------------------------------------------------------------- primitives

    int Remaining => data.Length - pos;

    int ReadInt()
    {
        if (ascii)
        {
            int at = pos;
            return (int)ParseInteger(Token(), at, (int.MinValue, int.MaxValue), "an int", newline: true);
        }
        Need(4);
        int v = BitConverter.ToInt32(data, pos);
        pos += 4;
        return v;
    }

    long ReadLong() => ReadLongs(1)[0];

    long[] ReadLongs(int n)
    {
        if (ascii)
        {
            var r = new long[n];
            for (int i = 0; i < n; i++)
            {
                int at = pos;
                r[i] = ParseInteger(Token(), at, (long.MinValue, long.MaxValue), "a long");
            }
            if (n > 0) SkipNewline();
            return r;
        }
        Need((long)n * longSize);
        var values = new long[n];
        for (int i = 0; i < n; i++, pos += longSize)
            values[i] = longSize == 8 ? BitConverter.ToInt64(data, pos) : BitConverter.ToInt32(data, pos);
        return values;
    }

    double ReadDouble()
    {
        if (ascii)
        {
            int at = pos;
            double v = ParseReal(Token(), at);
            SkipNewline();
            return v;
        }
        Need(8);
        double d = BitConverter.ToDouble(data, pos);
        pos += 8;
        return d;
    }

    /// <summary>A Lua string: a .NET string when its bytes are UTF-8 text, else a <see cref="LuaBytes"/>.</summary>
    object ReadString() => LuaBytes.Of(ReadBytes());

    /// <summary>A class or version name: printable ASCII only.</summary>
    string ReadName(string what)
    {
        int at = pos;
        var bytes = ReadBytes();
        if (bytes.Length == 0 || bytes.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0)
        {
            pos = at;
            throw Bad($"expected {what} (printable ASCII), got {bytes.Length} bytes \"{new LuaBytes(bytes[..Math.Min(bytes.Length, 40)])}\"");
        }
        return Encoding.ASCII.GetString(bytes);
    }

    ReadOnlySpan<byte> ReadBytes()
    {
        int n = ReadInt();
        if (n < 0 || n > Remaining) throw Bad($"expected a string length of 0..{Remaining} (the bytes left), got {n}");
        var s = data.AsSpan(pos, n);
        pos += n;
        if (ascii) SkipNewline();
        return s;
    }

    void Need(long n)
    {
        if (n > Remaining) throw Bad($"the file ends early: expected {n} more bytes, {Remaining} left");
    }

    /// <summary>Ascii mode: the next whitespace-separated token.</summary>
    ReadOnlySpan<byte> Token()
    {
        while (pos < data.Length && IsSpace(data[pos])) pos++;
        int start = pos;
        while (pos < data.Length && !IsSpace(data[pos])) pos++;
        if (start == pos) throw Bad("the file ends early: expected a number");
        return data.AsSpan(start, pos - start);
    }

    static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    long ParseInteger(ReadOnlySpan<byte> token, int at, (long Min, long Max) range, string what, bool newline = false)
    {
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) || v < range.Min || v > range.Max)
        {
            pos = at;
            throw Bad($"expected {what}: an integer in {range.Min}..{range.Max}, got '{Encoding.ASCII.GetString(token)}'");
        }
        if (newline) SkipNewline();
        return v;
    }

    double ParseReal(ReadOnlySpan<byte> token, int at)
    {
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return v;
        string text = Encoding.ASCII.GetString(token);
        switch (text.ToLowerInvariant())
        {
            case "nan" or "-nan": return double.NaN;
            case "inf": return double.PositiveInfinity;
            case "-inf": return double.NegativeInfinity;
        }
        pos = at;
        throw Bad($"expected a number, got '{text}'");
    }

    void SkipNewline()
    {
        if (pos < data.Length && data[pos] == '\r') pos++;
        if (pos < data.Length && data[pos] == '\n') pos++;
    }
}
