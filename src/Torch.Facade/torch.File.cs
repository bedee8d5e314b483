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
        var bytes = Serialize(obj, format, "torch.Save");
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// Reads a .t7 file written by Torch7 (or by <see cref="Save"/>): a tensor, storage, <see cref="Table"/>, number, string
    /// (a <see cref="LuaBytes"/> when its bytes are not UTF-8 text), boolean, or registered object. <paramref name="format"/> is
    /// "binary", "ascii", "b64" (8-byte longs) or "b32" (4-byte longs, files from Windows or 32-bit Torch7); "binary" tries
    /// 8-byte longs, then 4. Bytes after the object are ignored, as Torch7 does. CUDA tensors load as CPU tensors of the same
    /// element type. A file that is not a valid .t7 raises an <see cref="InvalidDataException"/> that names the file, the byte
    /// offset and what was expected there (the error of a class rebuilding its object is its InnerException); loading runs no code of the file
    /// and allocates no more than the file holds. Example: <c>object? o = torch.Load("data.t7");</c>
    /// </summary>
    public static object? Load(string path, string format = "binary") => Deserialize(File.ReadAllBytes(path), format, path);

    /// <summary>Loads a .t7 file and checks the object is a <typeparamref name="T"/>. Example: <c>var net = torch.Load&lt;Module&gt;("m.t7");</c></summary>
    public static T Load<T>(string path, string format = "binary")
    {
        var o = Load(path, format);
        return o is T t ? t : throw T7Reader.Error(path, 0, new FileInfo(path).Length,
            $"expected a {typeof(T).Name}, got {new LuaValue(o).Describe()}");
    }

    /// <summary>The bytes <see cref="Save"/> would write (Lua's <c>torch.serialize</c>). Example: <c>byte[] b = torch.Serialize(t);</c></summary>
    public static byte[] Serialize(object? obj, string format = "binary") => Serialize(obj, format, "torch.Serialize");

    static byte[] Serialize(object? obj, string format, string fn)
    {
        bool ascii = AsciiFormat(format, fn);
        return DeepStack.Run(() =>
        {
            using var m = new MemoryStream();
            new T7Writer(m, ascii, fn).WriteObject(obj);
            return m.ToArray();
        });
    }

    /// <summary>Reads an object from bytes in Torch7's format (Lua's <c>torch.deserialize</c>); errors as <see cref="Load"/>.
    /// Example: <c>var t = (Tensor)torch.Deserialize(b)!;</c></summary>
    public static object? Deserialize(byte[] bytes, string format = "binary") => Deserialize(bytes, format, "<bytes>");

    static object? Deserialize(byte[] bytes, string format, string source)
    {
        bool ascii = AsciiFormat(format, "torch.Load");
        return DeepStack.Run(() =>
        {
            if (ascii || format == "b64") return Read(bytes, ascii, 8, source).Object;
            if (format == "b32") return Read(bytes, false, 4, source).Object;
            // "binary": 8-byte longs, unless 4-byte ones read exactly the whole file where 8-byte ones fail or leave bytes over
            (object? Object, bool AtEnd) wide;
            try { wide = Read(bytes, false, 8, source); }
            catch (InvalidDataException)
            {
                var narrow = TryRead(bytes, 4, source);
                if (narrow is { AtEnd: true }) return narrow.Value.Object;
                throw;
            }
            if (wide.AtEnd) return wide.Object;
            return TryRead(bytes, 4, source) is { AtEnd: true } whole ? whole.Object : wide.Object;
        });
    }

    static (object? Object, bool AtEnd)? TryRead(byte[] bytes, int longSize, string source)
    {
        try { return Read(bytes, false, longSize, source); }
        catch (InvalidDataException) { return null; }
    }

    static (object? Object, bool AtEnd) Read(byte[] bytes, bool ascii, int longSize, string source)
    {
        var r = new T7Reader(bytes, ascii, longSize, source);
        var o = r.ReadObject();
        return (o, r.AtEnd);
    }

    static bool AsciiFormat(string format, string fn) => format switch
    {
        "binary" or "b32" or "b64" => false,
        "ascii" => true,
        _ => throw new ArgumentException($"{fn}: unknown format '{format}' (expected binary, ascii, b32 or b64)"),
    };
}
