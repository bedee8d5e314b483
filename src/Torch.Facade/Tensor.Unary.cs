using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's element-wise functions (TensorMath groups E, F, G): one raw libtorch computation per operation,
// exposed as x.F() (in place), y.F(x) (into y) and torch.F(x) (a new tensor of x's type).
public sealed partial class Tensor
{
    /// <summary>The unary element-wise operations.</summary>
    internal enum Unary { Abs, Sign, Neg, Cinv, Frac, Rsqrt, Sigmoid, Log, Log1p, Exp, Cos, Acos, Cosh, Sin, Asin, Sinh, Tan, Atan, Tanh, Sqrt, Round, Ceil, Floor, Trunc }

    static Kind KindOf(Unary op) => op switch
    {
        Unary.Abs or Unary.Neg => Kind.Signed,
        Unary.Sign => Kind.Any,
        _ => Kind.Floating,
    };

    /// <summary>The libtorch kernels of a unary operation: one making a new tensor and, where libtorch has one, one working in place.</summary>
    static (Func<TT, TT> Fresh, Func<TT, TT>? InPlace) Kernel(Unary op) => op switch
    {
        Unary.Abs => (t => t.abs(), t => t.abs_()),
        Unary.Sign => (t => t.sign(), t => t.sign_()),
        Unary.Neg => (t => t.neg(), t => t.neg_()),
        Unary.Cinv => (t => t.reciprocal(), t => t.reciprocal_()),
        Unary.Frac => (t => t.frac(), t => t.frac_()),
        Unary.Rsqrt => (t => t.rsqrt(), t => t.rsqrt_()),
        Unary.Sigmoid => (t => t.sigmoid(), t => t.sigmoid_()),
        Unary.Log => (t => t.log(), t => t.log_()),
        Unary.Log1p => (t => t.log1p(), t => t.log1p_()),
        Unary.Exp => (t => t.exp(), t => t.exp_()),
        Unary.Cos => (t => t.cos(), t => t.cos_()),
        Unary.Acos => (t => t.acos(), t => t.acos_()),
        Unary.Cosh => (t => t.cosh(), t => t.cosh_()),
        Unary.Sin => (t => t.sin(), t => t.sin_()),
        Unary.Asin => (t => t.asin(), t => t.asin_()),
        Unary.Sinh => (t => t.sinh(), t => t.sinh_()),
        Unary.Tan => (t => t.tan(), t => t.tan_()),
        Unary.Atan => (t => t.atan(), t => t.atan_()),
        Unary.Tanh => (t => t.tanh(), t => t.tanh_()),
        Unary.Sqrt => (t => t.sqrt(), t => t.sqrt_()),
        Unary.Round => (RoundHalfAway, null),
        Unary.Ceil => (t => t.ceil(), t => t.ceil_()),
        Unary.Floor => (t => t.floor(), t => t.floor_()),
        _ => (t => t.trunc(), t => t.trunc_()),
    };

    /// <summary>Computes a unary operation of <paramref name="src"/> as a fresh libtorch tensor.</summary>
    internal static TT UnaryRaw(Unary op, Tensor src) => Kernel(op).Fresh(src.Need(KindOf(op), op.ToString()).Raw);

    /// <summary>Applies a unary operation to this tensor in place (through libtorch's in-place kernel when there is one).</summary>
    Tensor UnaryInPlace(Unary op)
    {
        var (fresh, inPlace) = Kernel(op);
        var t = Need(KindOf(op), op.ToString()).Raw;
        Writable(op.ToString());
        if (inPlace is null) return Into(fresh(t));
        Keep(inPlace(t));
        return this;
    }

    /// <summary>C's round(): halves go away from zero (libtorch's round goes to even).</summary>
    static TT RoundHalfAway(TT t)
    {
        var r = t.trunc();
        using var d = t.sub(r);
        using var ad = d.abs();
        using var far = ad.Ge(0.5);
        using var farReal = far.to_type(t.dtype);
        using var sg = d.sign();
        using var step = sg.mul(farReal);
        return r.add_(step, ScalarLease.One);
    }

    /// <summary>Replaces every element by the absolute value, in place. Example: <c>x.Abs()</c>.</summary>
    public Tensor Abs() => UnaryInPlace(Unary.Abs);
    /// <summary>Stores the absolute value of every element of <paramref name="src"/> into this tensor. Example: <c>y.Abs(x)</c>.</summary>
    public Tensor Abs(Tensor src) => Into(UnaryRaw(Unary.Abs, src));
    /// <summary>Replaces every element by the sign (-1, 0 or 1), in place. Example: <c>x.Sign()</c>.</summary>
    public Tensor Sign() => UnaryInPlace(Unary.Sign);
    /// <summary>Stores the sign (-1, 0 or 1) of every element of <paramref name="src"/> into this tensor. Example: <c>y.Sign(x)</c>.</summary>
    public Tensor Sign(Tensor src) => Into(UnaryRaw(Unary.Sign, src));
    /// <summary>Replaces every element by the negation, in place. Example: <c>x.Neg()</c>.</summary>
    public Tensor Neg() => UnaryInPlace(Unary.Neg);
    /// <summary>Stores the negation of every element of <paramref name="src"/> into this tensor. Example: <c>y.Neg(x)</c>.</summary>
    public Tensor Neg(Tensor src) => Into(UnaryRaw(Unary.Neg, src));
    /// <summary>Replaces every element by the inverse 1/x, in place. Example: <c>x.Cinv()</c>.</summary>
    public Tensor Cinv() => UnaryInPlace(Unary.Cinv);
    /// <summary>Stores the inverse 1/x of every element of <paramref name="src"/> into this tensor. Example: <c>y.Cinv(x)</c>.</summary>
    public Tensor Cinv(Tensor src) => Into(UnaryRaw(Unary.Cinv, src));
    /// <summary>Replaces every element by the fractional part x - trunc(x), in place. Example: <c>x.Frac()</c>.</summary>
    public Tensor Frac() => UnaryInPlace(Unary.Frac);
    /// <summary>Stores the fractional part x - trunc(x) of every element of <paramref name="src"/> into this tensor. Example: <c>y.Frac(x)</c>.</summary>
    public Tensor Frac(Tensor src) => Into(UnaryRaw(Unary.Frac, src));
    /// <summary>Replaces every element by the reciprocal square root, in place. Example: <c>x.Rsqrt()</c>.</summary>
    public Tensor Rsqrt() => UnaryInPlace(Unary.Rsqrt);
    /// <summary>Stores the reciprocal square root of every element of <paramref name="src"/> into this tensor. Example: <c>y.Rsqrt(x)</c>.</summary>
    public Tensor Rsqrt(Tensor src) => Into(UnaryRaw(Unary.Rsqrt, src));
    /// <summary>Replaces every element by the sigmoid 1/(1+exp(-x)), in place. Example: <c>x.Sigmoid()</c>.</summary>
    public Tensor Sigmoid() => UnaryInPlace(Unary.Sigmoid);
    /// <summary>Stores the sigmoid 1/(1+exp(-x)) of every element of <paramref name="src"/> into this tensor. Example: <c>y.Sigmoid(x)</c>.</summary>
    public Tensor Sigmoid(Tensor src) => Into(UnaryRaw(Unary.Sigmoid, src));
    /// <summary>Replaces every element by the natural logarithm, in place. Example: <c>x.Log()</c>.</summary>
    public Tensor Log() => UnaryInPlace(Unary.Log);
    /// <summary>Stores the natural logarithm of every element of <paramref name="src"/> into this tensor. Example: <c>y.Log(x)</c>.</summary>
    public Tensor Log(Tensor src) => Into(UnaryRaw(Unary.Log, src));
    /// <summary>Replaces every element by log(1 + x), in place. Example: <c>x.Log1p()</c>.</summary>
    public Tensor Log1p() => UnaryInPlace(Unary.Log1p);
    /// <summary>Stores log(1 + x) of every element of <paramref name="src"/> into this tensor. Example: <c>y.Log1p(x)</c>.</summary>
    public Tensor Log1p(Tensor src) => Into(UnaryRaw(Unary.Log1p, src));
    /// <summary>Replaces every element by the exponential, in place. Example: <c>x.Exp()</c>.</summary>
    public Tensor Exp() => UnaryInPlace(Unary.Exp);
    /// <summary>Stores the exponential of every element of <paramref name="src"/> into this tensor. Example: <c>y.Exp(x)</c>.</summary>
    public Tensor Exp(Tensor src) => Into(UnaryRaw(Unary.Exp, src));
    /// <summary>Replaces every element by the cosine, in place. Example: <c>x.Cos()</c>.</summary>
    public Tensor Cos() => UnaryInPlace(Unary.Cos);
    /// <summary>Stores the cosine of every element of <paramref name="src"/> into this tensor. Example: <c>y.Cos(x)</c>.</summary>
    public Tensor Cos(Tensor src) => Into(UnaryRaw(Unary.Cos, src));
    /// <summary>Replaces every element by the arc cosine, in place. Example: <c>x.Acos()</c>.</summary>
    public Tensor Acos() => UnaryInPlace(Unary.Acos);
    /// <summary>Stores the arc cosine of every element of <paramref name="src"/> into this tensor. Example: <c>y.Acos(x)</c>.</summary>
    public Tensor Acos(Tensor src) => Into(UnaryRaw(Unary.Acos, src));
    /// <summary>Replaces every element by the hyperbolic cosine, in place. Example: <c>x.Cosh()</c>.</summary>
    public Tensor Cosh() => UnaryInPlace(Unary.Cosh);
    /// <summary>Stores the hyperbolic cosine of every element of <paramref name="src"/> into this tensor. Example: <c>y.Cosh(x)</c>.</summary>
    public Tensor Cosh(Tensor src) => Into(UnaryRaw(Unary.Cosh, src));
    /// <summary>Replaces every element by the sine, in place. Example: <c>x.Sin()</c>.</summary>
    public Tensor Sin() => UnaryInPlace(Unary.Sin);
    /// <summary>Stores the sine of every element of <paramref name="src"/> into this tensor. Example: <c>y.Sin(x)</c>.</summary>
    public Tensor Sin(Tensor src) => Into(UnaryRaw(Unary.Sin, src));
    /// <summary>Replaces every element by the arc sine, in place. Example: <c>x.Asin()</c>.</summary>
    public Tensor Asin() => UnaryInPlace(Unary.Asin);
    /// <summary>Stores the arc sine of every element of <paramref name="src"/> into this tensor. Example: <c>y.Asin(x)</c>.</summary>
    public Tensor Asin(Tensor src) => Into(UnaryRaw(Unary.Asin, src));
    /// <summary>Replaces every element by the hyperbolic sine, in place. Example: <c>x.Sinh()</c>.</summary>
    public Tensor Sinh() => UnaryInPlace(Unary.Sinh);
    /// <summary>Stores the hyperbolic sine of every element of <paramref name="src"/> into this tensor. Example: <c>y.Sinh(x)</c>.</summary>
    public Tensor Sinh(Tensor src) => Into(UnaryRaw(Unary.Sinh, src));
    /// <summary>Replaces every element by the tangent, in place. Example: <c>x.Tan()</c>.</summary>
    public Tensor Tan() => UnaryInPlace(Unary.Tan);
    /// <summary>Stores the tangent of every element of <paramref name="src"/> into this tensor. Example: <c>y.Tan(x)</c>.</summary>
    public Tensor Tan(Tensor src) => Into(UnaryRaw(Unary.Tan, src));
    /// <summary>Replaces every element by the arc tangent, in place. Example: <c>x.Atan()</c>.</summary>
    public Tensor Atan() => UnaryInPlace(Unary.Atan);
    /// <summary>Stores the arc tangent of every element of <paramref name="src"/> into this tensor. Example: <c>y.Atan(x)</c>.</summary>
    public Tensor Atan(Tensor src) => Into(UnaryRaw(Unary.Atan, src));
    /// <summary>Replaces every element by the hyperbolic tangent, in place. Example: <c>x.Tanh()</c>.</summary>
    public Tensor Tanh() => UnaryInPlace(Unary.Tanh);
    /// <summary>Stores the hyperbolic tangent of every element of <paramref name="src"/> into this tensor. Example: <c>y.Tanh(x)</c>.</summary>
    public Tensor Tanh(Tensor src) => Into(UnaryRaw(Unary.Tanh, src));
    /// <summary>Replaces every element by the square root, in place. Example: <c>x.Sqrt()</c>.</summary>
    public Tensor Sqrt() => UnaryInPlace(Unary.Sqrt);
    /// <summary>Stores the square root of every element of <paramref name="src"/> into this tensor. Example: <c>y.Sqrt(x)</c>.</summary>
    public Tensor Sqrt(Tensor src) => Into(UnaryRaw(Unary.Sqrt, src));
    /// <summary>Replaces every element by the nearest integer, halves away from zero (C's round, not libtorch's half-to-even), in place. Example: <c>x.Round()</c>.</summary>
    public Tensor Round() => UnaryInPlace(Unary.Round);
    /// <summary>Stores the nearest integer, halves away from zero (C's round, not libtorch's half-to-even) of every element of <paramref name="src"/> into this tensor. Example: <c>y.Round(x)</c>.</summary>
    public Tensor Round(Tensor src) => Into(UnaryRaw(Unary.Round, src));
    /// <summary>Replaces every element by the smallest integer not below x, in place. Example: <c>x.Ceil()</c>.</summary>
    public Tensor Ceil() => UnaryInPlace(Unary.Ceil);
    /// <summary>Stores the smallest integer not below x of every element of <paramref name="src"/> into this tensor. Example: <c>y.Ceil(x)</c>.</summary>
    public Tensor Ceil(Tensor src) => Into(UnaryRaw(Unary.Ceil, src));
    /// <summary>Replaces every element by the largest integer not above x, in place. Example: <c>x.Floor()</c>.</summary>
    public Tensor Floor() => UnaryInPlace(Unary.Floor);
    /// <summary>Stores the largest integer not above x of every element of <paramref name="src"/> into this tensor. Example: <c>y.Floor(x)</c>.</summary>
    public Tensor Floor(Tensor src) => Into(UnaryRaw(Unary.Floor, src));
    /// <summary>Replaces every element by the integer part (rounded toward zero), in place. Example: <c>x.Trunc()</c>.</summary>
    public Tensor Trunc() => UnaryInPlace(Unary.Trunc);
    /// <summary>Stores the integer part (rounded toward zero) of every element of <paramref name="src"/> into this tensor. Example: <c>y.Trunc(x)</c>.</summary>
    public Tensor Trunc(Tensor src) => Into(UnaryRaw(Unary.Trunc, src));
}

public static partial class torch
{
    /// <summary>log(1 + v) without cancellation for small v (Goldberg's correction; .NET has no log1p).</summary>
    static double Log1pOf(double v)
    {
        double u = 1 + v;
        return u == 1 ? v : double.IsPositiveInfinity(u) ? u : Math.Log(u) * v / (u - 1);
    }

    /// <summary>A new tensor holding the absolute value of every element of <paramref name="x"/>. Example: <c>torch.Abs(x)</c>.</summary>
    public static Tensor Abs(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Abs, x));
    /// <summary>The absolute value of a number (Lua's <c>torch.abs(v)</c>). Example: <c>torch.Abs(0.5)</c>.</summary>
    public static double Abs(double v) => Math.Abs(v);
    /// <summary>A new tensor holding the sign (-1, 0 or 1) of every element of <paramref name="x"/>. Example: <c>torch.Sign(x)</c>.</summary>
    public static Tensor Sign(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Sign, x));
    /// <summary>A new tensor holding the negation of every element of <paramref name="x"/>. Example: <c>torch.Neg(x)</c>.</summary>
    public static Tensor Neg(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Neg, x));
    /// <summary>A new tensor holding the inverse 1/x of every element of <paramref name="x"/>. Example: <c>torch.Cinv(x)</c>.</summary>
    public static Tensor Cinv(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Cinv, x));
    /// <summary>A new tensor holding the fractional part x - trunc(x) of every element of <paramref name="x"/>. Example: <c>torch.Frac(x)</c>.</summary>
    public static Tensor Frac(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Frac, x));
    /// <summary>The fractional part x - trunc(x) of a number (Lua's <c>torch.frac(v)</c>). Example: <c>torch.Frac(0.5)</c>.</summary>
    public static double Frac(double v) => v - Math.Truncate(v);
    /// <summary>A new tensor holding the reciprocal square root of every element of <paramref name="x"/>. Example: <c>torch.Rsqrt(x)</c>.</summary>
    public static Tensor Rsqrt(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Rsqrt, x));
    /// <summary>The reciprocal square root of a number (Lua's <c>torch.rsqrt(v)</c>). Example: <c>torch.Rsqrt(0.5)</c>.</summary>
    public static double Rsqrt(double v) => 1 / Math.Sqrt(v);
    /// <summary>A new tensor holding the sigmoid 1/(1+exp(-x)) of every element of <paramref name="x"/>. Example: <c>torch.Sigmoid(x)</c>.</summary>
    public static Tensor Sigmoid(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Sigmoid, x));
    /// <summary>The sigmoid 1/(1+exp(-x)) of a number (Lua's <c>torch.sigmoid(v)</c>). Example: <c>torch.Sigmoid(0.5)</c>.</summary>
    public static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
    /// <summary>A new tensor holding the natural logarithm of every element of <paramref name="x"/>. Example: <c>torch.Log(x)</c>.</summary>
    public static Tensor Log(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Log, x));
    /// <summary>The natural logarithm of a number (Lua's <c>torch.log(v)</c>). Example: <c>torch.Log(0.5)</c>.</summary>
    public static double Log(double v) => Math.Log(v);
    /// <summary>A new tensor holding log(1 + x) of every element of <paramref name="x"/>. Example: <c>torch.Log1p(x)</c>.</summary>
    public static Tensor Log1p(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Log1p, x));
    /// <summary>Log(1 + x) of a number (Lua's <c>torch.log1p(v)</c>). Example: <c>torch.Log1p(0.5)</c>.</summary>
    public static double Log1p(double v) => Log1pOf(v);
    /// <summary>A new tensor holding the exponential of every element of <paramref name="x"/>. Example: <c>torch.Exp(x)</c>.</summary>
    public static Tensor Exp(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Exp, x));
    /// <summary>The exponential of a number (Lua's <c>torch.exp(v)</c>). Example: <c>torch.Exp(0.5)</c>.</summary>
    public static double Exp(double v) => Math.Exp(v);
    /// <summary>A new tensor holding the cosine of every element of <paramref name="x"/>. Example: <c>torch.Cos(x)</c>.</summary>
    public static Tensor Cos(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Cos, x));
    /// <summary>The cosine of a number (Lua's <c>torch.cos(v)</c>). Example: <c>torch.Cos(0.5)</c>.</summary>
    public static double Cos(double v) => Math.Cos(v);
    /// <summary>A new tensor holding the arc cosine of every element of <paramref name="x"/>. Example: <c>torch.Acos(x)</c>.</summary>
    public static Tensor Acos(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Acos, x));
    /// <summary>The arc cosine of a number (Lua's <c>torch.acos(v)</c>). Example: <c>torch.Acos(0.5)</c>.</summary>
    public static double Acos(double v) => Math.Acos(v);
    /// <summary>A new tensor holding the hyperbolic cosine of every element of <paramref name="x"/>. Example: <c>torch.Cosh(x)</c>.</summary>
    public static Tensor Cosh(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Cosh, x));
    /// <summary>The hyperbolic cosine of a number (Lua's <c>torch.cosh(v)</c>). Example: <c>torch.Cosh(0.5)</c>.</summary>
    public static double Cosh(double v) => Math.Cosh(v);
    /// <summary>A new tensor holding the sine of every element of <paramref name="x"/>. Example: <c>torch.Sin(x)</c>.</summary>
    public static Tensor Sin(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Sin, x));
    /// <summary>The sine of a number (Lua's <c>torch.sin(v)</c>). Example: <c>torch.Sin(0.5)</c>.</summary>
    public static double Sin(double v) => Math.Sin(v);
    /// <summary>A new tensor holding the arc sine of every element of <paramref name="x"/>. Example: <c>torch.Asin(x)</c>.</summary>
    public static Tensor Asin(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Asin, x));
    /// <summary>The arc sine of a number (Lua's <c>torch.asin(v)</c>). Example: <c>torch.Asin(0.5)</c>.</summary>
    public static double Asin(double v) => Math.Asin(v);
    /// <summary>A new tensor holding the hyperbolic sine of every element of <paramref name="x"/>. Example: <c>torch.Sinh(x)</c>.</summary>
    public static Tensor Sinh(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Sinh, x));
    /// <summary>The hyperbolic sine of a number (Lua's <c>torch.sinh(v)</c>). Example: <c>torch.Sinh(0.5)</c>.</summary>
    public static double Sinh(double v) => Math.Sinh(v);
    /// <summary>A new tensor holding the tangent of every element of <paramref name="x"/>. Example: <c>torch.Tan(x)</c>.</summary>
    public static Tensor Tan(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Tan, x));
    /// <summary>The tangent of a number (Lua's <c>torch.tan(v)</c>). Example: <c>torch.Tan(0.5)</c>.</summary>
    public static double Tan(double v) => Math.Tan(v);
    /// <summary>A new tensor holding the arc tangent of every element of <paramref name="x"/>. Example: <c>torch.Atan(x)</c>.</summary>
    public static Tensor Atan(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Atan, x));
    /// <summary>The arc tangent of a number (Lua's <c>torch.atan(v)</c>). Example: <c>torch.Atan(0.5)</c>.</summary>
    public static double Atan(double v) => Math.Atan(v);
    /// <summary>A new tensor holding the hyperbolic tangent of every element of <paramref name="x"/>. Example: <c>torch.Tanh(x)</c>.</summary>
    public static Tensor Tanh(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Tanh, x));
    /// <summary>The hyperbolic tangent of a number (Lua's <c>torch.tanh(v)</c>). Example: <c>torch.Tanh(0.5)</c>.</summary>
    public static double Tanh(double v) => Math.Tanh(v);
    /// <summary>A new tensor holding the square root of every element of <paramref name="x"/>. Example: <c>torch.Sqrt(x)</c>.</summary>
    public static Tensor Sqrt(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Sqrt, x));
    /// <summary>The square root of a number (Lua's <c>torch.sqrt(v)</c>). Example: <c>torch.Sqrt(0.5)</c>.</summary>
    public static double Sqrt(double v) => Math.Sqrt(v);
    /// <summary>A new tensor holding the nearest integer, halves away from zero (C's round, not libtorch's half-to-even) of every element of <paramref name="x"/>. Example: <c>torch.Round(x)</c>.</summary>
    public static Tensor Round(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Round, x));
    /// <summary>The nearest integer, halves away from zero (C's round, not libtorch's half-to-even) of a number (Lua's <c>torch.round(v)</c>). Example: <c>torch.Round(0.5)</c>.</summary>
    public static double Round(double v) => Math.Round(v, MidpointRounding.AwayFromZero);
    /// <summary>A new tensor holding the smallest integer not below x of every element of <paramref name="x"/>. Example: <c>torch.Ceil(x)</c>.</summary>
    public static Tensor Ceil(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Ceil, x));
    /// <summary>The smallest integer not below x of a number (Lua's <c>torch.ceil(v)</c>). Example: <c>torch.Ceil(0.5)</c>.</summary>
    public static double Ceil(double v) => Math.Ceiling(v);
    /// <summary>A new tensor holding the largest integer not above x of every element of <paramref name="x"/>. Example: <c>torch.Floor(x)</c>.</summary>
    public static Tensor Floor(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Floor, x));
    /// <summary>The largest integer not above x of a number (Lua's <c>torch.floor(v)</c>). Example: <c>torch.Floor(0.5)</c>.</summary>
    public static double Floor(double v) => Math.Floor(v);
    /// <summary>A new tensor holding the integer part (rounded toward zero) of every element of <paramref name="x"/>. Example: <c>torch.Trunc(x)</c>.</summary>
    public static Tensor Trunc(Tensor x) => x.Result(Torch.Tensor.UnaryRaw(Torch.Tensor.Unary.Trunc, x));
    /// <summary>The integer part (rounded toward zero) of a number (Lua's <c>torch.trunc(v)</c>). Example: <c>torch.Trunc(0.5)</c>.</summary>
    public static double Trunc(double v) => Math.Truncate(v);
}
