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
        if (x.ScalarType == ScalarType.Float64) Pass<double>(x.Data, go.Data, g.Data, x.NElement(), th, 0, leaky: false);
        else Pass<float>(x.Data, go.Data, g.Data, x.NElement(), (float)th, 0, leaky: false);
    }

    /// <summary>g = x &lt;= th ? 0 : g, in place (Threshold's in-place backward; a NaN in x keeps g, as Torch7's test does).</summary>
    internal static void ZeroAtMost(Tensor x, Tensor g, double th)
    {
        if (x.ScalarType == ScalarType.Float64) ZeroAtMost<double>(x.Data, g.Data, x.NElement(), th);
        else ZeroAtMost<float>(x.Data, g.Data, x.NElement(), (float)th);
    }

    /// <summary>g = x &gt; 0 ? go : go * negval (LeakyReLU's backward; g may be go).</summary>
    internal static void Leaky(Tensor x, Tensor go, Tensor g, double negval)
    {
        if (x.ScalarType == ScalarType.Float64) Pass<double>(x.Data, go.Data, g.Data, x.NElement(), 0, negval, leaky: true);
        else Pass<float>(x.Data, go.Data, g.Data, x.NElement(), 0, (float)negval, leaky: true);
    }

    static unsafe void ZeroAtMost<T>(IntPtr src, IntPtr grad, long n, T th) where T : unmanaged, INumber<T>
    {
        T* x = (T*)src, g = (T*)grad;
        long i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vth = new Vector<T>(th);
            for (int w = Vector<T>.Count; i <= n - w; i += w)
                Vector.Store(Vector.ConditionalSelect(Vector.LessThanOrEqual(Vector.Load(x + i), vth), Vector<T>.Zero, Vector.Load(g + i)), g + i);
        }
        for (; i < n; i++) if (x[i] <= th) g[i] = T.Zero;
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

    /// <summary>g = x &gt; th ? go : (leaky ? go * slope : 0), one pass (g may be go).</summary>
    static unsafe void Pass<T>(IntPtr src, IntPtr gradOut, IntPtr gradIn, long n, T th, T slope, bool leaky) where T : unmanaged, INumber<T>
    {
        T* x = (T*)src, go = (T*)gradOut, g = (T*)gradIn;
        long i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vth = new Vector<T>(th);
            var vslope = new Vector<T>(slope);
            for (int w = Vector<T>.Count; i <= n - w; i += w)
            {
                var gv = Vector.Load(go + i);
                Vector.Store(Vector.ConditionalSelect(Vector.GreaterThan(Vector.Load(x + i), vth), gv, leaky ? gv * vslope : Vector<T>.Zero), g + i);
            }
        }
        for (; i < n; i++) g[i] = x[i] > th ? go[i] : leaky ? go[i] * slope : T.Zero;
    }
}
