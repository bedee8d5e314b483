using System.Runtime.InteropServices;
using Torch.Native;
using TorchSharp;
using ScalarType = TorchSharp.torch.ScalarType;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

/// <summary>
/// A Torch7 storage: a 1-based, one-dimensional block of elements that tensors view.
/// </summary>
/// <remarks>
/// Example: <c>Storage s = a.Storage(); double e = s[13]; s[13] = 0; long n = s.Size();</c>
/// It is backed by a contiguous 1-D libtorch tensor that covers the whole storage, so writes through
/// it are seen by every tensor on the same memory.
/// </remarks>
public sealed class Storage
{
    internal TT Flat { get; private set; }
    readonly Tensor owner; // keeps the wrapper (and its GC accounting) alive while the storage is used

    internal Storage(Tensor of)
    {
        var t = of.Raw;
        long n = of.StorageSize;
        owner = new Tensor(t.as_strided(new[] { n }, new[] { 1L }, 0));
        Flat = owner.Raw;
    }

    internal Storage(ScalarType type, long size)
    {
        owner = new Tensor(torch.Empty(TensorType.StorageName(type, false), type, false, new[] { size })).Owns();
        Flat = owner.Raw;
    }

    /// <summary>The tensor (1-D, contiguous) that covers this storage. Example: <c>Tensor t = s.AsTensor();</c></summary>
    public Tensor AsTensor() => new(Flat.alias());

    /// <summary>Number of elements. Example: <c>torch.DoubleStorage(5).Size() == 5</c>.</summary>
    public long Size() => Flat.numel();

    /// <summary>Bytes per element. Example: <c>torch.FloatStorage(1).ElementSize() == 4</c>.</summary>
    public long ElementSize() => Flat.element_size();

    /// <summary>The Torch7 type name, e.g. "torch.DoubleStorage". Example: <c>s.Type()</c>.</summary>
    public string Type() => TensorType.StorageName(Flat.dtype, Flat.device_type == DeviceType.CUDA);

    /// <summary>Element <paramref name="index"/> (1-based). Example: <c>s[1] = 2.5; double v = s[1];</c></summary>
    public double this[long index]
    {
        get => IsCpu ? Elements.Read(Data, Flat.dtype, Check(index)) : Flat[Check(index)].ToDouble();
        set
        {
            long i = Check(index);
            if (IsCpu) Elements.Write(Data, Flat.dtype, i, value);
            else
            {
                using var s = ScalarLease.Of(value, Flat.dtype);
                using var e = Flat[i];
                e.fill_(s.Value);
            }
        }
    }

    bool IsCpu => Flat.device_type == DeviceType.CPU;
    IntPtr Data => THS.THSStorage_data_ptr(Flat.Handle);

    long Check(long index)
    {
        long n = Size();
        if (index < 1 || index > n)
            throw new IndexOutOfRangeException($"Storage: index {index} out of range (expected 1..{n})");
        return index - 1;
    }

    /// <summary>Sets every element to <paramref name="value"/>. Example: <c>torch.DoubleStorage(3).Fill(1)</c>.</summary>
    public Storage Fill(double value)
    {
        using var s = ScalarLease.Of(value, Flat.dtype);
        Flat.fill_(s.Value);
        return this;
    }

    /// <summary>Copies <paramref name="source"/> (any type, same size). Example: <c>s.Copy(other)</c>.</summary>
    public Storage Copy(Storage source)
    {
        if (source.Size() != Size())
            throw new ArgumentException($"Storage.Copy: the source has {source.Size()} elements but the destination has {Size()}");
        Flat.copy_(source.Flat);
        return this;
    }

    /// <summary>
    /// Resizes to <paramref name="size"/> elements, keeping the first ones. Tensors made before a growing
    /// resize keep viewing the old memory (libtorch cannot grow memory in place under a live view).
    /// Example: <c>s.Resize(10)</c>.
    /// </summary>
    public Storage Resize(long size)
    {
        if (size < 0) throw new ArgumentOutOfRangeException(nameof(size), $"Storage.Resize: size {size} (expected 0 or more)");
        long n = Size();
        if (size <= n)
        {
            owner.Reset(Flat.narrow(0, 0, size));
        }
        else
        {
            var grown = torch.Empty("Storage.Resize", Flat.dtype, !IsCpu, new[] { size });
            using (var head = grown.narrow(0, 0, n)) head.copy_(Flat);
            owner.Reset(grown).Owns();
        }
        Flat = owner.Raw;
        return this;
    }

    /// <summary>
    /// The elements as a span over the native memory, without a copy (CPU only; <typeparamref name="T"/> must match the element type).
    /// Example: <c>Span&lt;double&gt; d = a.Storage().AsSpan&lt;double&gt;(); d[0] = 1;</c>
    /// </summary>
    public unsafe Span<T> AsSpan<T>() where T : unmanaged
    {
        if (!IsCpu) throw new InvalidOperationException("Storage.AsSpan: the storage is on the GPU; copy it with Float() first");
        if (sizeof(T) != ElementSize() || !Matches<T>(Flat.dtype))
            throw new ArgumentException($"Storage.AsSpan: {typeof(T).Name} does not match the element type of a {Type()}");
        long n = Size();
        if (n > int.MaxValue) throw new InvalidOperationException($"Storage.AsSpan: {n} elements do not fit in a Span");
        return new Span<T>((void*)Data, (int)n);
    }

    static bool Matches<T>(ScalarType type) => type switch
    {
        ScalarType.Float64 => typeof(T) == typeof(double),
        ScalarType.Float32 => typeof(T) == typeof(float),
        ScalarType.Int64 => typeof(T) == typeof(long),
        ScalarType.Int32 => typeof(T) == typeof(int),
        ScalarType.Int16 => typeof(T) == typeof(short),
        ScalarType.Int8 => typeof(T) == typeof(sbyte),
        ScalarType.Byte => typeof(T) == typeof(byte),
        ScalarType.Float16 => typeof(T) == typeof(Half),
        _ => false,
    };

    /// <summary>The elements as a new array of doubles. Example: <c>double[] v = s.ToArray();</c></summary>
    public double[] ToArray()
    {
        var r = new double[Size()];
        for (long i = 0; i < r.Length; i++) r[i] = this[i + 1];
        return r;
    }

    /// <summary>Torch7's <c>tostring</c> of a storage, footer included. Example: <c>Console.Write(s)</c>.</summary>
    public override string ToString() => TensorPrinter.Storage(ToArray(), Type());
}
