using TorchSharp;
using ScalarType = TorchSharp.torch.ScalarType;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

/// <summary>
/// Lua's <c>torch</c> package: tensor constructors of every type, the default tensor type, random seeds,
/// and the functional forms of the math library (<c>torch.Add(a, b)</c> returns a new tensor).
/// </summary>
/// <remarks>Example: <c>var a = torch.Tensor(4, 6).Uniform(); torch.ManualSeed(1);</c></remarks>
public static partial class torch
{
    static ScalarType defaultType = ScalarType.Float64;
    static bool defaultCuda;

    /// <summary>An uninitialised libtorch tensor (Torch7 leaves new tensors uninitialised too). Every allocation of the
    /// library passes here: sizes no machine can hold are refused before libtorch sees them, and libtorch's own failure
    /// to allocate becomes an <see cref="OutOfMemoryException"/> that says how much was asked.</summary>
    internal static TT Empty(ScalarType type, bool cuda, params long[] size) => Empty("torch.Tensor", type, cuda, size);

    /// <summary>The bytes a tensor of <paramref name="size"/> takes, or an error naming <paramref name="fn"/> when a size is
    /// negative or the whole is beyond any machine (checked without overflow, before libtorch is asked).</summary>
    internal static long CheckSize(string fn, ScalarType type, params long[] size)
    {
        Int128 bytes = TensorType.ElementSize(type);
        foreach (var s in size)
        {
            if (s < 0) throw new ArgumentOutOfRangeException(nameof(size), $"{fn}: size {s} (expected 0 or more)");
            bytes = Int128.Min(bytes * s, (Int128)MaxBytes + 1);
        }
        if (bytes > MaxBytes)
            throw new ArgumentOutOfRangeException(nameof(size), $"{fn}: sizes {string.Join("x", size)} need more than {MaxBytes} bytes, beyond any machine"
                + (size.Length == 1 && fn.EndsWith("Tensor", StringComparison.Ordinal) ? " (a long[] argument means sizes; values come from a double[] or a Lua-like table)" : ""));
        return (long)bytes;
    }

    /// <summary>Bytes beyond any machine's address space (2^48): a request this large is a mistake, not a shortage.</summary>
    const long MaxBytes = 1L << 48;

    /// <summary><see cref="Empty(ScalarType, bool, long[])"/>, naming <paramref name="fn"/> in its errors.</summary>
    internal static TT Empty(string fn, ScalarType type, bool cuda, long[] size)
    {
        long bytes = CheckSize(fn, type, size);
        // every new tensor comes here: the message (and a closure) is made only when libtorch refuses
        try { return TS.empty(size, type, cuda ? new TS.Device(DeviceType.CUDA, cutorch.CurrentDevice) : TS.CPU); }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            throw Native.LibtorchError.Translate($"{fn} (sizes {string.Join("x", size)}, {bytes} bytes)", e);
        }
    }

    /// <summary>Makes a Facade tensor of a fresh libtorch allocation.</summary>
    internal static Tensor Wrap(TT t) => new Tensor(t).Owns();

    static Tensor Make(ScalarType type, bool cuda, long[] size)
    {
        string fn = TensorType.Name(type, cuda);
        if (cuda) cutorch.RequireCuda(fn);
        return Wrap(Empty(fn, type, cuda, size.Length == 0 ? new long[] { 0 } : size));
    }

    // ---------------------------------------------------------------- default type

    /// <summary>The default tensor type's name, initially "torch.DoubleTensor". Example: <c>torch.GetDefaultTensorType()</c>.</summary>
    public static string GetDefaultTensorType() => TensorType.Name(defaultType, defaultCuda);

    /// <summary>Sets the type <c>torch.Tensor(...)</c> and the factories create. Example: <c>torch.SetDefaultTensorType("torch.FloatTensor");</c></summary>
    public static void SetDefaultTensorType(string typeName)
    {
        var (type, cuda) = TensorType.Parse(typeName);
        if (cuda) cutorch.RequireCuda("torch.SetDefaultTensorType");
        (defaultType, defaultCuda) = (type, cuda);
    }

    internal static ScalarType DefaultScalarType => defaultType;
    internal static bool DefaultCuda => defaultCuda;

    // ---------------------------------------------------------------- constructors

    /// <summary>A tensor of the default type with these sizes (uninitialised; no sizes gives an empty tensor).
    /// Example: <c>var a = torch.Tensor(4, 6);</c></summary>
    public static Tensor Tensor(params long[] size) => Make(defaultType, defaultCuda, size);

    /// <summary>A tensor of the default type holding the values of a .NET array (rectangular <c>double[,]</c> or jagged <c>double[][]</c>), as Lua's <c>torch.Tensor({{1,2},{3,4}})</c>.
    /// Example: <c>torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } })</c>.</summary>
    public static Tensor Tensor(Array values) => FromArray(values, defaultType, defaultCuda);

    /// <summary>A tensor of the default type holding the values of a one-dimensional .NET array (this overload only settles the
    /// choice C# cannot make between <c>Tensor(Array)</c> and TorchSharp's implicit conversion of arrays to its tensors; a
    /// <c>long[]</c> alone still binds to sizes). Example: <c>torch.Tensor(new[] { 1.0, 2.0, 3.0 })</c>.</summary>
    public static Tensor Tensor<T>(T[] values) where T : unmanaged => FromArray(values, defaultType, defaultCuda);

    /// <summary>A view of <paramref name="storage"/> from 1-based <paramref name="storageOffset"/> (Lua's <c>torch.Tensor(storage, offset, sizes, strides)</c>).
    /// Example: <c>torch.Tensor(s, 1, new long[] { 2, 5 })</c>.</summary>
    public static Tensor Tensor(Storage storage, long storageOffset = 1, long[]? sizes = null, long[]? strides = null) =>
        new Tensor(storage.Flat.alias()).Set(storage, storageOffset, sizes, strides);

    /// <summary>A new tensor sharing the storage and geometry of <paramref name="other"/> (Lua's <c>torch.Tensor(t)</c>).
    /// Example: <c>var b = torch.Tensor(a);</c></summary>
    public static Tensor Tensor(Tensor other) => new Tensor(other.Raw.alias()).Set(other);

    /// <summary>A DoubleTensor with these sizes. Example: <c>torch.DoubleTensor(2, 3)</c>.</summary>
    public static Tensor DoubleTensor(params long[] size) => Make(ScalarType.Float64, false, size);
    /// <summary>A FloatTensor with these sizes. Example: <c>torch.FloatTensor(2, 3)</c>.</summary>
    public static Tensor FloatTensor(params long[] size) => Make(ScalarType.Float32, false, size);
    /// <summary>A LongTensor with these sizes. Example: <c>torch.LongTensor(5)</c>.</summary>
    public static Tensor LongTensor(params long[] size) => Make(ScalarType.Int64, false, size);
    /// <summary>An IntTensor with these sizes. Example: <c>torch.IntTensor(5)</c>.</summary>
    public static Tensor IntTensor(params long[] size) => Make(ScalarType.Int32, false, size);
    /// <summary>A ShortTensor with these sizes. Example: <c>torch.ShortTensor(5)</c>.</summary>
    public static Tensor ShortTensor(params long[] size) => Make(ScalarType.Int16, false, size);
    /// <summary>A CharTensor with these sizes. Example: <c>torch.CharTensor(5)</c>.</summary>
    public static Tensor CharTensor(params long[] size) => Make(ScalarType.Int8, false, size);
    /// <summary>A ByteTensor with these sizes. Example: <c>torch.ByteTensor(5)</c>.</summary>
    public static Tensor ByteTensor(params long[] size) => Make(ScalarType.Byte, false, size);
    /// <summary>A HalfTensor with these sizes. Example: <c>torch.HalfTensor(5)</c>.</summary>
    public static Tensor HalfTensor(params long[] size) => Make(ScalarType.Float16, false, size);
    /// <summary>A torch.CudaTensor (float on the GPU); throws with instructions when CUDA is absent.
    /// Example: <c>torch.CudaTensor(2, 3)</c>.</summary>
    public static Tensor CudaTensor(params long[] size) => Make(ScalarType.Float32, true, size);
    /// <summary>A torch.CudaDoubleTensor. Example: <c>torch.CudaDoubleTensor(2)</c>.</summary>
    public static Tensor CudaDoubleTensor(params long[] size) => Make(ScalarType.Float64, true, size);
    /// <summary>A torch.CudaLongTensor. Example: <c>torch.CudaLongTensor(2)</c>.</summary>
    public static Tensor CudaLongTensor(params long[] size) => Make(ScalarType.Int64, true, size);

    /// <summary>A DoubleTensor of the values of a .NET array. Example: <c>torch.DoubleTensor(new[] { 1.0, 2.0 })</c>.</summary>
    public static Tensor DoubleTensor(Array values) => FromArray(values, ScalarType.Float64, false);
    /// <summary>A FloatTensor of the values of a .NET array. Example: <c>torch.FloatTensor(new[] { 1f, 2f })</c>.</summary>
    public static Tensor FloatTensor(Array values) => FromArray(values, ScalarType.Float32, false);
    /// <summary>A LongTensor of the values of a .NET array. Example: <c>torch.LongTensor(new long[] { 1, 3 })</c>... note: a long[] binds to sizes; pass <c>new[] { 1.0, 3 }</c> or a jagged/2-D array for values.</summary>
    public static Tensor LongTensor(Array values) => FromArray(values, ScalarType.Int64, false);
    /// <summary>An IntTensor of the values of a .NET array. Example: <c>torch.IntTensor(new[] { 1, 2 })</c>.</summary>
    public static Tensor IntTensor(Array values) => FromArray(values, ScalarType.Int32, false);
    /// <summary>A ShortTensor of the values of a .NET array. Example: <c>torch.ShortTensor(new short[] { 1, 2 })</c>.</summary>
    public static Tensor ShortTensor(Array values) => FromArray(values, ScalarType.Int16, false);
    /// <summary>A CharTensor of the values of a .NET array. Example: <c>torch.CharTensor(new sbyte[] { -1, 2 })</c>.</summary>
    public static Tensor CharTensor(Array values) => FromArray(values, ScalarType.Int8, false);
    /// <summary>A ByteTensor of the values of a .NET array. Example: <c>torch.ByteTensor(new byte[] { 0, 1, 255 })</c>.</summary>
    public static Tensor ByteTensor(Array values) => FromArray(values, ScalarType.Byte, false);

    /// <summary>A DoubleStorage of <paramref name="size"/> elements. Example: <c>torch.DoubleStorage(10)</c>.</summary>
    public static Storage DoubleStorage(long size) => new(ScalarType.Float64, size);
    /// <summary>A FloatStorage of <paramref name="size"/> elements. Example: <c>torch.FloatStorage(10)</c>.</summary>
    public static Storage FloatStorage(long size) => new(ScalarType.Float32, size);
    /// <summary>A LongStorage of <paramref name="size"/> elements. Example: <c>torch.LongStorage(3)</c>.</summary>
    public static Storage LongStorage(long size) => new(ScalarType.Int64, size);
    /// <summary>An IntStorage of <paramref name="size"/> elements. Example: <c>torch.IntStorage(3)</c>.</summary>
    public static Storage IntStorage(long size) => new(ScalarType.Int32, size);
    /// <summary>A ShortStorage of <paramref name="size"/> elements. Example: <c>torch.ShortStorage(3)</c>.</summary>
    public static Storage ShortStorage(long size) => new(ScalarType.Int16, size);
    /// <summary>A CharStorage of <paramref name="size"/> elements. Example: <c>torch.CharStorage(3)</c>.</summary>
    public static Storage CharStorage(long size) => new(ScalarType.Int8, size);
    /// <summary>A ByteStorage of <paramref name="size"/> elements. Example: <c>torch.ByteStorage(3)</c>.</summary>
    public static Storage ByteStorage(long size) => new(ScalarType.Byte, size);
    /// <summary>A storage of the default type (Lua's <c>torch.Storage(n)</c>). Example: <c>torch.Storage(10)</c>.</summary>
    public static Storage Storage(long size) => new(defaultType, size);

    /// <summary>A DoubleStorage holding <paramref name="values"/>. Example: <c>torch.DoubleStorage(new[] { 1.5, 2, -3 })</c>.</summary>
    public static Storage DoubleStorage(double[] values) => Filled(DoubleStorage(values.LongLength), values);
    /// <summary>A FloatStorage holding <paramref name="values"/>. Example: <c>torch.FloatStorage(new[] { 1f, 2f })</c>.</summary>
    public static Storage FloatStorage(float[] values) => Filled(FloatStorage(values.LongLength), values.Select(v => (double)v).ToArray());
    /// <summary>A LongStorage holding <paramref name="values"/>. Example: <c>torch.LongStorage(new long[] { 2, 3 })</c>.</summary>
    public static Storage LongStorage(long[] values) => Filled(LongStorage(values.LongLength), values.Select(v => (double)v).ToArray());

    static Storage Filled(Storage s, double[] values)
    {
        for (long i = 0; i < values.LongLength; i++) s[i + 1] = values[i];
        return s;
    }

    /// <summary>Whether <paramref name="o"/> is a tensor. Example: <c>torch.IsTensor(x)</c>.</summary>
    public static bool IsTensor(object? o) => o is Tensor;

    /// <summary>Whether <paramref name="o"/> is a storage. Example: <c>torch.IsStorage(s)</c>.</summary>
    public static bool IsStorage(object? o) => o is Storage;

    /// <summary>Lua's <c>torch.typename</c>: the torch class name of a tensor, storage or registered object ("torch.DoubleTensor",
    /// "nn.Linear"), null for anything else (numbers, strings, tables). Example: <c>torch.Typename(nn.Linear(2, 3)) == "nn.Linear"</c>.</summary>
    public static string? Typename(object? o) => o switch
    {
        LuaValue v => Typename(v.Object),
        Tensor t => t.Type(),
        Storage s => s.Type(),
        null => null,
        _ => TorchClasses.ClassName(o),
    };

    /// <summary>Lua's <c>torch.type</c>: <see cref="Typename"/> when there is one, else Lua's <c>type</c> ("number", "string",
    /// "boolean", "table", "nil"). Example: <c>if (torch.Type(model) == "nn.DataParallelTable") model = ((Container)model).Get(1);</c></summary>
    public static string Type(object? o) => new LuaValue(o).Describe();
}
