using System.Numerics;
using ScalarType = TorchSharp.torch.ScalarType;

namespace Torch.Nn.Internal;

/// <summary>
/// Element-wise module kernels as Torch7's C loops, in managed SIMD code, for dense CPU float/double tensors (callers check
/// with <see cref="Dense(Tensor, Tensor)"/>): one pass where the libtorch route needs a copy, a mask and a fill, and no libtorch
/// dispatch (about a microsecond a call, which the small tensors of recurrent nets pay dozens of times a step).
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

    /// <summary>Whether the tensors can take the loops together: dense CPU float/double of one type and size, outside autograd.</summary>
    internal static bool Dense(Tensor a, Tensor b) => a.SmallLike(b, anySize: true);

    /// <summary><see cref="Dense(Tensor, Tensor)"/> for three tensors.</summary>
    internal static bool Dense(Tensor a, Tensor b, Tensor c) => a.SmallLike(b, anySize: true) && a.SmallLike(c, anySize: true);

    /// <summary>Lua's <c>d:select(dim + 1, index + 1):copy(s)</c> by block copies, for a dense d and a dense s of the slice's element
    /// count; false (nothing done) when the tensors do not fit.</summary>
    internal static bool CopyIntoSlice(Tensor d, int dim, long index, Tensor s)
    {
        if (!Flat(d, s)) return false;
        var sz = d.Sizes;
        long outer = 1, inner = 1;
        for (int k = 0; k < sz.Length; k++)
            if (k < dim) outer *= sz[k];
            else if (k > dim) inner *= sz[k];
        if (s.NElement() != outer * inner) return false;
        long bytes = inner * d.ElementSize();
        for (long o = 0; o < outer; o++) Copy(d.Data + (nint)((o * sz[dim] + index) * bytes), s.Data + (nint)(o * bytes), bytes);
        return true;
    }

    /// <summary>Whether both are contiguous CPU float/double tensors of one type, outside autograd (any sizes).</summary>
    static bool Flat(Tensor a, Tensor b) => Flat(a) && Flat(b) && b.ScalarType == a.ScalarType;

    /// <summary>Whether the tensor is a contiguous CPU float/double tensor outside autograd.</summary>
    internal static bool Flat(Tensor a) =>
        a.ScalarType is ScalarType.Float32 or ScalarType.Float64 && !a.IsCuda && a.IsContiguous() && !a.RequiresGrad;

    /// <summary>d[at[i]] = values[i] (flat 0-based positions, in the tensor's type) in a <see cref="Flat(Tensor)"/> tensor.</summary>
    internal static unsafe void Scatter(Tensor d, long[] at, double[] values)
    {
        if (d.ScalarType == ScalarType.Float64)
            for (int i = 0; i < at.Length; i++) ((double*)d.Data)[at[i]] = values[i];
        else
            for (int i = 0; i < at.Length; i++) ((float*)d.Data)[at[i]] = (float)values[i];
    }

    /// <summary>d = s (Lua's <c>d:copy(s)</c>, d already of s's size or element count): one block copy when both are dense.</summary>
    internal static Tensor CopyInto(Tensor d, Tensor s)
    {
        if (Dense(d, s) && !ReferenceEquals(d, s)) Copy(d, s);
        else d.Copy(s);
        return d;
    }

    /// <summary>d = a * b (Lua's <c>d:copy(a):cmul(b)</c>, d already of a's size; d may be a, not b): one pass when all are dense.</summary>
    internal static Tensor Product(Tensor d, Tensor a, Tensor b)
    {
        if (Dense(d, a, b)) Mul(d, a, b);
        else (ReferenceEquals(d, a) ? d : d.Copy(a)).Cmul(b);
        return d;
    }

    /// <summary>d = a + b (Lua's <c>d:copy(a):add(b)</c>, d already of a's size; d may be a, not b): one pass when all are dense.</summary>
    internal static Tensor Sum(Tensor d, Tensor a, Tensor b)
    {
        if (Dense(d, a, b)) Add(d, a, b);
        else (ReferenceEquals(d, a) ? d : d.Copy(a)).Add(b);
        return d;
    }

    /// <summary>d = a * b (cmul; d may be a or b).</summary>
    internal static void Mul(Tensor d, Tensor a, Tensor b)
    {
        if (d.ScalarType == ScalarType.Float64) Mul<double>(d.Data, a.Data, b.Data, d.NElement());
        else Mul<float>(d.Data, a.Data, b.Data, d.NElement());
    }

    /// <summary>d = a + b (cadd with a value of 1, which TH does not multiply by; d may be a or b).</summary>
    internal static void Add(Tensor d, Tensor a, Tensor b)
    {
        if (d.ScalarType == ScalarType.Float64) Add<double>(d.Data, a.Data, b.Data, d.NElement());
        else Add<float>(d.Data, a.Data, b.Data, d.NElement());
    }

    /// <summary>d = s, a block copy of a dense source (not overlapping d).</summary>
    internal static void Copy(Tensor d, Tensor s) => Copy(d.Data, s.Data, d.NElement() * d.ElementSize());

    /// <summary>Copies <paramref name="bytes"/> bytes from <paramref name="src"/> to <paramref name="dst"/> (not overlapping).</summary>
    internal static unsafe void Copy(IntPtr dst, IntPtr src, long bytes) => Buffer.MemoryCopy((void*)src, (void*)dst, bytes, bytes);

    /// <summary>Tanh's gradient gi = g (1 - z²) (<paramref name="tanh"/>) or Sigmoid's g (1 - z) z from the output z, as THNN's loops
    /// compute them: left to right, in double for float tensors too (C's <c>1.</c> is a double), z² in the tensor's type.</summary>
    internal static void TransferGradient(Tensor z, Tensor g, Tensor gi, bool tanh)
    {
        if (z.ScalarType == ScalarType.Float64) Gradient(z.Data, g.Data, gi.Data, z.NElement(), tanh);
        else GradientFloat(z.Data, g.Data, gi.Data, z.NElement(), tanh);
    }

    static unsafe void Mul<T>(IntPtr dst, IntPtr src1, IntPtr src2, long n) where T : unmanaged, INumber<T>
    {
        T* d = (T*)dst, a = (T*)src1, b = (T*)src2;
        long i = 0;
        if (Vector.IsHardwareAccelerated)
            for (int w = Vector<T>.Count; i <= n - w; i += w) Vector.Store(Vector.Load(a + i) * Vector.Load(b + i), d + i);
        for (; i < n; i++) d[i] = a[i] * b[i];
    }

    static unsafe void Add<T>(IntPtr dst, IntPtr src1, IntPtr src2, long n) where T : unmanaged, INumber<T>
    {
        T* d = (T*)dst, a = (T*)src1, b = (T*)src2;
        long i = 0;
        if (Vector.IsHardwareAccelerated)
            for (int w = Vector<T>.Count; i <= n - w; i += w) Vector.Store(Vector.Load(a + i) + Vector.Load(b + i), d + i);
        for (; i < n; i++) d[i] = a[i] + b[i];
    }

    /// <summary>THNN's gi = g (1 - z*z) (Tanh) or g (1 - z) z (Sigmoid) over doubles, left to right.</summary>
    static unsafe void Gradient(IntPtr output, IntPtr gradOut, IntPtr gradIn, long n, bool tanh)
    {
        double* z = (double*)output, g = (double*)gradOut, gi = (double*)gradIn;
        long i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<double>.One;
            for (int w = Vector<double>.Count; i <= n - w; i += w)
            {
                var zi = Vector.Load(z + i);
                var r = Vector.Load(g + i) * (one - (tanh ? zi * zi : zi));
                Vector.Store(tanh ? r : r * zi, gi + i);
            }
        }
        for (; i < n; i++)
        {
            double r = g[i] * (1.0 - (tanh ? z[i] * z[i] : z[i]));
            gi[i] = tanh ? r : r * z[i];
        }
    }

    /// <summary>The same over floats as C computes it: z*z in float, the rest in double (<c>1.</c> is a double), rounded to float once.</summary>
    static unsafe void GradientFloat(IntPtr output, IntPtr gradOut, IntPtr gradIn, long n, bool tanh)
    {
        float* z = (float*)output, g = (float*)gradOut, gi = (float*)gradIn;
        long i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<double>.One;
            for (int w = Vector<float>.Count; i <= n - w; i += w)
            {
                var zf = Vector.Load(z + i);
                Vector.Widen(tanh ? zf * zf : zf, out var a0, out var a1);
                Vector.Widen(zf, out var z0, out var z1);
                Vector.Widen(Vector.Load(g + i), out var g0, out var g1);
                Vector<double> r0 = g0 * (one - a0), r1 = g1 * (one - a1);
                Vector.Store(tanh ? Vector.Narrow(r0, r1) : Vector.Narrow(r0 * z0, r1 * z1), gi + i);
            }
        }
        for (; i < n; i++)
        {
            double r = g[i] * (1.0 - (tanh ? z[i] * z[i] : z[i]));
            gi[i] = (float)(tanh ? r : r * z[i]);
        }
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
