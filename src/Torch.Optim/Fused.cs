using System.Numerics;
using ScalarType = TorchSharp.torch.ScalarType;

namespace Torch.Optim;

/// <summary>
/// Optimiser updates as one managed pass over dense CPU float/double tensors, where the tensor-API route takes one libtorch
/// pass per Lua line (Adam's six): each element goes through Lua's lines in Lua's order, rounded as
/// Torch7 rounds them with one thread: an in-place <c>add(c, g)</c> is OpenBLAS's axpy, one fused multiply-add per element
/// over whole blocks of 32 floats or 16 doubles and a product then a sum for the rest; <c>addcmul</c>/<c>addcdiv</c> are
/// TH's loops, (value * t1) op t2 then the sum; <c>sqrt</c> is C's, correctly rounded (libtorch's MKL sqrt is not, by an
/// ulp now and then). tests/Torch.Optim.Tests/FusedTests.cs and TrajectoryTests.RmspropBitForBit check the results against Torch7's, bit for bit.
/// </summary>
internal static class Fused
{
    /// <summary>Whether the tensors can take one pass together: one floating type, CPU, contiguous, same sizes, outside
    /// autograd, and no two overlapping unless they are the same elements (the passes are element by element).</summary>
    static bool Dense(Tensor x, params Tensor[] others)
    {
        foreach (var t in others)
            if (!x.SmallLike(t, anySize: true)) return false;
        long bytes = x.NElement() * (x.ScalarType == ScalarType.Float64 ? 8 : 4);
        var all = others.Append(x).Select(t => (long)t.Data).ToArray();
        for (int i = 0; i < all.Length; i++)
            for (int j = i + 1; j < all.Length; j++)
                if (all[i] != all[j] && Math.Abs(all[i] - all[j]) < bytes) return false;
        return true;
    }

    /// <summary>Adam's update (Lua's <c>m:mul(beta1):add(1-beta1, dfdx)</c>, <c>v:mul(beta2):addcmul(1-beta2, dfdx, dfdx)</c>,
    /// <c>denom:copy(v):sqrt():add(epsilon)</c>, <c>x:addcdiv(-stepSize, m, denom)</c>) in one pass; false (nothing
    /// touched) when the tensors do not fit it.</summary>
    internal static bool Adam(Tensor x, Tensor dfdx, Tensor m, Tensor v, Tensor denom, double beta1, double beta2, double eps, double step)
    {
        if (!Dense(x, dfdx, m, v, denom)) return false;
        if (x.ScalarType == ScalarType.Float64)
            Adam<double>(x.Data, dfdx.Data, m.Data, v.Data, denom.Data, x.NElement(), beta1, 1 - beta1, beta2, 1 - beta2, eps, -step);
        else
            Adam<float>(x.Data, dfdx.Data, m.Data, v.Data, denom.Data, x.NElement(), (float)beta1, (float)(1 - beta1), (float)beta2, (float)(1 - beta2), (float)eps, (float)-step);
        return true;
    }

    static unsafe void Adam<T>(IntPtr px, IntPtr pg, IntPtr pm, IntPtr pv, IntPtr pd, long n, T b1, T c1, T b2, T c2, T eps, T step)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* x = (T*)px, g = (T*)pg, m = (T*)pm, v = (T*)pv, d = (T*)pd;
        long fused = n - n % (128 / sizeof(T)), i = 0; // axpy's blocks: 32 floats, 16 doubles

        if (Vector.IsHardwareAccelerated)
        {
            var vb1 = new Vector<T>(b1);
            var vc1 = new Vector<T>(c1);
            var vb2 = new Vector<T>(b2);
            var vc2 = new Vector<T>(c2);
            var veps = new Vector<T>(eps);
            var vstep = new Vector<T>(step);
            for (int w = Vector<T>.Count; i <= n - w; i += w)
            {
                var gi = Vector.Load(g + i);
                var mb = Vector.Load(m + i) * vb1;
                var mi = i < fused ? Fma(gi, vc1, mb) : mb + vc1 * gi;
                var vi = Vector.Load(v + i) * vb2 + vc2 * gi * gi;
                var di = Vector.SquareRoot(vi) + veps;
                Vector.Store(mi, m + i);
                Vector.Store(vi, v + i);
                Vector.Store(di, d + i);
                Vector.Store(Vector.Load(x + i) + vstep * mi / di, x + i);
            }
        }
        for (; i < n; i++)
        {
            T gi = g[i];
            T mi = i < fused ? T.FusedMultiplyAdd(gi, c1, m[i] * b1) : m[i] * b1 + c1 * gi;
            T vi = v[i] * b2 + c2 * gi * gi;
            T di = T.Sqrt(vi) + eps;
            (m[i], v[i], d[i]) = (mi, vi, di);
            x[i] += step * mi / di;
        }
    }

    /// <summary>RMSprop's update (Lua's <c>m:mul(alpha)</c>, <c>m:addcmul(1-alpha, dfdx, dfdx)</c>, <c>tmp:sqrt(m):add(epsilon)</c>,
    /// <c>x:addcdiv(-lr, dfdx, tmp)</c>) in one pass; false (nothing touched) when the tensors do not fit it.</summary>
    internal static bool Rmsprop(Tensor x, Tensor dfdx, Tensor m, Tensor tmp, double alpha, double eps, double lr)
    {
        if (!Dense(x, dfdx, m, tmp)) return false;
        if (x.ScalarType == ScalarType.Float64) Rmsprop<double>(x.Data, dfdx.Data, m.Data, tmp.Data, x.NElement(), alpha, 1 - alpha, eps, -lr);
        else Rmsprop<float>(x.Data, dfdx.Data, m.Data, tmp.Data, x.NElement(), (float)alpha, (float)(1 - alpha), (float)eps, (float)-lr);
        return true;
    }

    static unsafe void Rmsprop<T>(IntPtr px, IntPtr pg, IntPtr pm, IntPtr pt, long n, T a, T c, T eps, T step)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* x = (T*)px, g = (T*)pg, m = (T*)pm, t = (T*)pt;
        long i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<T> va = new(a), vc = new(c), veps = new(eps), vstep = new(step);
            for (int w = Vector<T>.Count; i <= n - w; i += w)
            {
                var gi = Vector.Load(g + i);
                var mi = Vector.Load(m + i) * va + vc * gi * gi;
                var ti = Vector.SquareRoot(mi) + veps;
                Vector.Store(mi, m + i);
                Vector.Store(ti, t + i);
                Vector.Store(Vector.Load(x + i) + vstep * gi / ti, x + i);
            }
        }
        for (; i < n; i++)
        {
            T gi = g[i], mi = m[i] * a + c * gi * gi, ti = T.Sqrt(mi) + eps;
            (m[i], t[i]) = (mi, ti);
            x[i] += step * gi / ti;
        }
    }

    /// <summary>a * b + c in one rounding (the branch on T is decided when the method is compiled).</summary>
    static Vector<T> Fma<T>(Vector<T> a, Vector<T> b, Vector<T> c) where T : unmanaged =>
        typeof(T) == typeof(double)
            ? Vector.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>()
            : Vector.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
}
