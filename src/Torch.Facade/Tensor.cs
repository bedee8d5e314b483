using System.Runtime.CompilerServices;
using Torch.Native;
using TorchSharp;
using ScalarType = TorchSharp.torch.ScalarType;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

/// <summary>
/// A Torch7 tensor: a strided, 1-based view of a <see cref="Storage"/>, running on libtorch.
/// Methods write into their receiver and return it, as Lua's do; <c>torch.X(...)</c> returns a new tensor.
/// </summary>
/// <remarks>
/// Example: <c>var a = torch.Tensor(4, 6).Uniform(); var row = a.Select(1, 3).Fill(3);</c>
/// The wrapped libtorch tensor can be swapped (resize, set) while this object keeps its identity, the
/// way a Lua tensor keeps its identity when its storage changes. Native memory is accounted for (<see cref="NativeMemory"/>),
/// so code that never calls <see cref="Dispose"/> still runs in flat memory.
/// </remarks>
public sealed partial class Tensor : IDisposable
{
    TT handle;
    long[]? sizes, strides;
    NativeMemory.Charge? charge; // set for a large storage this wrapper allocated

    /// <summary>Wraps a libtorch tensor; this object owns it from now on.</summary>
    internal Tensor(TT t)
    {
        handle = t;
        // the libtorch wrapper keeps its own finalizer: ours must not free a handle that a running native call
        // still uses after this object became unreachable (e.g. torch.Tensor(v).View(2, 3))
        Track();
    }

    /// <summary>The libtorch tensor behind this view (for interop with TorchSharp). Whoever holds it may change its geometry or type
    /// in place (<c>resize_</c>, <c>set_</c>, <c>transpose_</c>), so handing it out forgets what this wrapper had cached about them.
    /// Example: <c>x.Raw.resize_(2, 3); x.Size(2) == 3</c></summary>
    public TT Raw
    {
        get
        {
            Forget();
            return handle;
        }
    }

    /// <summary>The libtorch tensor for the library's own calls that change neither its geometry nor its element type (products
    /// and element-wise math into it, reading it): unlike <see cref="Raw"/>, the cached sizes and strides stay (hot modules would
    /// otherwise read them again from libtorch on every call).</summary>
    internal TT Handle => handle;

    /// <summary>Forgets the cached sizes, strides, element type, device and data address (read again from the handle when next needed).</summary>
    void Forget()
    {
        sizes = strides = null;
        dtype = null;
        cuda = null;
        data = IntPtr.Zero;
    }

    /// <summary>Replaces the libtorch tensor behind this object (Lua's resize/set keep the object's identity).</summary>
    internal Tensor Reset(TT t)
    {
        if (ReferenceEquals(t, handle)) return this;
        var old = handle;
        Untrack();
        handle = t;
        sizes = strides = null;
        Track();
        old.Dispose();
        return this;
    }

    /// <summary>Native bytes of a tensor header (TensorImpl and wrapper), charged for every wrapper.</summary>
    const long HeaderBytes = 512;

    /// <summary>Puts <paramref name="t"/> behind this object and returns the previous libtorch tensor undisposed (the caller owns it);
    /// nn uses it to run a module's forward on autograd leaves that share the parameters' storage.</summary>
    internal TT Swap(TT t)
    {
        var old = handle;
        handle = t;
        Forget();
        return old;
    }

    void Track()
    {
        dtype = null;
        cuda = null;
        data = IntPtr.Zero;
        NativeMemory.Allocated(HeaderBytes);
    }

    void Untrack()
    {
        charge?.Dispose();
        charge = null;
    }

    /// <summary>Accounts for a freshly allocated storage owned by this tensor (charged once, to its first wrapper): a large one
    /// until this wrapper is disposed or collected, a small one as allocation volume only (no finalizer: it dies young).</summary>
    internal Tensor Owns()
    {
        long bytes = (long)THS.THSStorage_nbytes(handle.Handle);
        if (bytes >= NativeMemory.Large) charge = new NativeMemory.Charge(bytes);
        else NativeMemory.Allocated(bytes);
        return this;
    }

    /// <summary>Frees the native tensor now instead of at the next garbage collection.
    /// Example: <c>using var t = torch.Zeros(1000, 1000);</c></summary>
    public void Dispose()
    {
        Untrack();
        handle.Dispose();
    }

    // ---------------------------------------------------------------- geometry

    internal long[] Sizes => sizes ??= ReadGeometry(strideOf: false);
    internal long[] Strides => strides ??= ReadGeometry(strideOf: true);

    long[] ReadGeometry(bool strideOf)
    {
        var t = handle;
        if (t.numel() == 0 && t.dim() <= 1) return Array.Empty<long>();
        int n = (int)t.dim();
        var r = new long[n];
        for (int i = 0; i < n; i++) r[i] = strideOf ? t.stride(i) : t.size(i);
        return r;
    }

    /// <summary>Number of dimensions (Lua's <c>dim()</c>); 0 for an empty tensor.
    /// Example: <c>torch.Tensor(4, 6).Dim() == 2</c>.</summary>
    public int Dim() => Sizes.Length;

    /// <summary>Lua's <c>nDimension()</c>, the same as <see cref="Dim"/>. Example: <c>x.NDimension()</c>.</summary>
    public int NDimension() => Dim();

    /// <summary>Size of dimension <paramref name="dim"/> (1-based). Example: <c>torch.Tensor(4, 6).Size(2) == 6</c>.</summary>
    public long Size(int dim) => Sizes[CheckDim(dim, "Size")];

    /// <summary>All sizes (Lua's <c>size()</c> LongStorage). Example: <c>long[] s = x.Size();</c></summary>
    public long[] Size() => (long[])Sizes.Clone();

    /// <summary>Stride of dimension <paramref name="dim"/> (1-based), in elements. Example: <c>a.Select(2, 3).Stride(1) == 6</c>.</summary>
    public long Stride(int dim) => Strides[CheckDim(dim, "Stride")];

    /// <summary>All strides. Example: <c>long[] st = x.Stride();</c></summary>
    public long[] Stride() => (long[])Strides.Clone();

    /// <summary>Number of elements. Example: <c>torch.Tensor(4, 6).NElement() == 24</c>.</summary>
    public long NElement()
    {
        var sz = Sizes;
        if (sz.Length == 0) return handle.numel(); // empty, or a libtorch scalar passing through
        long n = 1;
        foreach (var s in sz) n *= s; // the cached sizes: no call into libtorch
        return n;
    }

    /// <summary>Lua's <c>numel()</c>, the same as <see cref="NElement"/>. Example: <c>x.Numel()</c>.</summary>
    public long Numel() => NElement();

    /// <summary>1-based offset of the first element in the storage. Example: <c>a.Select(1, 3).StorageOffset() == 13</c> for a 4x6 <c>a</c>.</summary>
    public long StorageOffset() => handle.storage_offset() + 1;

    /// <summary>Bytes per element. Example: <c>torch.FloatTensor(2).ElementSize() == 4</c>.</summary>
    public long ElementSize() => handle.element_size();

    /// <summary>Whether the elements lie in row-major order without gaps (size-1 dimensions ignored, as Torch7 does).
    /// Example: <c>a.Select(2, 3).IsContiguous() == false</c>.</summary>
    public bool IsContiguous()
    {
        long z = 1;
        var sz = Sizes; var st = Strides;
        for (int d = sz.Length - 1; d >= 0; d--)
        {
            if (sz[d] == 1) continue;
            if (st[d] != z) return false;
            z *= sz[d];
        }
        return true;
    }

    /// <summary>Whether both tensors have the same sizes. Example: <c>a.IsSameSizeAs(b)</c>.</summary>
    public bool IsSameSizeAs(Tensor other) => Sizes.AsSpan().SequenceEqual(other.Sizes);

    /// <summary>Whether the sizes equal <paramref name="size"/>. Example: <c>x.IsSize(4, 6)</c>.</summary>
    public bool IsSize(params long[] size) => Sizes.AsSpan().SequenceEqual(size);

    /// <summary>Whether both tensors view the same storage with the same offset, sizes and strides.
    /// Example: <c>torch.Tensor().Set(a).IsSetTo(a) == true</c>.</summary>
    public bool IsSetTo(Tensor other) =>
        Dim() > 0 && SharesStorageWith(other) && StorageOffset() == other.StorageOffset()
        && IsSameSizeAs(other) && Strides.AsSpan().SequenceEqual(other.Strides);

    internal bool SharesStorageWith(Tensor other)
    {
        IntPtr p = THS.THSStorage_data_ptr(handle.Handle);
        return p != IntPtr.Zero && p == THS.THSStorage_data_ptr(other.handle.Handle);
    }

    /// <summary>Turns a 1-based (or negative, from the end) dimension into a 0-based one, or throws naming <paramref name="fn"/>.</summary>
    internal int CheckDim(int dim, string fn, int extra = 0)
    {
        int n = Dim() + extra;
        if (dim < 0) dim += n + 1;
        if (dim < 1 || dim > n)
            throw new ArgumentOutOfRangeException(nameof(dim),
                $"{fn}: dimension {dim} out of range for a {Dim()}-dimensional tensor (expected 1..{n})");
        return dim - 1;
    }

    /// <summary>Turns a 1-based (or negative) index along 0-based dimension <paramref name="d"/> into a 0-based one, or throws.</summary>
    internal long CheckIndex(int d, long index, string fn)
    {
        long n = Sizes[d];
        long i = index < 0 ? index + n + 1 : index;
        if (i < 1 || i > n)
            throw new IndexOutOfRangeException(
                $"{fn}: index {index} out of range for dimension {d + 1} of size {n} (expected 1..{n} or -{n}..-1)");
        return i - 1;
    }

    // ---------------------------------------------------------------- type

    ScalarType? dtype;
    bool? cuda; // cached as dtype is: hot modules ask both on every call, and each asks libtorch
    internal ScalarType ScalarType => dtype ??= handle.dtype;
    internal bool IsCuda => cuda ??= handle.device_type == DeviceType.CUDA;

    /// <summary>The Torch7 type name, e.g. "torch.DoubleTensor". Example: <c>torch.Tensor(2).Type() == "torch.DoubleTensor"</c>.</summary>
    public string Type() => TensorType.Name(ScalarType, IsCuda);

    /// <summary>This tensor converted to another Torch7 type (this very tensor when the type is the same).
    /// Example: <c>x.Type("torch.FloatTensor")</c>.</summary>
    public Tensor Type(string typeName)
    {
        var (type, cuda) = TensorType.Parse(typeName);
        if (type == ScalarType && cuda == IsCuda) return this;
        if (cuda) cutorch.RequireCuda("Tensor.Type(\"" + typeName + "\")");
        var device = cuda ? new TS.Device(DeviceType.CUDA, cutorch.CurrentDevice) : TS.CPU;
        return new Tensor(handle.to(type, device, copy: true)).Owns();
    }

    /// <summary>Converts to the type of <paramref name="other"/>. Example: <c>x.TypeAs(y)</c>.</summary>
    public Tensor TypeAs(Tensor other) => Type(other.Type());

    /// <summary>As a DoubleTensor. Example: <c>x.Double()</c>.</summary>
    public Tensor Double() => Type("torch.DoubleTensor");
    /// <summary>As a FloatTensor. Example: <c>x.Float()</c>.</summary>
    public Tensor Float() => Type("torch.FloatTensor");
    /// <summary>As a LongTensor. Example: <c>x.Long()</c>.</summary>
    public Tensor Long() => Type("torch.LongTensor");
    /// <summary>As an IntTensor. Example: <c>x.Int()</c>.</summary>
    public Tensor Int() => Type("torch.IntTensor");
    /// <summary>As a ShortTensor. Example: <c>x.Short()</c>.</summary>
    public Tensor Short() => Type("torch.ShortTensor");
    /// <summary>As a CharTensor. Example: <c>x.Char()</c>.</summary>
    public Tensor Char() => Type("torch.CharTensor");
    /// <summary>As a ByteTensor. Example: <c>x.Byte()</c>.</summary>
    public Tensor Byte() => Type("torch.ByteTensor");
    /// <summary>As a HalfTensor. Example: <c>x.Half()</c>.</summary>
    public Tensor Half() => Type("torch.HalfTensor");
    /// <summary>As the default tensor type (Lua's <c>real()</c>). Example: <c>x.Real()</c>.</summary>
    public Tensor Real() => Type(torch.GetDefaultTensorType());
    /// <summary>As a CUDA tensor of the same element type (Float gives torch.CudaTensor). Throws when CUDA is absent.
    /// Example: <c>var g = x.Float().Cuda();</c></summary>
    public Tensor Cuda() => Type(TensorType.Name(ScalarType, cuda: true));

    /// <summary>The 1-based CUDA device holding this tensor (Lua's <c>x:getDevice()</c>); 0 for a CPU tensor.
    /// Example: <c>int d = x.Cuda().GetDevice();</c></summary>
    public int GetDevice() => IsCuda ? handle.device_index + 1 : 0;

    /// <summary>A new empty tensor of the same type (Lua's <c>x.new()</c>). Example: <c>var y = x.New();</c></summary>
    public Tensor New() => new(torch.Empty(ScalarType, IsCuda, 0));

    /// <summary>A new tensor of the same type with these sizes (Lua's <c>x.new(sizes)</c>). Example: <c>x.New(2, 3)</c>.</summary>
    public Tensor New(params long[] size) => new Tensor(torch.Empty("Tensor.New", ScalarType, IsCuda, size)).Owns();

    // ---------------------------------------------------------------- storage and set

    /// <summary>The whole storage this tensor views (all of it, whatever part this view covers).
    /// Example: <c>Storage s = a.Storage(); s.Size() == 24</c>.</summary>
    public Storage Storage() => new(this);

    /// <summary>Number of elements of the underlying storage.</summary>
    internal long StorageSize => (long)THS.THSStorage_nbytes(handle.Handle) / handle.element_size();

    /// <summary>Makes this tensor a view of <paramref name="source"/> (same storage, offset, sizes, strides).
    /// Example: <c>var b = torch.Tensor().Set(a);</c></summary>
    public Tensor Set(Tensor source) => ReferenceEquals(source, this) ? this
        : Reset(source.handle.as_strided(source.handle.shape, source.handle.stride(), source.handle.storage_offset()));

    /// <summary>Makes this tensor a view of <paramref name="storage"/> from 1-based <paramref name="storageOffset"/>
    /// with the given sizes (contiguous strides if <paramref name="strides"/> is null).
    /// Example: <c>x.Set(s, 1, new long[] { 2, 5 })</c>.</summary>
    public Tensor Set(Storage storage, long storageOffset = 1, long[]? sizes = null, long[]? strides = null)
    {
        sizes ??= new[] { storage.Size() - storageOffset + 1 };
        strides ??= ContiguousStrides(sizes);
        CheckGeometry("Set", storage.Size(), storageOffset, sizes, strides);
        return Reset(storage.Flat.as_strided(sizes, strides, storageOffset - 1));
    }

    internal static long[] ContiguousStrides(long[] sizes)
    {
        var st = new long[sizes.Length];
        long z = 1;
        for (int d = sizes.Length - 1; d >= 0; d--) { st[d] = z; z *= Math.Max(sizes[d], 1); }
        return st;
    }

    internal static void CheckGeometry(string fn, long storageSize, long storageOffset, long[] sizes, long[] strides)
    {
        if (sizes.Length != strides.Length)
            throw new ArgumentException($"{fn}: {sizes.Length} sizes but {strides.Length} strides");
        if (storageOffset < 1)
            throw new ArgumentOutOfRangeException(nameof(storageOffset), $"{fn}: storage offset {storageOffset} (expected 1 or more)");
        Int128 last = storageOffset - 1; // sizes and strides from a file can be anything: no sum may overflow
        for (int d = 0; d < sizes.Length; d++)
        {
            if (sizes[d] < 0) throw new ArgumentOutOfRangeException(nameof(sizes), $"{fn}: size {sizes[d]} in dimension {d + 1} (expected 0 or more)");
            if (strides[d] < 0) throw new ArgumentOutOfRangeException(nameof(strides), $"{fn}: stride {strides[d]} in dimension {d + 1} (expected 0 or more)");
            last += (Int128)(sizes[d] - 1) * strides[d];
        }
        if (sizes.All(s => s > 0) && last >= storageSize)
            throw new ArgumentOutOfRangeException(nameof(sizes),
                $"{fn}: the view reaches element {last + 1} but the storage has {storageSize} elements");
        if (storageOffset - 1 > storageSize)
            throw new ArgumentOutOfRangeException(nameof(storageOffset),
                $"{fn}: storage offset {storageOffset} beyond the storage's {storageSize} elements (expected 1..{storageSize + 1})");
    }

    // ---------------------------------------------------------------- resize

    /// <summary>Resizes to <paramref name="size"/> with contiguous strides, keeping the storage when it is large enough
    /// (Lua's <c>resize</c>; new elements are not initialised). Example: <c>x.Resize(2, 3)</c>.</summary>
    public Tensor Resize(params long[] size)
    {
        foreach (var s in size)
            if (s < 0) throw new ArgumentOutOfRangeException(nameof(size), $"Resize: size {s} (expected 0 or more)");
        if (IsSize(size) && IsContiguous()) return this;
        Int128 n = 1; // sizes no machine holds must reach the allocation's check, not wrap around here
        foreach (var s in size) n = Int128.Min(n * s, long.MaxValue);
        long offset = handle.storage_offset();
        var st = ContiguousStrides(size);
        if (offset + n <= StorageSize)
            return Reset(handle.as_strided(size, st, offset));
        return Reset(torch.Empty("Resize", ScalarType, IsCuda, size)).Owns();
    }

    /// <summary>Resizes to the sizes of <paramref name="other"/>. Example: <c>y.ResizeAs(x)</c>.</summary>
    public Tensor ResizeAs(Tensor other) => Resize(other.Sizes);

    // ---------------------------------------------------------------- views

    Tensor View(TT t) => new(t);

    /// <summary>The slice at <paramref name="index"/> of dimension <paramref name="dim"/> (both 1-based), one dimension less; shares storage.
    /// Example: <c>a.Select(1, 3)</c> is the 3rd row.</summary>
    public Tensor Select(int dim, long index)
    {
        int d = CheckDim(dim, "Select");
        return View(handle.select(d, CheckIndex(d, index, "Select")));
    }

    /// <summary><paramref name="size"/> slices of dimension <paramref name="dim"/> from 1-based <paramref name="index"/>; shares storage.
    /// Example: <c>x.Narrow(1, 2, 3)</c>.</summary>
    public Tensor Narrow(int dim, long index, long size)
    {
        int d = CheckDim(dim, "Narrow");
        long n = Sizes[d];
        if (index < 1 || size < 0 || index > n + 1 - size)
            throw new ArgumentOutOfRangeException(nameof(index),
                $"Narrow: elements {index}..{index + size - 1} of dimension {dim} out of range (size {n})");
        return View(handle.narrow(d, index - 1, size));
    }

    /// <summary>Narrows dimensions 1.. in turn over inclusive 1-based ranges (negative counts from the end).
    /// Example: <c>x.Sub(2, 3, 1, -1)</c>.</summary>
    public Tensor Sub(params long[] ranges)
    {
        if (ranges.Length % 2 != 0 || ranges.Length / 2 > Dim())
            throw new ArgumentException($"Sub: expected pairs (start, end) for at most {Dim()} dimensions, got {ranges.Length} numbers");
        var r = handle.alias();
        for (int d = 0; d < ranges.Length / 2; d++)
        {
            long n = Sizes[d];
            long s = ranges[2 * d] < 0 ? ranges[2 * d] + n + 1 : ranges[2 * d];
            long e = ranges[2 * d + 1] < 0 ? ranges[2 * d + 1] + n + 1 : ranges[2 * d + 1];
            if (s < 1 || e > n || s > e)
            {
                r.Dispose();
                throw new ArgumentOutOfRangeException(nameof(ranges), $"Sub: range {ranges[2 * d]}..{ranges[2 * d + 1]} out of range for dimension {d + 1} of size {n}");
            }
            var next = r.narrow(d, s - 1, e - s + 1);
            r.Dispose();
            r = next;
        }
        return View(r);
    }

    /// <summary>Swaps dimensions <paramref name="dim1"/> and <paramref name="dim2"/>; shares storage. Example: <c>x.Transpose(1, 2)</c>.</summary>
    public Tensor Transpose(int dim1, int dim2) =>
        View(handle.transpose(CheckDim(dim1, "Transpose"), CheckDim(dim2, "Transpose")));

    /// <summary>The transpose of a 2-D tensor. Example: <c>m.T()</c>.</summary>
    public Tensor T()
    {
        if (Dim() != 2) throw new InvalidOperationException($"T: expected a 2-dimensional tensor, got {Dim()} dimensions");
        return Transpose(1, 2);
    }

    /// <summary>Reorders the dimensions: dimension i of the result is dimension <c>dims[i]</c> (1-based) of this one.
    /// Example: <c>x.Permute(3, 1, 2)</c>.</summary>
    public Tensor Permute(params int[] dims)
    {
        var order = dims.Length == Dim() ? dims.Select(d => (long)CheckDim(d, "Permute")).ToArray() : null;
        if (order is null || order.Distinct().Count() != order.Length) // after CheckDim: -1 and the last dimension are one
            throw new ArgumentException($"Permute: expected a permutation of 1..{Dim()}, got ({string.Join(", ", dims)})");
        return View(order.Length == 0 ? handle.alias() : handle.permute(order)); // an empty tensor: libtorch's has one dimension
    }

    /// <summary>All slices of <paramref name="size"/> elements along <paramref name="dim"/>, every <paramref name="step"/>, as a new last dimension; shares storage.
    /// Example: <c>torch.Range(1, 7).Unfold(1, 2, 1)</c> is 6x2.</summary>
    public Tensor Unfold(int dim, long size, long step)
    {
        int d = CheckDim(dim, "Unfold");
        if (size < 1 || size > Sizes[d] || step < 1)
            throw new ArgumentOutOfRangeException(nameof(size), $"Unfold: size {size} step {step} invalid for dimension {dim} of size {Sizes[d]}");
        return View(Native.LibtorchError.Call("Unfold", () => handle.unfold(d, size, step)));
    }

    /// <summary>Repeats singleton dimensions to <paramref name="size"/> with stride 0; shares storage.
    /// Example: <c>torch.Ones(3, 1).Expand(3, 4)</c>.</summary>
    public Tensor Expand(params long[] size)
    {
        if (size.Length != Dim()) throw new ArgumentException($"Expand: the number of dimensions provided ({size.Length}) must equal Dim() ({Dim()})");
        if (size.Length == 0) return View(handle.alias()); // nothing to expand: an empty tensor stays empty
        for (int d = 0; d < size.Length; d++)
            if (Sizes[d] != 1 && Sizes[d] != size[d])
                throw new ArgumentException($"Expand: incorrect size {size[d]} for dimension {d + 1} of size {Sizes[d]}: only singleton dimensions expand");
        return View(handle.expand(size));
    }

    /// <summary>Expands to the sizes of <paramref name="template"/>. Example: <c>b.ExpandAs(a)</c>.</summary>
    public Tensor ExpandAs(Tensor template) => Expand(template.Sizes);

    /// <summary>A view with other sizes (one may be -1); the tensor must be contiguous.
    /// Example: <c>torch.Range(1, 6).View(2, 3)</c>.</summary>
    public Tensor View(params long[] size)
    {
        if (!IsContiguous()) throw new InvalidOperationException("View: expecting a contiguous tensor");
        long known = 1; int free = -1;
        for (int i = 0; i < size.Length; i++)
        {
            if (size[i] == -1)
            {
                if (free >= 0) throw new ArgumentException("View: only one of the dimensions can be -1");
                free = i;
            }
            else known *= size[i];
        }
        long n = NElement();
        var full = (long[])size.Clone();
        if (free >= 0)
        {
            if (known == 0 || n % known != 0) throw new ArgumentException($"View: {n} elements cannot be viewed as {string.Join("x", size)}");
            full[free] = n / known;
        }
        if (full.Aggregate(1L, (a, b) => a * b) != n)
            throw new ArgumentException($"View: wrong size for view. Input size: {string.Join("x", Sizes)}. Output size: {string.Join("x", size)}");
        return View(handle.as_strided(full, ContiguousStrides(full), handle.storage_offset()));
    }

    /// <summary>A view with the sizes of <paramref name="template"/>. Example: <c>x.ViewAs(y)</c>.</summary>
    public Tensor ViewAs(Tensor template) => View(template.Sizes);

    /// <summary>Removes all singleton dimensions; shares storage. Example: <c>torch.Zeros(2, 1, 3).Squeeze()</c> is 2x3.</summary>
    public Tensor Squeeze() => NElement() == 1 ? View(handle.reshape(1)) : View(handle.squeeze()); // TH keeps one dimension of size 1

    /// <summary>Removes dimension <paramref name="dim"/> if it is a singleton; shares storage. Example: <c>x.Squeeze(2)</c>.</summary>
    public Tensor Squeeze(int dim)
    {
        int d = CheckDim(dim, "Squeeze");
        return Dim() == 1 ? View(handle.alias()) : View(handle.squeeze(d)); // TH never squeezes the last dimension away
    }

    /// <summary>Inserts a singleton dimension at <paramref name="dim"/> (1..Dim()+1); shares storage. Example: <c>x.Unsqueeze(1)</c>.</summary>
    public Tensor Unsqueeze(int dim) => View(handle.unsqueeze(CheckDim(dim, "Unsqueeze", extra: 1)));

    /// <summary>This tensor if contiguous, else a contiguous copy. Example: <c>x.T().Contiguous()</c>.</summary>
    public Tensor Contiguous() => IsContiguous() ? this : Clone();

    /// <summary>A contiguous copy with its own storage. Example: <c>var y = x.Clone();</c></summary>
    public Tensor Clone() => new Tensor(handle.is_contiguous() ? handle.clone() : handle.contiguous()).Owns();

    // ---------------------------------------------------------------- fill and copy

    /// <summary>Sets every element to <paramref name="value"/>. Example: <c>torch.Tensor(3).Fill(1)</c>.</summary>
    public Tensor Fill(double value)
    {
        using var s = ScalarLease.Of(value, ScalarType);
        handle.fill_(s.Value);
        return this;
    }

    /// <summary>Sets every element to 0. Example: <c>x.Zero()</c>.</summary>
    public Tensor Zero()
    {
        if (TryClearBytes()) return this;
        Keep(handle.zero_()); // TorchSharp's zero_ returns a new wrapper, unlike most in-place ops
        return this;
    }

    /// <summary>Copies the elements of <paramref name="source"/> (any type, same number of elements) in row-major order.
    /// Example: <c>x.Copy(y.Float())</c>.</summary>
    public Tensor Copy(Tensor source)
    {
        long n = NElement(), m = source.NElement();
        if (n != m) throw new ArgumentException($"Copy: the source has {m} elements but the destination has {n}");
        if (n == 0) return this;
        if (SharesStorageWith(source) && !ReferenceEquals(source, this))
        {
            using var detached = source.Clone(); // libtorch refuses overlapping copies
            return Copy(detached);
        }
        if (source.IsSameSizeAs(this)) handle.copy_(source.handle);
        else
        {
            using var flat = source.handle.reshape(Sizes);
            handle.copy_(flat);
        }
        return this;
    }
}
