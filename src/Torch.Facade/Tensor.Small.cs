using System.Numerics;
using Torch.Native;
using ScalarType = TorchSharp.torch.ScalarType;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Dense CPU tensors: for small ones the work takes nanoseconds and libtorch's dispatcher half a microsecond; for any
// size libtorch's `add_(y, alpha)` fuses `x + alpha * y` into one rounding where Torch7 rounds the product first.
// These are Torch7's plain loops in managed code (SIMD-wide), used only when no autograd, device or layout
// question arises.
public sealed partial class Tensor
{
    const long SmallElements = 64;
    IntPtr data; // start of this view's elements; storages never move under a wrapper (resize/set swap the wrapper's handle)

    /// <summary>Start of this view's elements in CPU memory (cached).</summary>
    internal IntPtr Data => data != IntPtr.Zero ? data : data = THS.THSTensor_data(handle.Handle);

    /// <summary>Whether this and <paramref name="other"/> can take the managed path together (small, or any size when
    /// <paramref name="anySize"/>).</summary>
    internal bool SmallLike(Tensor other, bool anySize = false) =>
        ScalarType is ScalarType.Float32 or ScalarType.Float64
        && other.ScalarType == ScalarType
        && (anySize || NElement() <= SmallElements)
        && !IsCuda && !other.IsCuda
        && other.IsSameSizeAs(this)
        && IsContiguous() && other.IsContiguous()
        && !RequiresGrad && !other.RequiresGrad;

    /// <summary>Zeroes a dense CPU tensor of a plain numeric type by clearing its bytes (all-zero bytes are 0 in each), up to 4 MiB
    /// (above it libtorch's zero_ splits the work between threads); false when that does not apply. libtorch's zero_ on such a
    /// tensor took 2.2 µs (dispatch, a TensorIterator, a new wrapper), a module's gradients 9 µs of a 28 µs Hogwild step, and its
    /// wrapper went through the runtime's finalizer-queue lock, which two threads contend for. Everything it writes by is read
    /// from libtorch now, not from this wrapper's caches (a write through a stale address would land in another tensor).</summary>
    unsafe bool TryClearBytes()
    {
        var t = handle;
        long size = t.dtype switch
        {
            ScalarType.Float64 or ScalarType.Int64 => 8,
            ScalarType.Float32 or ScalarType.Int32 => 4,
            ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Int16 => 2,
            ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
            _ => 0,
        };
        long bytes = size * t.numel();
        if (size == 0 || bytes > 1 << 22 || t.device_type != TorchSharp.DeviceType.CPU || !t.is_contiguous() || RequiresGrad) return false;
        if (bytes > 0) System.Runtime.InteropServices.NativeMemory.Clear((void*)THS.THSTensor_data(t.Handle), (nuint)bytes);
        return true;
    }

    /// <summary>Whether libtorch's autograd tracks this tensor (read from libtorch each time, by the cheap call).</summary>
    internal bool RequiresGrad => THS.THSTensor_requires_grad(handle.Handle) != 0;

    /// <summary>dst[i] = a[i] + alpha * b[i] over n elements of a floating type.</summary>
    static void AddLoop(IntPtr dst, IntPtr a, double alpha, IntPtr b, long n, ScalarType type)
    {
        if (type == ScalarType.Float64) AddLoop<double>(dst, a, alpha, b, n);
        else AddLoop<float>(dst, a, (float)alpha, b, n);
    }

    /// <summary>The loop itself, SIMD-wide: a multiply then an add, two roundings, as TH's <c>t + value * src</c>.</summary>
    static unsafe void AddLoop<T>(IntPtr dst, IntPtr a, T alpha, IntPtr b, long n) where T : unmanaged, INumber<T>
    {
        T* d = (T*)dst, x = (T*)a, y = (T*)b;
        bool one = alpha == T.One;
        long i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<T>.Count;
            var v = new Vector<T>(alpha);
            for (; i <= n - w; i += w)
            {
                var yi = Vector.Load(y + i);
                Vector.Store(Vector.Load(x + i) + (one ? yi : v * yi), d + i);
            }
        }
        for (; i < n; i++) d[i] = x[i] + (one ? y[i] : alpha * y[i]);
    }

    /// <summary>this += alpha * other by the managed loop when the wrappers' cached geometry says it applies (any size: it is also
    /// the one that rounds as Torch7), before any libtorch call; false when it does not apply.</summary>
    bool TryAddSmall(double alpha, Tensor other)
    {
        if (!SmallLike(other, anySize: true)) return false;
        AddLoop(Data, Data, alpha, other.Data, NElement(), ScalarType);
        return true;
    }

    /// <summary>a + alpha * b as a new tensor by the managed loop, or null when it does not apply (see <see cref="TryAddSmall"/>).</summary>
    internal static Tensor? AddSmall(Tensor a, double alpha, Tensor b)
    {
        if (!a.SmallLike(b)) return null;
        var r = torch.Wrap(torch.Empty(a.ScalarType, false, a.Sizes));
        AddLoop(r.Data, a.Data, alpha, b.Data, a.NElement(), a.ScalarType);
        return r;
    }

    /// <summary><paramref name="a"/> + <paramref name="value"/> * <paramref name="b"/> rounded as Torch7's cadd rounds it: the product
    /// on its own, then the sum (libtorch's <c>add(b, alpha)</c> fuses the two into one FMA, which drifts from Torch7's results and
    /// trajectories). The one implementation of that rule, for libtorch tensors (the wrappers' fast paths above take the same loop
    /// first): dense CPU operands of one floating type and size take the managed loop (in place at any size; a new tensor when
    /// small, where libtorch's dispatcher costs more than the loop), the rest libtorch's multiply then add. In place on <paramref name="a"/> when <paramref name="inPlace"/>, else a new libtorch tensor.</summary>
    internal static TT AddScaled(TT a, double value, TT b, bool inPlace)
    {
        if (Dense(a, b) && (inPlace || a.numel() <= SmallElements))
        {
            var r = inPlace ? a : TorchSharp.torch.empty_like(a);
            AddLoop(THS.THSTensor_data(r.Handle), THS.THSTensor_data(a.Handle), value, THS.THSTensor_data(b.Handle), a.numel(), a.dtype);
            return r;
        }
        if (value == 1 && !inPlace) return a.add(b, ScalarLease.One);
        if (value == 1) a.add_(b, ScalarLease.One);
        else
        {
            TT product;
            using (var s = ScalarLease.Of(value, a.dtype)) product = b.mul(s.Value);
            if (!inPlace)
            {
                product.add_(a, ScalarLease.One);
                return product;
            }
            using (product) a.add_(product, ScalarLease.One);
        }
        return a;
    }

    /// <summary>Whether the managed loop applies: CPU, one floating type, one size, contiguous, outside autograd.</summary>
    static bool Dense(TT a, TT b) =>
        a.dtype is ScalarType.Float32 or ScalarType.Float64 && b.dtype == a.dtype
        && a.device_type == TorchSharp.DeviceType.CPU && b.device_type == TorchSharp.DeviceType.CPU
        && !a.requires_grad && !b.requires_grad
        && a.is_contiguous() && b.is_contiguous() && a.shape.AsSpan().SequenceEqual(b.shape);
}
