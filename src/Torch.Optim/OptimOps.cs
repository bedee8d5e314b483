using Torch.Native;
using TorchSharp;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Optim;

/// <summary>
/// The checks and tensor steps the algorithms share. Each step is one Torch7 operation, applied in the
/// order Lua applies them, so results round as Torch7's do; scalars come from <see cref="ScalarLease"/>.
/// </summary>
internal static class OptimOps
{
    /// <summary>Checks that x is a non-empty floating-point tensor (before any state changes).</summary>
    public static void CheckX(string fn, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x, $"{fn}: x");
        if (x.NElement() == 0)
            throw new ArgumentException($"{fn}: expected a non-empty parameter tensor x, got an empty tensor");
        if (x.Type() is not ("torch.DoubleTensor" or "torch.FloatTensor" or "torch.CudaTensor" or "torch.CudaDoubleTensor"))
            throw new ArgumentException($"{fn}: expected x to be a Float or Double tensor, got a {x.Type()}");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and at least 0.</summary>
    public static void NonNegative(string fn, string name, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, $"{fn}: {name} must be a finite number >= 0, got {value}");
    }

    /// <summary>Throws unless <paramref name="value"/> lies in [lo, hi].</summary>
    public static void InRange(string fn, string name, double value, double lo, double hi)
    {
        if (!(value >= lo && value <= hi))
            throw new ArgumentOutOfRangeException(name, value, $"{fn}: {name} must lie in [{lo}, {hi}], got {value}");
    }

    /// <summary>Checks that an optional per-parameter tensor (learningRates, weightDecays) matches x.</summary>
    public static void SameElements(string fn, string name, Tensor? t, Tensor x)
    {
        if (t is not null && t.NElement() != x.NElement())
            throw new ArgumentException($"{fn}: {name} must have as many elements as x ({x.NElement()}), got {t.NElement()}");
    }

    /// <summary>Calls feval and checks what it returned: a gradient with as many elements as x.</summary>
    public static (double F, Tensor G) Eval(string fn, Func<Tensor, (double, Tensor)> feval, Tensor x)
    {
        var (f, g) = feval(x);
        if (g is null)
            throw new ArgumentException($"{fn}: feval returned no gradient (null); expected a tensor of {x.NElement()} elements like x", "feval");
        if (g.NElement() != x.NElement())
            throw new ArgumentException($"{fn}: feval returned a gradient of {g.NElement()} elements ({g.SizeString()}), expected {x.NElement()} like x ({x.SizeString()})", "feval");
        return (f, g);
    }

    /// <summary>A zero-filled tensor of <paramref name="like"/>'s type, of the given size or like's (Lua's <c>x.new(size):zero()</c>).</summary>
    public static Tensor Zeros(Tensor like, long[]? size = null) => like.New(size ?? like.Size()).Zero();

    /// <summary>The other tensor viewed with t's sizes (Torch7 combines tensors element-wise whenever counts match).</summary>
    static TT Shaped(Tensor t, Tensor other) => other.IsSameSizeAs(t) ? other.Raw : other.Raw.reshape(t.Size());

    static void Release(TT view, Tensor other)
    {
        if (!ReferenceEquals(view, other.Raw)) view.Dispose();
    }

    /// <summary>t += v * y (Lua's <c>t:add(v, y)</c>) rounded as Torch7 rounds it: the product first, then the sum
    /// (libtorch's <c>add_(y, alpha)</c> fuses them into one FMA, which drifts from Torch7's trajectories).</summary>
    public static Tensor Axpy(Tensor t, double v, Tensor y)
    {
        var ry = Shaped(t, y);
        using (var s = ScalarLease.Of(v, t.Raw.dtype))
        using (var p = ry.mul(s.Value))
            t.Raw.add_(p);
        Release(ry, y);
        return t;
    }

    /// <summary>t *= v (Lua's <c>t:mul(v)</c>).</summary>
    public static Tensor Mul(Tensor t, double v)
    {
        using var s = ScalarLease.Of(v, t.Raw.dtype);
        t.Raw.mul_(s.Value);
        return t;
    }

    /// <summary>t = src * v (Lua's <c>t:mul(src, v)</c>).</summary>
    public static Tensor Mul(Tensor t, Tensor src, double v) => Mul(t.Copy(src), v);

    /// <summary>t += (v * a) .* b (Lua's <c>t:addcmul(v, a, b)</c>), in three separately rounded steps as Torch7
    /// rounds them (libtorch's fused kernel would contract the last two into one FMA).</summary>
    public static Tensor AddCMul(Tensor t, double v, Tensor a, Tensor b)
    {
        var ra = Shaped(t, a); var rb = Shaped(t, b);
        using (var s = ScalarLease.Of(v, t.Raw.dtype))
        using (var p = ra.mul(s.Value))
            t.Raw.add_(p.mul_(rb));
        Release(ra, a); Release(rb, b);
        return t;
    }

    /// <summary>t += (v * a) ./ b (Lua's <c>t:addcdiv(v, a, b)</c>), in separately rounded steps as Torch7 rounds them.</summary>
    public static Tensor AddCDiv(Tensor t, double v, Tensor a, Tensor b)
    {
        var ra = Shaped(t, a); var rb = Shaped(t, b);
        using (var s = ScalarLease.Of(v, t.Raw.dtype))
        using (var p = ra.mul(s.Value))
            t.Raw.add_(p.div_(rb));
        Release(ra, a); Release(rb, b);
        return t;
    }

    /// <summary>t .*= other (Lua's <c>t:cmul(other)</c>).</summary>
    public static Tensor CMul(Tensor t, Tensor other)
    {
        var r = Shaped(t, other);
        t.Raw.mul_(r);
        Release(r, other);
        return t;
    }

    /// <summary>t ./= other (Lua's <c>t:cdiv(other)</c>).</summary>
    public static Tensor CDiv(Tensor t, Tensor other)
    {
        var r = Shaped(t, other);
        t.Raw.div_(r);
        Release(r, other);
        return t;
    }

    /// <summary>t = sqrt(t) (Lua's <c>t:sqrt()</c>).</summary>
    public static Tensor Sqrt(Tensor t)
    {
        t.Raw.sqrt_();
        return t;
    }

    /// <summary>t = |t| (Lua's <c>t:abs()</c>).</summary>
    public static Tensor Abs(Tensor t)
    {
        t.Raw.abs_();
        return t;
    }

    /// <summary>Below this many elements Torch7's BLAS (OpenBLAS) sums a dot product one element after another; above,
    /// its vector kernel takes blocks in its own order, which no libtorch reduction reproduces.</summary>
    const long SequentialBelow = 16;

    /// <summary>Σ a_i b_i (Lua's <c>a:dot(b)</c>): for short vectors, products added in order as Torch7 adds them.</summary>
    public static double Dot(Tensor a, Tensor b)
    {
        using var fa = a.Raw.reshape(-1);
        using var fb = b.Raw.reshape(-1);
        if (fa.numel() >= SequentialBelow)
        {
            using var r = fa.dot(fb);
            return r.ToDouble();
        }
        using var products = fa.mul(fb);
        return InOrder(products);
    }

    /// <summary>Σ t_i (Lua's <c>t:sum()</c>): for short tensors, added in order as Torch7 adds them.</summary>
    public static double Sum(Tensor t)
    {
        if (t.NElement() >= SequentialBelow)
        {
            using var r = t.Raw.sum();
            return r.ToDouble();
        }
        using var flat = t.Raw.reshape(-1);
        return InOrder(flat);
    }

    /// <summary>The sum of a 1-D tensor accumulated left to right (the last entry of its cumulative sum).</summary>
    static double InOrder(TorchSharp.torch.Tensor v)
    {
        if (v.numel() == 0) return 0;
        using var c = v.cumsum(0);
        using var last = c.select(0, v.numel() - 1);
        return last.ToDouble();
    }

    /// <summary>Σ |t_i| (Lua's <c>tmp:copy(t):abs():sum()</c>), through the reusable buffer <paramref name="tmp"/>.</summary>
    public static double AbsSum(Tensor tmp, Tensor t) => Sum(Abs(tmp.Copy(t)));

    /// <summary>Lua's weight decay step <c>if wd ~= 0 then dfdx:add(wd, x) end</c>.</summary>
    public static void WeightDecay(Tensor dfdx, double wd, Tensor x)
    {
        if (wd != 0) Axpy(dfdx, wd, x);
    }
}
