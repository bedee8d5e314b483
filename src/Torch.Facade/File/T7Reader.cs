using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Torch.Native;
using ScalarType = TorchSharp.torch.ScalarType;

namespace Torch;

/// <summary>
/// Reads Lua values in Torch7's serialization format (File.lua readObject), binary or ascii. Every count, size and
/// reference is checked against the bytes that remain, so a damaged or hostile file raises an
/// <see cref="InvalidDataException"/> that says what was wrong and where, never a native crash.
/// </summary>
internal sealed class T7Reader
{
    const int MaxDepth = 1000, MaxDims = 64;
    readonly byte[] data;
    readonly bool ascii;
    readonly int longSize;
    readonly Dictionary<int, object> objects = new();
    int pos, depth;

    public T7Reader(byte[] data, bool ascii, int longSize = 8)
    {
        this.data = data;
        this.ascii = ascii;
        this.longSize = longSize;
    }

    public bool AtEnd => ascii ? data.AsSpan(pos).Trim((byte)'\n').Trim((byte)' ').IsEmpty : pos >= data.Length;

    InvalidDataException Bad(string what) => new($"torch.Load: {what} (at byte {pos} of {data.Length})");

    public object? ReadObject()
    {
        if (++depth > MaxDepth) throw Bad($"objects nested deeper than {MaxDepth}");
        try
        {
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
                default: throw Bad($"unknown object type tag {tag} (expected 0..8)");
            }
        }
        finally { depth--; }
    }

    object ReadTable()
    {
        int index = ReadInt();
        if (objects.TryGetValue(index, out var known)) return known as Table ?? throw Bad($"reference {index} is not a table");
        var t = new Table();
        objects[index] = t;
        int n = ReadInt();
        if (n < 0 || n > Remaining) throw Bad($"table with {n} entries");
        for (int i = 0; i < n; i++)
        {
            var key = ReadObject() ?? throw Bad("a table key is nil");
            var value = ReadObject();
            t[new LuaValue(key)] = new LuaValue(value);
        }
        return t;
    }

    object ReadTorch()
    {
        int index = ReadInt();
        if (objects.TryGetValue(index, out var known)) return known;
        string version = ReadString();
        string className = version.StartsWith("V ", StringComparison.Ordinal) ? ReadString() : version;
        if (className.EndsWith("Storage", StringComparison.Ordinal) && className.StartsWith("torch.", StringComparison.Ordinal))
        {
            var s = ReadStorage(className);
            objects[index] = s;
            return s;
        }
        if (className.EndsWith("Tensor", StringComparison.Ordinal) && className.StartsWith("torch.", StringComparison.Ordinal))
        {
            var t = ReadTensor(className);
            objects[index] = t;
            return t;
        }
        var reader = TorchClasses.Reader(className) ?? throw Bad($"unknown Torch class <{className}>");
        var placeholder = new object();
        objects[index] = placeholder; // a cycle back to an object still being read is not supported
        var fields = ReadObject() as Table ?? throw Bad($"<{className}>: expected a table of fields");
        var o = reader(fields);
        objects[index] = o;
        return o;
    }

    static ScalarType ElementType(string className, string suffix, out bool cuda)
    {
        string name = className["torch.".Length..^suffix.Length];
        cuda = name.StartsWith("Cuda", StringComparison.Ordinal);
        if (cuda) name = name["Cuda".Length..];
        if (name == "" && cuda) name = "Float";
        return TensorType.Parse("torch." + name + "Tensor").Type;
    }

    Storage ReadStorage(string className)
    {
        var type = ElementType(className, "Storage", out _); // CUDA storages load on the CPU, same element type
        long n = ReadLong();
        int size = ElementSizeOf(type);
        if (n < 0 || (!ascii && n * size > Remaining) || (ascii && n > Remaining)) throw Bad($"{className} of {n} elements");
        var s = new Storage(type, n);
        if (ascii && type is not (ScalarType.Byte or ScalarType.Int8))
        {
            var values = ReadNumbers(n, type is ScalarType.Float64 or ScalarType.Float32 or ScalarType.Float16);
            for (long i = 0; i < n; i++) s[i + 1] = values[i];
        }
        else
        {
            int bytes = checked((int)(n * size));
            if (n > 0) Marshal.Copy(data, pos, THS.THSStorage_data_ptr(s.Flat.Handle), bytes);
            pos += bytes;
            if (ascii) SkipNewline();
        }
        return s;
    }

    static int ElementSizeOf(ScalarType t) => t switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Int16 or ScalarType.Float16 => 2,
        _ => 1,
    };

    Tensor ReadTensor(string className)
    {
        var type = ElementType(className, "Tensor", out _);
        int dim = ReadInt();
        if (dim < 0 || dim > MaxDims) throw Bad($"{className} with {dim} dimensions (expected 0..{MaxDims})");
        var sizes = ReadLongs(dim);
        var strides = ReadLongs(dim);
        long offset = ReadLong();
        var storage = ReadObject();
        if (dim == 0 || storage is null) return new Tensor(torch.Empty(type, false, 0));
        if (storage is not Storage s) throw Bad($"{className}: expected a storage, got {storage.GetType().Name}");
        if (s.Flat.dtype != type) throw Bad($"{className} over a {s.Type()}");
        try
        {
            return torch.Tensor(s, offset, sizes, strides);
        }
        catch (ArgumentException e)
        {
            throw Bad($"{className}: {e.Message}");
        }
    }

    // ---------------------------------------------------------------- primitives

    int Remaining => data.Length - pos;

    int ReadInt()
    {
        if (ascii) return checked((int)ReadNumbers(1, false)[0]);
        Need(4);
        int v = BitConverter.ToInt32(data, pos);
        pos += 4;
        return v;
    }

    long ReadLong() => ReadLongs(1)[0];

    long[] ReadLongs(int n)
    {
        if (ascii) return n == 0 ? Array.Empty<long>() : ReadNumbers(n, false).Select(v => checked((long)v)).ToArray();
        Need((long)n * longSize);
        var r = new long[n];
        for (int i = 0; i < n; i++, pos += longSize)
            r[i] = longSize == 8 ? BitConverter.ToInt64(data, pos) : BitConverter.ToInt32(data, pos);
        return r;
    }

    double ReadDouble()
    {
        if (ascii) return ReadNumbers(1, true)[0];
        Need(8);
        double v = BitConverter.ToDouble(data, pos);
        pos += 8;
        return v;
    }

    string ReadString()
    {
        int n = ReadInt();
        if (n < 0 || n > Remaining) throw Bad($"string of {n} bytes");
        string s = Encoding.UTF8.GetString(data, pos, n);
        pos += n;
        if (ascii) SkipNewline();
        return s;
    }

    void Need(long n)
    {
        if (n > Remaining) throw Bad($"the file ends early: {n} bytes needed, {Remaining} left");
    }

    /// <summary>Ascii mode: n whitespace-separated numbers, then the one newline that ends the write.</summary>
    double[] ReadNumbers(long n, bool real)
    {
        var r = new double[n];
        for (long i = 0; i < n; i++)
        {
            while (pos < data.Length && (data[pos] == ' ' || data[pos] == '\n' || data[pos] == '\r' || data[pos] == '\t')) pos++;
            int start = pos;
            while (pos < data.Length && data[pos] != ' ' && data[pos] != '\n' && data[pos] != '\r' && data[pos] != '\t') pos++;
            if (start == pos) throw Bad("the file ends early: a number was expected");
            string token = Encoding.ASCII.GetString(data, start, pos - start);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]))
                r[i] = token.ToLowerInvariant() switch
                {
                    "nan" or "-nan" => double.NaN,
                    "inf" => double.PositiveInfinity,
                    "-inf" => double.NegativeInfinity,
                    _ => throw Bad($"'{token}' is not a number"),
                };
            if (!real && r[i] != Math.Floor(r[i])) throw Bad($"'{token}' is not an integer");
        }
        SkipNewline();
        return r;
    }

    void SkipNewline()
    {
        if (pos < data.Length && data[pos] == '\r') pos++;
        if (pos < data.Length && data[pos] == '\n') pos++;
    }
}
