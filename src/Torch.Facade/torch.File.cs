namespace Torch;

public static partial class torch
{
    /// <summary>
    /// Writes <paramref name="obj"/> (a tensor, storage, table, number, string, boolean, or a registered object such as
    /// an nn module) to <paramref name="path"/> in Torch7's format: "binary" (default) or "ascii". Tensors that share a
    /// storage keep sharing it in the file, as Torch7's referenced mode does. Example: <c>torch.Save("m.t7", net);</c>
    /// </summary>
    public static void Save(string path, object? obj, string format = "binary")
    {
        bool ascii = AsciiFormat(format, "torch.Save");
        using var f = File.Create(path);
        new T7Writer(f, ascii).WriteObject(obj);
    }

    /// <summary>
    /// Reads a .t7 file written by Torch7 (or by <see cref="Save"/>): a tensor, storage, <see cref="Table"/>, number, string,
    /// boolean, or registered object. <paramref name="format"/> is "binary", "ascii", "b64" (8-byte longs) or "b32"
    /// (4-byte longs, files from Windows or 32-bit Torch7); "binary" tries 8-byte longs, then 4.
    /// CUDA tensors load as CPU tensors of the same element type. Example: <c>object? o = torch.Load("data.t7");</c>
    /// </summary>
    public static object? Load(string path, string format = "binary") => Deserialize(File.ReadAllBytes(path), format);

    /// <summary>Loads a .t7 file and checks the object is a <typeparamref name="T"/>; a Lua table becomes a <typeparamref name="T"/>
    /// registered as a table (optim's configs: <c>torch.Load&lt;SgdConfig&gt;("optimState.t7")</c>).
    /// Example: <c>var net = torch.Load&lt;Module&gt;("m.t7");</c></summary>
    public static T Load<T>(string path, string format = "binary")
    {
        var o = Load(path, format);
        if (o is Table table && o is not T && TorchClasses.FromTable(typeof(T), table) is T fromTable) return fromTable;
        return o is T t ? t : throw new InvalidDataException(
            $"torch.Load: {path} holds {new LuaValue(o).Describe()}, not a {typeof(T).Name}");
    }

    /// <summary>The bytes <see cref="Save"/> would write (Lua's <c>torch.serialize</c>). Example: <c>byte[] b = torch.Serialize(t);</c></summary>
    public static byte[] Serialize(object? obj, string format = "binary")
    {
        using var m = new MemoryStream();
        new T7Writer(m, AsciiFormat(format, "torch.Serialize")).WriteObject(obj);
        return m.ToArray();
    }

    /// <summary>Reads an object from bytes in Torch7's format (Lua's <c>torch.deserialize</c>). Example: <c>var t = (Tensor)torch.Deserialize(b)!;</c></summary>
    public static object? Deserialize(byte[] bytes, string format = "binary")
    {
        bool ascii = AsciiFormat(format, "torch.Load");
        if (ascii || format == "b64") return ReadAll(bytes, ascii, 8);
        if (format == "b32") return ReadAll(bytes, false, 4);
        try { return ReadAll(bytes, false, 8); }
        catch (InvalidDataException first)
        {
            try { return ReadAll(bytes, false, 4); }
            catch (InvalidDataException) { throw first; }
        }
    }

    static object? ReadAll(byte[] bytes, bool ascii, int longSize)
    {
        var r = new T7Reader(bytes, ascii, longSize);
        var o = r.ReadObject();
        if (!r.AtEnd) throw new InvalidDataException("torch.Load: unexpected bytes after the object (wrong format or long size?)");
        return o;
    }

    static bool AsciiFormat(string format, string fn) => format switch
    {
        "binary" or "b32" or "b64" => false,
        "ascii" => true,
        _ => throw new ArgumentException($"{fn}: unknown format '{format}' (expected binary, ascii, b32 or b64)"),
    };
}
