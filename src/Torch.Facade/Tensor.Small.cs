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
        && !handle.requires_grad && !other.handle.requires_grad;

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

    /// <summary>this += alpha * other on the managed path (any size: it is also the one that rounds as Torch7);
    /// false when it does not apply.</summary>
    bool TryAddSmall(double alpha, Tensor other)
    {
        if (!SmallLike(other, anySize: true)) return false;
        AddLoop(Data, Data, alpha, other.Data, NElement(), ScalarType);
        return true;
    }

    /// <summary>a + alpha * b as a new tensor on the fast path, or null when it does not apply.</summary>
    internal static Tensor? AddSmall(Tensor a, double alpha, Tensor b)
    {
        if (!a.SmallLike(b)) return null;
        var r = torch.Wrap(torch.Empty(a.ScalarType, false, a.Sizes));
        AddLoop(r.Data, a.Data, alpha, b.Data, a.NElement(), a.ScalarType);
        return r;
    }
}
