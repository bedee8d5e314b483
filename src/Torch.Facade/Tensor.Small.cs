using Torch.Native;
using ScalarType = TorchSharp.torch.ScalarType;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Small dense CPU tensors: the work itself takes nanoseconds, libtorch's dispatcher about half a microsecond.
// Torch7 ran plain C loops here; these are the same loops in managed code, with Torch7's rounding
// (`t + value * src` rounds the product first; .NET never fuses it), used only when no autograd, device or
// layout question arises.
public sealed partial class Tensor
{
    const long SmallElements = 64;
    IntPtr data; // start of this view's elements; storages never move under a wrapper (resize/set swap the wrapper's handle)

    IntPtr Data => data != IntPtr.Zero ? data : data = THS.THSTensor_data(handle.Handle);

    /// <summary>Whether this and <paramref name="other"/> can take the managed fast path together.</summary>
    internal bool SmallLike(Tensor other) =>
        ScalarType is ScalarType.Float32 or ScalarType.Float64
        && other.ScalarType == ScalarType
        && NElement() <= SmallElements
        && !IsCuda && !other.IsCuda
        && other.IsSameSizeAs(this)
        && IsContiguous() && other.IsContiguous()
        && !handle.requires_grad && !other.handle.requires_grad;

    /// <summary>dst[i] = a[i] + alpha * b[i] over n elements of a floating type.</summary>
    static unsafe void AddLoop(IntPtr dst, IntPtr a, double alpha, IntPtr b, long n, ScalarType type)
    {
        if (type == ScalarType.Float64)
        {
            double* d = (double*)dst, x = (double*)a, y = (double*)b;
            if (alpha == 1) for (long i = 0; i < n; i++) d[i] = x[i] + y[i];
            else for (long i = 0; i < n; i++) d[i] = x[i] + alpha * y[i];
        }
        else
        {
            float* d = (float*)dst, x = (float*)a, y = (float*)b;
            float v = (float)alpha;
            if (alpha == 1) for (long i = 0; i < n; i++) d[i] = x[i] + y[i];
            else for (long i = 0; i < n; i++) d[i] = x[i] + v * y[i];
        }
    }

    /// <summary>this += alpha * other on the fast path; false when it does not apply.</summary>
    bool TryAddSmall(double alpha, Tensor other)
    {
        if (!SmallLike(other)) return false;
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
