using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's binary and ternary element-wise functions (TensorMath groups F and G) and the operators.
// The second operand may be a tensor with the same number of elements (any sizes, as in Torch7) or a number.
public sealed partial class Tensor
{
    /// <summary>The binary element-wise operations.</summary>
    internal enum Op { Mul, Div, Pow, Atan2, Fmod, Remainder, Min, Max, Lshift, Rshift, And, Or, Xor }

    static Kind KindOf(Op op) => op switch
    {
        Op.Atan2 => Kind.Floating,
        Op.And or Op.Or or Op.Xor => Kind.Integral,
        _ => Kind.Any,
    };

    /// <summary><paramref name="a"/> op <paramref name="b"/> element-wise, b viewed with a's sizes and type.</summary>
    internal static TT BinaryRaw(Op op, string fn, Tensor a, Tensor b)
    {
        a.Need(KindOf(op), fn);
        var o = a.Operand(b, fn);
        try { return Compute(op, fn, a, o); }
        finally { Drop(o, b); }
    }

    /// <summary><paramref name="a"/> op <paramref name="value"/> element-wise (the number is converted to a's type, as Lua does).</summary>
    internal static TT BinaryRaw(Op op, string fn, Tensor a, double value) => ComputeWith(op, fn, a, value, inPlace: false);

    /// <summary>a op value; in place into a when <paramref name="inPlace"/> and libtorch has the kernel (then returns a's handle).</summary>
    static TT ComputeWith(Op op, string fn, Tensor a, double value, bool inPlace)
    {
        a.Need(KindOf(op), fn);
        if (op == Op.Pow)
        {
            a.Need(Kind.Floating, fn); // Torch7 has pow(x, n) for Float/Double only (cpow is for every type)
            using var e = ScalarLease.Of(value, a.ScalarType); // libtorch's scalar path: x*x, x*x*x, sqrt, rsqrt... as TH's pow
            if (!inPlace) return a.Raw.pow(e.Value);
            a.Keep(a.Raw.pow_(e.Value));
            return a.Raw;
        }
        using var o = a.ScalarOf(value);
        return Compute(op, fn, a, a.Raw, o, inPlace);
    }

    /// <summary>This op <paramref name="other"/>, in place (libtorch's in-place kernel unless the operands overlap or there is none).</summary>
    Tensor Update(Op op, string fn, Tensor other)
    {
        if (!ReferenceEquals(other, this) && SharesStorageWith(other)) return Into(BinaryRaw(op, fn, this, other));
        Need(KindOf(op), fn);
        var o = Operand(other, fn);
        try { return Store(Compute(op, fn, this, Raw, o, inPlace: true)); }
        finally { Drop(o, other); }
    }

    /// <summary>This op <paramref name="value"/>, in place.</summary>
    Tensor Update(Op op, string fn, double value) => Store(ComputeWith(op, fn, this, value, inPlace: true));

    /// <summary>Nothing to do when a computation already wrote into this tensor; else stores its result.</summary>
    Tensor Store(TT result) => ReferenceEquals(result, Raw) ? this : Into(result);

    static TT Compute(Op op, string fn, Tensor a, TT b) => Compute(op, fn, a, a.Raw, b, inPlace: false);

    /// <summary>t op b for a tensor t of <paramref name="a"/>'s type; integer division by zero, and the smallest integer divided
    /// by -1, are refused here (the processor traps on both: the process would end, in Torch7 as in libtorch).
    /// With <paramref name="inPlace"/> (t being a's handle) ops with an in-place libtorch kernel write into t and return it.</summary>
    static TT Compute(Op op, string fn, Tensor a, TT t, TT b, bool inPlace)
    {
        bool integral = !TensorType.IsFloating(a.ScalarType);
        if (integral && op is Op.Div or Op.Fmod or Op.Remainder)
        {
            if (Any(b.Eq(0))) throw new DivideByZeroException($"{fn}: integer division by zero in a {a.Type()}");
            if (a.ScalarType is TS.ScalarType.Int32 or TS.ScalarType.Int64)
            {
                long min = a.ScalarType == TS.ScalarType.Int32 ? int.MinValue : long.MinValue;
                using var isMin = t.Eq(min);
                using var minusOne = b.Eq(-1);
                if (Any(isMin.logical_and(minusOne)))
                    throw new ArgumentException($"{fn}: {min} divided by -1 does not fit a {a.Type()} (integer overflow)");
            }
        }
        if (inPlace)
        {
            a.Writable(fn);
            TT? done = op switch
            {
                Op.Mul => t.mul_(b),
                Op.Div => integral ? t.div_(b, TS.RoundingMode.trunc) : t.div_(b),
                Op.Pow => t.pow_(b),
                Op.Atan2 => t.atan2_(b),
                Op.Fmod => t.fmod_(b),
                Op.Remainder when integral => t.remainder_(b),
                _ => null,
            };
            if (done is not null)
            {
                a.Keep(done);
                return t;
            }
        }
        return op switch
        {
            Op.Mul => t.mul(b),
            Op.Div => integral ? t.div(b, TS.RoundingMode.trunc) : t.div(b),
            Op.Pow => t.pow(b),
            Op.Atan2 => t.atan2(b),
            Op.Fmod => t.fmod(b),
            Op.Remainder => integral ? t.remainder(b) : RemainderTH(t, b),
            Op.Min => t.minimum(b),
            Op.Max => t.maximum(b),
            Op.Lshift => integral ? t.bitwise_left_shift(b) : ScaleByPowerOfTwo(t, b, 1),
            Op.Rshift => integral ? UnsignedRightShift(t, b) : ScaleByPowerOfTwo(t, b, -1),
            Op.And => t.bitwise_and(b),
            Op.Or => t.bitwise_or(b),
            _ => t.bitwise_xor(b),
        };
    }

    /// <summary>Whether any element of a boolean tensor is true (the tensor is disposed).</summary>
    static bool Any(TT mask)
    {
        using (mask)
        using (var any = mask.any())
            return any.item<bool>();
    }

    /// <summary>TH's floating remainder, computed as it does: a - b * floor(a / b) (NaN for b = 0).</summary>
    static TT RemainderTH(TT a, TT b)
    {
        using var q = a.div(b);
        q.floor_();
        using var p = q.mul(b);
        return a.sub(p);
    }

    /// <summary>TH's right shift of integers: <c>(unsigned real) x >> b</c>, so a negative value's bit pattern shifts in zeros
    /// (-3 >> 1 is 2147483646 in an IntTensor); the result is read back in the tensor's type.</summary>
    static TT UnsignedRightShift(TT t, TT b)
    {
        if (t.dtype == TS.ScalarType.Byte) return t.bitwise_right_shift(b);
        if (t.dtype != TS.ScalarType.Int64)
        {
            long mask = (1L << (int)(t.element_size() * 8)) - 1; // the value as its unsigned pattern, held in an int64
            using var wide = t.to_type(TS.ScalarType.Int64).bitwise_and_(mask);
            using var shifted = wide.bitwise_right_shift(b);
            return shifted.to_type(t.dtype);
        }
        using var arithmetic = t.bitwise_right_shift(b);
        using var one = TS.ones_like(t);
        using var width = TS.full_like(t, 64).sub_(b);
        using var low = one.bitwise_left_shift(width).Sub_(1); // 64 - b low bits set (all for b = 0)
        using var zero = b.Eq(0);
        using var masked = arithmetic.bitwise_and(low);
        return TS.where(zero, t, masked);
    }

    /// <summary>Torch7's shifts on Float/Double tensors: x * 2^b (left) or x / 2^b (right).</summary>
    static TT ScaleByPowerOfTwo(TT t, TT b, int direction)
    {
        using var two = TS.tensor(2.0, t.dtype);
        using var p = two.pow(b);
        return direction > 0 ? t.mul(p) : t.div(p);
    }

    /// <summary>Replaces this tensor by the element-wise product of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Cmul(y)</c>.</summary>
    public Tensor Cmul(Tensor other) => Update(Op.Mul, "Cmul", other);
    /// <summary>Stores the element-wise product of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Cmul(x, y)</c>.</summary>
    public Tensor Cmul(Tensor a, Tensor b) => Into(BinaryRaw(Op.Mul, "Cmul", a, b));
    /// <summary>Replaces this tensor by the element-wise quotient (truncated toward zero for integer types) of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Cdiv(y)</c>.</summary>
    public Tensor Cdiv(Tensor other) => Update(Op.Div, "Cdiv", other);
    /// <summary>Stores the element-wise quotient (truncated toward zero for integer types) of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Cdiv(x, y)</c>.</summary>
    public Tensor Cdiv(Tensor a, Tensor b) => Into(BinaryRaw(Op.Div, "Cdiv", a, b));
    /// <summary>Replaces this tensor by the element-wise power x^y of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Cpow(y)</c>.</summary>
    public Tensor Cpow(Tensor other) => Update(Op.Pow, "Cpow", other);
    /// <summary>Stores the element-wise power x^y of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Cpow(x, y)</c>.</summary>
    public Tensor Cpow(Tensor a, Tensor b) => Into(BinaryRaw(Op.Pow, "Cpow", a, b));
    /// <summary>Replaces this tensor by atan2(x, y) element-wise of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Atan2(y)</c>.</summary>
    public Tensor Atan2(Tensor other) => Update(Op.Atan2, "Atan2", other);
    /// <summary>Stores atan2(x, y) element-wise of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Atan2(x, y)</c>.</summary>
    public Tensor Atan2(Tensor a, Tensor b) => Into(BinaryRaw(Op.Atan2, "Atan2", a, b));
    /// <summary>Replaces this tensor by the element-wise remainder rounded toward zero (C's fmod: sign of the dividend) of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Cfmod(y)</c>.</summary>
    public Tensor Cfmod(Tensor other) => Update(Op.Fmod, "Cfmod", other);
    /// <summary>Stores the element-wise remainder rounded toward zero (C's fmod: sign of the dividend) of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Cfmod(x, y)</c>.</summary>
    public Tensor Cfmod(Tensor a, Tensor b) => Into(BinaryRaw(Op.Fmod, "Cfmod", a, b));
    /// <summary>Replaces this tensor by the element-wise remainder x - y*floor(x/y) (sign of the divisor) of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Cremainder(y)</c>.</summary>
    public Tensor Cremainder(Tensor other) => Update(Op.Remainder, "Cremainder", other);
    /// <summary>Stores the element-wise remainder x - y*floor(x/y) (sign of the divisor) of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Cremainder(x, y)</c>.</summary>
    public Tensor Cremainder(Tensor a, Tensor b) => Into(BinaryRaw(Op.Remainder, "Cremainder", a, b));
    /// <summary>Replaces this tensor by the element-wise fmod (deprecated Torch7 alias of cfmod) of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Cmod(y)</c>.</summary>
    public Tensor Cmod(Tensor other) => Update(Op.Fmod, "Cmod", other);
    /// <summary>Stores the element-wise fmod (deprecated Torch7 alias of cfmod) of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Cmod(x, y)</c>.</summary>
    public Tensor Cmod(Tensor a, Tensor b) => Into(BinaryRaw(Op.Fmod, "Cmod", a, b));
    /// <summary>Replaces this tensor by the element-wise minimum of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Cmin(y)</c>.</summary>
    public Tensor Cmin(Tensor other) => Update(Op.Min, "Cmin", other);
    /// <summary>Stores the element-wise minimum of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Cmin(x, y)</c>.</summary>
    public Tensor Cmin(Tensor a, Tensor b) => Into(BinaryRaw(Op.Min, "Cmin", a, b));
    /// <summary>Replaces this tensor by the element-wise maximum of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Cmax(y)</c>.</summary>
    public Tensor Cmax(Tensor other) => Update(Op.Max, "Cmax", other);
    /// <summary>Stores the element-wise maximum of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Cmax(x, y)</c>.</summary>
    public Tensor Cmax(Tensor a, Tensor b) => Into(BinaryRaw(Op.Max, "Cmax", a, b));
    /// <summary>Replaces this tensor by x shifted left by y bits (x * 2^y for Float/Double) of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Clshift(y)</c>.</summary>
    public Tensor Clshift(Tensor other) => Update(Op.Lshift, "Clshift", other);
    /// <summary>Stores x shifted left by y bits (x * 2^y for Float/Double) of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Clshift(x, y)</c>.</summary>
    public Tensor Clshift(Tensor a, Tensor b) => Into(BinaryRaw(Op.Lshift, "Clshift", a, b));
    /// <summary>Replaces this tensor by x shifted right by y bits (x / 2^y for Float/Double) of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Crshift(y)</c>.</summary>
    public Tensor Crshift(Tensor other) => Update(Op.Rshift, "Crshift", other);
    /// <summary>Stores x shifted right by y bits (x / 2^y for Float/Double) of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Crshift(x, y)</c>.</summary>
    public Tensor Crshift(Tensor a, Tensor b) => Into(BinaryRaw(Op.Rshift, "Crshift", a, b));
    /// <summary>Replaces this tensor by the bitwise and of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Cbitand(y)</c>.</summary>
    public Tensor Cbitand(Tensor other) => Update(Op.And, "Cbitand", other);
    /// <summary>Stores the bitwise and of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Cbitand(x, y)</c>.</summary>
    public Tensor Cbitand(Tensor a, Tensor b) => Into(BinaryRaw(Op.And, "Cbitand", a, b));
    /// <summary>Replaces this tensor by the bitwise or of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Cbitor(y)</c>.</summary>
    public Tensor Cbitor(Tensor other) => Update(Op.Or, "Cbitor", other);
    /// <summary>Stores the bitwise or of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Cbitor(x, y)</c>.</summary>
    public Tensor Cbitor(Tensor a, Tensor b) => Into(BinaryRaw(Op.Or, "Cbitor", a, b));
    /// <summary>Replaces this tensor by the bitwise xor of itself and <paramref name="other"/> (same number of elements), in place. Example: <c>x.Cbitxor(y)</c>.</summary>
    public Tensor Cbitxor(Tensor other) => Update(Op.Xor, "Cbitxor", other);
    /// <summary>Stores the bitwise xor of <paramref name="a"/> and <paramref name="b"/> into this tensor. Example: <c>z.Cbitxor(x, y)</c>.</summary>
    public Tensor Cbitxor(Tensor a, Tensor b) => Into(BinaryRaw(Op.Xor, "Cbitxor", a, b));
    /// <summary>Replaces this tensor by every element times the value, in place. Example: <c>x.Mul(2)</c>.</summary>
    public Tensor Mul(double value) => Update(Op.Mul, "Mul", value);
    /// <summary>Stores into this tensor every element times the value, taken over <paramref name="src"/>. Example: <c>y.Mul(x, 2)</c>.</summary>
    public Tensor Mul(Tensor src, double value) => Into(BinaryRaw(Op.Mul, "Mul", src, value));
    /// <summary>Replaces this tensor by every element divided by the value (truncated toward zero for integer types), in place. Example: <c>x.Div(2)</c>.</summary>
    public Tensor Div(double value) => Update(Op.Div, "Div", value);
    /// <summary>Stores into this tensor every element divided by the value (truncated toward zero for integer types), taken over <paramref name="src"/>. Example: <c>y.Div(x, 2)</c>.</summary>
    public Tensor Div(Tensor src, double value) => Into(BinaryRaw(Op.Div, "Div", src, value));
    /// <summary>Replaces this tensor by every element to the power of the value, in place. Example: <c>x.Pow(2)</c>.</summary>
    public Tensor Pow(double value) => Update(Op.Pow, "Pow", value);
    /// <summary>Stores into this tensor every element to the power of the value, taken over <paramref name="src"/>. Example: <c>y.Pow(x, 2)</c>.</summary>
    public Tensor Pow(Tensor src, double value) => Into(BinaryRaw(Op.Pow, "Pow", src, value));
    /// <summary>Replaces this tensor by the remainder of every element by the value, rounded toward zero (C's fmod), in place. Example: <c>x.Fmod(2)</c>.</summary>
    public Tensor Fmod(double value) => Update(Op.Fmod, "Fmod", value);
    /// <summary>Stores into this tensor the remainder of every element by the value, rounded toward zero (C's fmod), taken over <paramref name="src"/>. Example: <c>y.Fmod(x, 2)</c>.</summary>
    public Tensor Fmod(Tensor src, double value) => Into(BinaryRaw(Op.Fmod, "Fmod", src, value));
    /// <summary>Replaces this tensor by the remainder of every element by the value, x - v*floor(x/v) (Lua's %), in place. Example: <c>x.Remainder(2)</c>.</summary>
    public Tensor Remainder(double value) => Update(Op.Remainder, "Remainder", value);
    /// <summary>Stores into this tensor the remainder of every element by the value, x - v*floor(x/v) (Lua's %), taken over <paramref name="src"/>. Example: <c>y.Remainder(x, 2)</c>.</summary>
    public Tensor Remainder(Tensor src, double value) => Into(BinaryRaw(Op.Remainder, "Remainder", src, value));
    /// <summary>Replaces this tensor by fmod by the value (deprecated Torch7 alias of fmod), in place. Example: <c>x.Mod(2)</c>.</summary>
    public Tensor Mod(double value) => Update(Op.Fmod, "Mod", value);
    /// <summary>Stores into this tensor fmod by the value (deprecated Torch7 alias of fmod), taken over <paramref name="src"/>. Example: <c>y.Mod(x, 2)</c>.</summary>
    public Tensor Mod(Tensor src, double value) => Into(BinaryRaw(Op.Fmod, "Mod", src, value));
    /// <summary>Replaces this tensor by the minimum of every element and the value, in place. Example: <c>x.Cmin(0)</c>.</summary>
    public Tensor Cmin(double value) => Update(Op.Min, "Cmin", value);
    /// <summary>Stores into this tensor the minimum of every element and the value, taken over <paramref name="src"/>. Example: <c>y.Cmin(x, 2)</c>.</summary>
    public Tensor Cmin(Tensor src, double value) => Into(BinaryRaw(Op.Min, "Cmin", src, value));
    /// <summary>Replaces this tensor by the maximum of every element and the value, in place. Example: <c>x.Cmax(0)</c>.</summary>
    public Tensor Cmax(double value) => Update(Op.Max, "Cmax", value);
    /// <summary>Stores into this tensor the maximum of every element and the value, taken over <paramref name="src"/>. Example: <c>y.Cmax(x, 2)</c>.</summary>
    public Tensor Cmax(Tensor src, double value) => Into(BinaryRaw(Op.Max, "Cmax", src, value));
    /// <summary>Replaces this tensor by every element shifted left by the value (x * 2^v for Float/Double), in place. Example: <c>x.Lshift(2)</c>.</summary>
    public Tensor Lshift(double value) => Update(Op.Lshift, "Lshift", value);
    /// <summary>Stores into this tensor every element shifted left by the value (x * 2^v for Float/Double), taken over <paramref name="src"/>. Example: <c>y.Lshift(x, 2)</c>.</summary>
    public Tensor Lshift(Tensor src, double value) => Into(BinaryRaw(Op.Lshift, "Lshift", src, value));
    /// <summary>Replaces this tensor by every element shifted right by the value (x / 2^v for Float/Double), in place. Example: <c>x.Rshift(2)</c>.</summary>
    public Tensor Rshift(double value) => Update(Op.Rshift, "Rshift", value);
    /// <summary>Stores into this tensor every element shifted right by the value (x / 2^v for Float/Double), taken over <paramref name="src"/>. Example: <c>y.Rshift(x, 2)</c>.</summary>
    public Tensor Rshift(Tensor src, double value) => Into(BinaryRaw(Op.Rshift, "Rshift", src, value));
    /// <summary>Replaces this tensor by the bitwise and of every element with the value, in place. Example: <c>x.Bitand(6)</c>.</summary>
    public Tensor Bitand(double value) => Update(Op.And, "Bitand", value);
    /// <summary>Stores into this tensor the bitwise and of every element with the value, taken over <paramref name="src"/>. Example: <c>y.Bitand(x, 2)</c>.</summary>
    public Tensor Bitand(Tensor src, double value) => Into(BinaryRaw(Op.And, "Bitand", src, value));
    /// <summary>Replaces this tensor by the bitwise or of every element with the value, in place. Example: <c>x.Bitor(6)</c>.</summary>
    public Tensor Bitor(double value) => Update(Op.Or, "Bitor", value);
    /// <summary>Stores into this tensor the bitwise or of every element with the value, taken over <paramref name="src"/>. Example: <c>y.Bitor(x, 2)</c>.</summary>
    public Tensor Bitor(Tensor src, double value) => Into(BinaryRaw(Op.Or, "Bitor", src, value));
    /// <summary>Replaces this tensor by the bitwise xor of every element with the value, in place. Example: <c>x.Bitxor(6)</c>.</summary>
    public Tensor Bitxor(double value) => Update(Op.Xor, "Bitxor", value);
    /// <summary>Stores into this tensor the bitwise xor of every element with the value, taken over <paramref name="src"/>. Example: <c>y.Bitxor(x, 2)</c>.</summary>
    public Tensor Bitxor(Tensor src, double value) => Into(BinaryRaw(Op.Xor, "Bitxor", src, value));

    // ---------------------------------------------------------------- csub

    /// <summary>Subtracts <paramref name="value"/> from every element, in place. Example: <c>x.Csub(1)</c>.</summary>
    public Tensor Csub(double value) => Add(-value);
    /// <summary>Subtracts <paramref name="other"/> element-wise, in place. Example: <c>x.Csub(y)</c>.</summary>
    public Tensor Csub(Tensor other) => Add(-1, other);
    /// <summary>Subtracts <paramref name="value"/> times <paramref name="other"/>, in place. Example: <c>x.Csub(2, y)</c>.</summary>
    public Tensor Csub(double value, Tensor other) => Add(-value, other);
    /// <summary>Stores <paramref name="a"/> - <paramref name="value"/> into this tensor. Example: <c>y.Csub(x, 1)</c>.</summary>
    public Tensor Csub(Tensor a, double value) => Add(a, -value);
    /// <summary>Stores <paramref name="a"/> - <paramref name="b"/> into this tensor. Example: <c>z.Csub(x, y)</c>.</summary>
    public Tensor Csub(Tensor a, Tensor b) => Add(a, -1, b);
    /// <summary>Stores <paramref name="a"/> - <paramref name="value"/> * <paramref name="b"/> into this tensor. Example: <c>z.Csub(x, 2, y)</c>.</summary>
    public Tensor Csub(Tensor a, double value, Tensor b) => Add(a, -value, b);

    // ---------------------------------------------------------------- ternary

    /// <summary>Adds <paramref name="t1"/> .* <paramref name="t2"/>, in place. Example: <c>x.Addcmul(y, z)</c>.</summary>
    public Tensor Addcmul(Tensor t1, Tensor t2) => AddcInPlace(false, 1, t1, t2);
    /// <summary>Adds <paramref name="value"/> * <paramref name="t1"/> .* <paramref name="t2"/>, in place. Example: <c>x.Addcmul(2, y, z)</c>.</summary>
    public Tensor Addcmul(double value, Tensor t1, Tensor t2) => AddcInPlace(false, value, t1, t2);
    /// <summary>Stores <paramref name="src"/> + <paramref name="value"/> * <paramref name="t1"/> .* <paramref name="t2"/> into this tensor. Example: <c>r.Addcmul(x, 2, y, z)</c>.</summary>
    public Tensor Addcmul(Tensor src, double value, Tensor t1, Tensor t2) => Into(AddcRaw(false, src, value, t1, t2));
    /// <summary>Adds <paramref name="t1"/> ./ <paramref name="t2"/>, in place. Example: <c>x.Addcdiv(y, z)</c>.</summary>
    public Tensor Addcdiv(Tensor t1, Tensor t2) => AddcInPlace(true, 1, t1, t2);
    /// <summary>Adds <paramref name="value"/> * <paramref name="t1"/> ./ <paramref name="t2"/>, in place. Example: <c>x.Addcdiv(2, y, z)</c>.</summary>
    public Tensor Addcdiv(double value, Tensor t1, Tensor t2) => AddcInPlace(true, value, t1, t2);
    /// <summary>Stores <paramref name="src"/> + <paramref name="value"/> * <paramref name="t1"/> ./ <paramref name="t2"/> into this tensor. Example: <c>r.Addcdiv(x, 2, y, z)</c>.</summary>
    public Tensor Addcdiv(Tensor src, double value, Tensor t1, Tensor t2) => Into(AddcRaw(true, src, value, t1, t2));

    /// <summary>this += value * t1 (.* or ./) t2, in place when nothing overlaps this.</summary>
    Tensor AddcInPlace(bool divide, double value, Tensor t1, Tensor t2)
    {
        if (SharesStorageWith(t1) || SharesStorageWith(t2)) return Into(AddcRaw(divide, this, value, t1, t2));
        using var term = AddcTerm(divide, this, value, t1, t2);
        Keep(Raw.add_(term, ScalarLease.One));
        return this;
    }

    internal static TT AddcRaw(bool divide, Tensor src, double value, Tensor t1, Tensor t2)
    {
        using var term = AddcTerm(divide, src, value, t1, t2);
        return src.Raw.add(term, ScalarLease.One);
    }

    /// <summary>(value * t1) .* t2 or (value * t1) ./ t2 in <paramref name="src"/>'s type, in TH's order of roundings
    /// (libtorch's addcmul/addcdiv kernels fuse the steps and round differently).</summary>
    static TT AddcTerm(bool divide, Tensor src, double value, Tensor t1, Tensor t2)
    {
        string fn = divide ? "Addcdiv" : "Addcmul";
        var o1 = src.Operand(t1, fn);
        var o2 = src.Operand(t2, fn);
        try
        {
            using var s = ScalarLease.Of(value, src.ScalarType);
            using var scaled = o1.mul(s.Value);
            return Compute(divide ? Op.Div : Op.Mul, fn, src, scaled, o2, inPlace: false);
        }
        finally { Drop(o1, t1); Drop(o2, t2); }
    }

    /// <summary>Stores <paramref name="a"/> + <paramref name="weight"/> * (<paramref name="b"/> - <paramref name="a"/>) into this tensor. Example: <c>r.Lerp(a, b, 0.5)</c>.</summary>
    public Tensor Lerp(Tensor a, Tensor b, double weight) => Into(LerpRaw(a, b, weight));
    /// <summary>Moves this tensor toward <paramref name="b"/> by <paramref name="weight"/>, in place. Example: <c>x.Lerp(y, 0.1)</c>.</summary>
    public Tensor Lerp(Tensor b, double weight) => Store(LerpRaw(this, b, weight, inPlace: true));

    internal static TT LerpRaw(Tensor a, Tensor b, double weight, bool inPlace = false)
    {
        a.Need(Kind.Floating, "Lerp");
        var o = a.Operand(b, "Lerp");
        try
        {
            using var diff = o.sub(a.Raw);
            using var s = ScalarLease.Of(weight, a.ScalarType);
            diff.mul_(s.Value); // TH's a + w * (b - a), the product rounded before the sum
            if (!inPlace) return a.Raw.add(diff, ScalarLease.One);
            a.Keep(a.Raw.add_(diff, ScalarLease.One));
            return a.Raw;
        }
        finally { Drop(o, b); }
    }

    /// <summary>Clamps every element into [<paramref name="min"/>, <paramref name="max"/>], in place. Example: <c>x.Clamp(0, 1)</c>.</summary>
    public Tensor Clamp(double min, double max) => Store(ClampRaw(this, min, max, inPlace: true));
    /// <summary>Stores <paramref name="src"/> clamped into [<paramref name="min"/>, <paramref name="max"/>] into this tensor. Example: <c>y.Clamp(x, 0, 1)</c>.</summary>
    public Tensor Clamp(Tensor src, double min, double max) => Into(ClampRaw(src, min, max));

    /// <summary>TH's clamp, x &lt; min ? min : (x &gt; max ? max : x), which also decides the case min &gt; max as Torch7 does.</summary>
    internal static TT ClampRaw(Tensor src, double min, double max, bool inPlace = false)
    {
        using var lo = ScalarLease.Of(min, src.ScalarType);
        using var hi = ScalarLease.Of(max, src.ScalarType);
        using var below = src.Raw.lt(lo.Value);
        var r = inPlace ? src.Raw.clamp_max_(hi.Value) : src.Raw.clamp_max(hi.Value);
        if (inPlace)
        {
            src.Keep(r);
            r = src.Raw;
        }
        var filled = r.masked_fill_(below, lo.Value);
        if (!ReferenceEquals(filled, r)) filled.Dispose();
        return r;
    }

    /// <summary>Stores <paramref name="value"/> to the power of every element of <paramref name="x"/> into this tensor (Lua's <c>torch.pow(res, v, x)</c>).
    /// Example: <c>y.Pow(2, x)</c>.</summary>
    public Tensor Pow(double value, Tensor x) => Into(TpowRaw(value, x));

    internal static TT TpowRaw(double value, Tensor x)
    {
        x.Need(Kind.Floating, "Pow");
        using var b = x.ScalarOf(value);
        return b.pow(x.Raw);
    }

    // ---------------------------------------------------------------- operators (always a new tensor)

    /// <summary>Element-wise difference, a new tensor. Example: <c>var c = a - b;</c></summary>
    public static Tensor operator -(Tensor a, Tensor b) => torch.Csub(a, b);
    /// <summary>Subtracts a number from every element, a new tensor. Example: <c>var c = a - 1;</c></summary>
    public static Tensor operator -(Tensor a, double v) => torch.Add(a, -v);
    /// <summary>A number minus every element, a new tensor. Example: <c>var c = 1 - a;</c></summary>
    public static Tensor operator -(double v, Tensor a) => torch.Mul(a, -1).Add(v);
    /// <summary>The negation, a new tensor (Lua's unary minus). Example: <c>var c = -a;</c></summary>
    public static Tensor operator -(Tensor a) => torch.Mul(a, -1);
    /// <summary>Every element times a number, a new tensor. Example: <c>var c = a * 2;</c></summary>
    public static Tensor operator *(Tensor a, double v) => torch.Mul(a, v);
    /// <summary>Every element times a number, a new tensor. Example: <c>var c = 2 * a;</c></summary>
    public static Tensor operator *(double v, Tensor a) => torch.Mul(a, v);
    /// <summary>Every element divided by a number, a new tensor. Example: <c>var c = a / 3;</c></summary>
    public static Tensor operator /(Tensor a, double v) => torch.Div(a, v);
    /// <summary>The remainder of every element by a number (Torch7's <c>%</c>, like <see cref="Remainder(double)"/>), a new tensor. Example: <c>var c = a % 3;</c></summary>
    public static Tensor operator %(Tensor a, double v) => torch.Remainder(a, v);
}

public static partial class torch
{
    /// <summary>A new tensor holding the element-wise product of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Cmul(x, y)</c>.</summary>
    public static Tensor Cmul(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Mul, "Cmul", a, b));
    /// <summary>A new tensor holding the element-wise quotient (truncated toward zero for integer types) of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Cdiv(x, y)</c>.</summary>
    public static Tensor Cdiv(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Div, "Cdiv", a, b));
    /// <summary>A new tensor holding the element-wise power x^y of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Cpow(x, y)</c>.</summary>
    public static Tensor Cpow(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Pow, "Cpow", a, b));
    /// <summary>A new tensor holding atan2(x, y) element-wise of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Atan2(x, y)</c>.</summary>
    public static Tensor Atan2(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Atan2, "Atan2", a, b));
    /// <summary>A new tensor holding the element-wise remainder rounded toward zero (C's fmod: sign of the dividend) of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Cfmod(x, y)</c>.</summary>
    public static Tensor Cfmod(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Fmod, "Cfmod", a, b));
    /// <summary>A new tensor holding the element-wise remainder x - y*floor(x/y) (sign of the divisor) of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Cremainder(x, y)</c>.</summary>
    public static Tensor Cremainder(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Remainder, "Cremainder", a, b));
    /// <summary>A new tensor holding the element-wise fmod (deprecated Torch7 alias of cfmod) of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Cmod(x, y)</c>.</summary>
    public static Tensor Cmod(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Fmod, "Cmod", a, b));
    /// <summary>A new tensor holding the element-wise minimum of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Cmin(x, y)</c>.</summary>
    public static Tensor Cmin(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Min, "Cmin", a, b));
    /// <summary>A new tensor holding the element-wise maximum of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Cmax(x, y)</c>.</summary>
    public static Tensor Cmax(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Max, "Cmax", a, b));
    /// <summary>A new tensor holding x shifted left by y bits (x * 2^y for Float/Double) of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Clshift(x, y)</c>.</summary>
    public static Tensor Clshift(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Lshift, "Clshift", a, b));
    /// <summary>A new tensor holding x shifted right by y bits (x / 2^y for Float/Double) of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Crshift(x, y)</c>.</summary>
    public static Tensor Crshift(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Rshift, "Crshift", a, b));
    /// <summary>A new tensor holding the bitwise and of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Cbitand(x, y)</c>.</summary>
    public static Tensor Cbitand(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.And, "Cbitand", a, b));
    /// <summary>A new tensor holding the bitwise or of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Cbitor(x, y)</c>.</summary>
    public static Tensor Cbitor(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Or, "Cbitor", a, b));
    /// <summary>A new tensor holding the bitwise xor of <paramref name="a"/> and <paramref name="b"/>. Example: <c>torch.Cbitxor(x, y)</c>.</summary>
    public static Tensor Cbitxor(Tensor a, Tensor b) => a.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Xor, "Cbitxor", a, b));
    /// <summary>A new tensor holding every element times the value, taken over <paramref name="x"/>. Example: <c>torch.Mul(x, 2)</c>.</summary>
    public static Tensor Mul(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Mul, "Mul", x, value));
    /// <summary>A new tensor holding every element divided by the value (truncated toward zero for integer types), taken over <paramref name="x"/>. Example: <c>torch.Div(x, 2)</c>.</summary>
    public static Tensor Div(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Div, "Div", x, value));
    /// <summary>A new tensor holding every element to the power of the value, taken over <paramref name="x"/>. Example: <c>torch.Pow(x, 2)</c>.</summary>
    public static Tensor Pow(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Pow, "Pow", x, value));
    /// <summary>A new tensor holding the remainder of every element by the value, rounded toward zero (C's fmod), taken over <paramref name="x"/>. Example: <c>torch.Fmod(x, 2)</c>.</summary>
    public static Tensor Fmod(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Fmod, "Fmod", x, value));
    /// <summary>A new tensor holding the remainder of every element by the value, x - v*floor(x/v) (Lua's %), taken over <paramref name="x"/>. Example: <c>torch.Remainder(x, 2)</c>.</summary>
    public static Tensor Remainder(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Remainder, "Remainder", x, value));
    /// <summary>A new tensor holding fmod by the value (deprecated Torch7 alias of fmod), taken over <paramref name="x"/>. Example: <c>torch.Mod(x, 2)</c>.</summary>
    public static Tensor Mod(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Fmod, "Mod", x, value));
    /// <summary>A new tensor holding the minimum of every element and the value, taken over <paramref name="x"/>. Example: <c>torch.Cmin(x, 2)</c>.</summary>
    public static Tensor Cmin(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Min, "Cmin", x, value));
    /// <summary>A new tensor holding the maximum of every element and the value, taken over <paramref name="x"/>. Example: <c>torch.Cmax(x, 2)</c>.</summary>
    public static Tensor Cmax(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Max, "Cmax", x, value));
    /// <summary>A new tensor holding every element shifted left by the value (x * 2^v for Float/Double), taken over <paramref name="x"/>. Example: <c>torch.Lshift(x, 2)</c>.</summary>
    public static Tensor Lshift(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Lshift, "Lshift", x, value));
    /// <summary>A new tensor holding every element shifted right by the value (x / 2^v for Float/Double), taken over <paramref name="x"/>. Example: <c>torch.Rshift(x, 2)</c>.</summary>
    public static Tensor Rshift(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Rshift, "Rshift", x, value));
    /// <summary>A new tensor holding the bitwise and of every element with the value, taken over <paramref name="x"/>. Example: <c>torch.Bitand(x, 2)</c>.</summary>
    public static Tensor Bitand(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.And, "Bitand", x, value));
    /// <summary>A new tensor holding the bitwise or of every element with the value, taken over <paramref name="x"/>. Example: <c>torch.Bitor(x, 2)</c>.</summary>
    public static Tensor Bitor(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Or, "Bitor", x, value));
    /// <summary>A new tensor holding the bitwise xor of every element with the value, taken over <paramref name="x"/>. Example: <c>torch.Bitxor(x, 2)</c>.</summary>
    public static Tensor Bitxor(Tensor x, double value) => x.Result(Torch.Tensor.BinaryRaw(Torch.Tensor.Op.Xor, "Bitxor", x, value));

    /// <summary><paramref name="a"/> - <paramref name="b"/>, a new tensor. Example: <c>torch.Csub(a, b)</c>.</summary>
    public static Tensor Csub(Tensor a, Tensor b) => Add(a, -1, b);
    /// <summary><paramref name="a"/> - <paramref name="value"/>, a new tensor. Example: <c>torch.Csub(a, 1)</c>.</summary>
    public static Tensor Csub(Tensor a, double value) => Add(a, -value);
    /// <summary>A new tensor a - value * b (Lua's <c>torch.csub(a, v, b)</c>). Example: <c>torch.Csub(a, 0.5, b)</c>.</summary>
    public static Tensor Csub(Tensor a, double value, Tensor b) => Add(a, -value, b);
    /// <summary><paramref name="x"/> + <paramref name="t1"/> .* <paramref name="t2"/>, a new tensor. Example: <c>torch.Addcmul(x, y, z)</c>.</summary>
    public static Tensor Addcmul(Tensor x, Tensor t1, Tensor t2) => Addcmul(x, 1, t1, t2);
    /// <summary><paramref name="x"/> + <paramref name="value"/> * <paramref name="t1"/> .* <paramref name="t2"/>, a new tensor. Example: <c>torch.Addcmul(x, 2, y, z)</c>.</summary>
    public static Tensor Addcmul(Tensor x, double value, Tensor t1, Tensor t2) => x.Result(Torch.Tensor.AddcRaw(false, x, value, t1, t2));
    /// <summary><paramref name="x"/> + <paramref name="t1"/> ./ <paramref name="t2"/>, a new tensor. Example: <c>torch.Addcdiv(x, y, z)</c>.</summary>
    public static Tensor Addcdiv(Tensor x, Tensor t1, Tensor t2) => Addcdiv(x, 1, t1, t2);
    /// <summary><paramref name="x"/> + <paramref name="value"/> * <paramref name="t1"/> ./ <paramref name="t2"/>, a new tensor. Example: <c>torch.Addcdiv(x, 2, y, z)</c>.</summary>
    public static Tensor Addcdiv(Tensor x, double value, Tensor t1, Tensor t2) => x.Result(Torch.Tensor.AddcRaw(true, x, value, t1, t2));
    /// <summary><paramref name="a"/> + <paramref name="weight"/> * (<paramref name="b"/> - <paramref name="a"/>), a new tensor. Example: <c>torch.Lerp(a, b, 0.5)</c>.</summary>
    public static Tensor Lerp(Tensor a, Tensor b, double weight) => a.Result(Torch.Tensor.LerpRaw(a, b, weight));
    /// <summary>Linear interpolation of two numbers. Example: <c>torch.Lerp(1, 3, 0.5) == 2</c>.</summary>
    public static double Lerp(double a, double b, double weight) => a + weight * (b - a);
    /// <summary><paramref name="x"/> clamped into [<paramref name="min"/>, <paramref name="max"/>], a new tensor. Example: <c>torch.Clamp(x, 0, 1)</c>.</summary>
    public static Tensor Clamp(Tensor x, double min, double max) => x.Result(Torch.Tensor.ClampRaw(x, min, max));
    /// <summary><paramref name="value"/> to the power of every element of <paramref name="x"/>, a new tensor (Lua's <c>torch.pow(v, x)</c>). Example: <c>torch.Pow(2, x)</c>.</summary>
    public static Tensor Pow(double value, Tensor x) => x.Result(Torch.Tensor.TpowRaw(value, x));
    /// <summary>A number to a power. Example: <c>torch.Pow(2.0, 10.0) == 1024</c>.</summary>
    public static double Pow(double x, double y) => Math.Pow(x, y);
    /// <summary>atan2 of two numbers. Example: <c>torch.Atan2(1, 1)</c>.</summary>
    public static double Atan2(double y, double x) => Math.Atan2(y, x);
}
