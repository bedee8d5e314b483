using System.Numerics;
using ScalarType = TorchSharp.torch.ScalarType;

namespace Torch.Nn.Internal;

/// <summary>
/// Element-wise module kernels as Torch7's C loops, in managed SIMD code, for dense CPU float/double tensors (callers check
/// with <see cref="Tensor.SmallLike"/>): one pass where the libtorch route needs a copy, a mask and a fill.
/// </summary>
internal static class Loops
{
    /// <summary>y = x &gt; th ? x : v (Threshold's forward).</summary>
    internal static void Threshold(Tensor x, Tensor y, double th, double v)
    {
        if (x.ScalarType == ScalarType.Float64) Threshold<double>(x.Data, y.Data, x.NElement(), th, v);
        else Threshold<float>(x.Data, y.Data, x.NElement(), (float)th, (float)v);
    }

    /// <summary>g = x &gt; th ? go : 0 (Threshold's backward).</summary>
    internal static void Pass(Tensor x, Tensor go, Tensor g, double th)
    {
        if (x.ScalarType == ScalarType.Float64) Pass<double>(x.Data, go.Data, g.Data, x.NElement(), th);
        else Pass<float>(x.Data, go.Data, g.Data, x.NElement(), (float)th);
    }

    static unsafe void Threshold<T>(IntPtr src, IntPtr dst, long n, T th, T v) where T : unmanaged, INumber<T>
    {
        T* x = (T*)src, y = (T*)dst;
        long i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vth = new Vector<T>(th);
            var vv = new Vector<T>(v);
            for (int w = Vector<T>.Count; i <= n - w; i += w)
            {
                var xi = Vector.Load(x + i);
                Vector.Store(Vector.ConditionalSelect(Vector.GreaterThan(xi, vth), xi, vv), y + i);
            }
        }
        for (; i < n; i++) y[i] = x[i] > th ? x[i] : v;
    }

    static unsafe void Pass<T>(IntPtr src, IntPtr gradOut, IntPtr gradIn, long n, T th) where T : unmanaged, INumber<T>
    {
        T* x = (T*)src, go = (T*)gradOut, g = (T*)gradIn;
        long i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vth = new Vector<T>(th);
            for (int w = Vector<T>.Count; i <= n - w; i += w)
                Vector.Store(Vector.ConditionalSelect(Vector.GreaterThan(Vector.Load(x + i), vth), Vector.Load(go + i), Vector<T>.Zero), g + i);
        }
        for (; i < n; i++) g[i] = x[i] > th ? go[i] : T.Zero;
    }
}
