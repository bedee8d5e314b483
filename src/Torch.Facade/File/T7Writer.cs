using System.Globalization;
using System.Text;
using Torch.Native;
using ScalarType = TorchSharp.torch.ScalarType;

namespace Torch;

/// <summary>Writes Lua values in Torch7's serialization format (File.lua writeObject), binary or ascii.</summary>
internal sealed class T7Writer
{
    readonly Stream output;
    readonly bool ascii;
    readonly bool referenced;
    readonly string fn;
    readonly Dictionary<object, int> seen = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<(IntPtr, ScalarType), int> seenStorage = new();
    int nextIndex, depth;

    public T7Writer(Stream output, bool ascii, string fn, bool referenced = true)
    {
        this.output = output;
        this.ascii = ascii;
        this.fn = fn;
        this.referenced = referenced;
    }

    const int Nil = 0, Number = 1, String = 2, TableTag = 3, Torch = 4, Boolean = 5;

    public void WriteObject(object? o, string path = "<root>")
    {
        // what is written must load again: the reader refuses deeper nesting
        if (++depth > T7Reader.MaxDepth) throw new InvalidOperationException($"{fn}: objects nested deeper than {T7Reader.MaxDepth} levels at {path}");
        try { WriteValue(o, path); }
        finally { depth--; }
    }

    void WriteValue(object? o, string path)
    {
        switch (o)
        {
            case null: WriteInt(Nil); break;
            case LuaValue v: WriteObject(v.Object, path); break;
            case double or float or int or long or short or byte or sbyte or uint or ulong or decimal:
                WriteInt(Number);
                WriteDouble(Convert.ToDouble(o, CultureInfo.InvariantCulture));
                break;
            case string or LuaBytes: WriteInt(String); WriteString(o); break;
            case bool b: WriteInt(Boolean); WriteInt(b ? 1 : 0); break;
            case Table t:
                WriteInt(TableTag);
                if (Referenced(t)) return;
                var entries = t.ToList();
                WriteInt(entries.Count);
                foreach (var (k, v) in entries)
                {
                    WriteObject(k.Object, path);
                    WriteObject(v.Object, path.Length < 200 ? path + "." + (k.Object is Table ? "<table>" : k.ToString()) : path); // a deep path stays short; a table key's text may be huge or cyclic
                }
                break;
            case Tensor x: WriteTorch(x, "torch." + TensorType.Short(x.ScalarType) + "Tensor", () => WriteTensor(x)); break;
            case Storage s: WriteStorageObject(s.AsTensor()); break;
            case Timer timer: WriteTorch(timer, "torch.Timer", () => { }); break; // a userdata Torch7 writes as its class name only
            default:
                if (TorchClasses.TableOf(o) is { } plain) { WriteObject(plain, path); break; }
                var writer = TorchClasses.Writer(o)
                    ?? throw new InvalidOperationException($"{fn}: unwritable object <{o.GetType().Name}> at {path}");
                WriteTorch(o, writer.Name, () =>
                {
                    if (TorchClasses.Header(writer.Name) is { } header) WriteObject(header(o), path);
                    WriteObject(writer.Write(o), path);
                }, writer.Version);
                break;
        }
    }

    bool Referenced(object o)
    {
        if (referenced && seen.TryGetValue(o, out int idx)) { WriteInt(idx); return true; }
        idx = ++nextIndex;
        if (referenced) seen[o] = idx;
        WriteInt(idx);
        return false;
    }

    void WriteTorch(object o, string className, Action body, int version = 1)
    {
        WriteInt(Torch);
        if (Referenced(o)) return;
        WriteString("V " + version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WriteString(className);
        body();
    }

    void WriteTensor(Tensor x)
    {
        int dim = x.Dim();
        WriteInt(dim);
        WriteLongs(x.Size());
        WriteLongs(x.Stride());
        WriteLongs(new[] { dim == 0 ? 1 : x.StorageOffset() });
        if (dim == 0) WriteInt(Nil);
        else WriteStorageObject(x);
    }

    /// <summary>Writes the whole storage under <paramref name="of"/>, once per storage (tensors sharing it share the reference).</summary>
    void WriteStorageObject(Tensor of)
    {
        var key = (THS.THSStorage_data_ptr(of.Raw.Handle), of.ScalarType);
        WriteInt(Torch);
        if (referenced && key.Item1 != IntPtr.Zero && seenStorage.TryGetValue(key, out int idx)) { WriteInt(idx); return; }
        idx = ++nextIndex;
        if (referenced && key.Item1 != IntPtr.Zero) seenStorage[key] = idx;
        WriteInt(idx);
        WriteString("V 1");
        WriteString("torch." + TensorType.Short(of.ScalarType) + "Storage");
        var storage = of.Storage();
        long n = storage.Size();
        WriteLongs(new[] { n });
        using var cpu = storage.AsTensor();
        WriteData(cpu, n);
    }

    void WriteData(Tensor flat, long n)
    {
        var type = flat.ScalarType;
        if (!ascii || type is ScalarType.Byte or ScalarType.Int8)
        {
            using var c = flat.IsCuda ? flat.Raw.cpu() : flat.Raw.alias();
            if (n > 0)
            {
                var bytes = new byte[n * flat.ElementSize()];
                System.Runtime.InteropServices.Marshal.Copy(THS.THSStorage_data_ptr(c.Handle), bytes, 0, bytes.Length);
                output.Write(bytes);
            }
            if (ascii) output.WriteByte((byte)'\n');
            return;
        }
        var values = flat.ToArray();
        var sb = new StringBuilder();
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(type switch
            {
                ScalarType.Float64 => TensorPrinter.FormatG(values[i], 17),
                ScalarType.Float32 or ScalarType.Float16 => TensorPrinter.FormatG((float)values[i], 9),
                _ => ((long)values[i]).ToString(CultureInfo.InvariantCulture),
            });
        }
        if (values.Length > 0) sb.Append('\n');
        output.Write(Encoding.ASCII.GetBytes(sb.ToString()));
    }

    void WriteInt(int v)
    {
        if (ascii) WriteText(v.ToString(CultureInfo.InvariantCulture) + "\n");
        else output.Write(BitConverter.GetBytes(v));
    }

    void WriteDouble(double v)
    {
        if (ascii) WriteText(TensorPrinter.FormatG(v, 17) + "\n");
        else output.Write(BitConverter.GetBytes(v));
    }

    void WriteLongs(long[] v)
    {
        if (ascii)
        {
            if (v.Length > 0) WriteText(string.Join(" ", v.Select(x => x.ToString(CultureInfo.InvariantCulture))) + "\n");
        }
        else foreach (var x in v) output.Write(BitConverter.GetBytes(x));
    }

    /// <summary>A Lua string's bytes: a string's UTF-8, a <see cref="LuaBytes"/>'s own bytes.</summary>
    void WriteString(object s)
    {
        var bytes = LuaBytes.BytesOf(s);
        WriteInt(bytes.Length);
        output.Write(bytes);
        if (ascii) output.WriteByte((byte)'\n');
    }

    void WriteText(string s) => output.Write(Encoding.ASCII.GetBytes(s));
}
