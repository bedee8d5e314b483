using TorchSharp;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Native;

/// <summary>
/// libtorch calls that take a number, with the number's Scalar kept alive through the call and freed after it.
/// </summary>
/// <remarks>
/// Why: TorchSharp turns a number into a new Scalar (implicitly, or inside its own overloads such as <c>add_(t)</c>, whose alpha
/// is one) and passes only its handle to libtorch. Nothing holds the Scalar during the native call, so a collection finished
/// on another thread (a pool worker's, a parallel test's) can finalize it while libtorch reads it: "Expected false to be true"
/// from <c>Scalar::toDouble</c>/<c>toLong</c>, or, where the freed memory was reused, a wrong number. Measured: two threads,
/// one calling <c>t.mul_(0.5)</c>, the other collecting, 3 failures in 411,702 calls in 5 s; with a held Scalar none in
/// 1,527,440. A double stays a floating Scalar and a long (or int) an integral one, as TorchSharp's own conversions make them.
/// Example: <c>x.Raw.Mul_(0.5)</c>.
/// </remarks>
internal static class KeptScalars
{
    /// <summary><c>t.mul(v)</c>, v as a floating Scalar. Example: <c>t.Mul(2.0)</c>.</summary>
    internal static TT Mul(this TT t, double v) { using var s = v.ToScalar(); return t.mul(s); }
    /// <summary><c>t.mul(v)</c>, v as a integral Scalar. Example: <c>t.Mul(2L)</c>.</summary>
    internal static TT Mul(this TT t, long v) { using var s = v.ToScalar(); return t.mul(s); }
    /// <summary><c>t.mul_(v)</c>, v as a floating Scalar. Example: <c>t.Mul_(2.0)</c>.</summary>
    internal static TT Mul_(this TT t, double v) { using var s = v.ToScalar(); return t.mul_(s); }
    /// <summary><c>t.mul_(v)</c>, v as a integral Scalar. Example: <c>t.Mul_(2L)</c>.</summary>
    internal static TT Mul_(this TT t, long v) { using var s = v.ToScalar(); return t.mul_(s); }
    /// <summary><c>t.div(v)</c>, v as a floating Scalar. Example: <c>t.Div(2.0)</c>.</summary>
    internal static TT Div(this TT t, double v) { using var s = v.ToScalar(); return t.div(s); }
    /// <summary><c>t.div(v)</c>, v as a integral Scalar. Example: <c>t.Div(2L)</c>.</summary>
    internal static TT Div(this TT t, long v) { using var s = v.ToScalar(); return t.div(s); }
    /// <summary><c>t.div_(v)</c>, v as a floating Scalar. Example: <c>t.Div_(2.0)</c>.</summary>
    internal static TT Div_(this TT t, double v) { using var s = v.ToScalar(); return t.div_(s); }
    /// <summary><c>t.div_(v)</c>, v as a integral Scalar. Example: <c>t.Div_(2L)</c>.</summary>
    internal static TT Div_(this TT t, long v) { using var s = v.ToScalar(); return t.div_(s); }
    /// <summary><c>t.add(v)</c> (alpha one held too), v as a floating Scalar. Example: <c>t.Add(2.0)</c>.</summary>
    internal static TT Add(this TT t, double v) { using var s = v.ToScalar(); return t.add(s, ScalarLease.One); }
    /// <summary><c>t.add(v)</c> (alpha one held too), v as a integral Scalar. Example: <c>t.Add(2L)</c>.</summary>
    internal static TT Add(this TT t, long v) { using var s = v.ToScalar(); return t.add(s, ScalarLease.One); }
    /// <summary><c>t.add_(v)</c> (alpha one held too), v as a floating Scalar. Example: <c>t.Add_(2.0)</c>.</summary>
    internal static TT Add_(this TT t, double v) { using var s = v.ToScalar(); return t.add_(s, ScalarLease.One); }
    /// <summary><c>t.add_(v)</c> (alpha one held too), v as a integral Scalar. Example: <c>t.Add_(2L)</c>.</summary>
    internal static TT Add_(this TT t, long v) { using var s = v.ToScalar(); return t.add_(s, ScalarLease.One); }
    /// <summary><c>t.sub(v)</c>, v as a floating Scalar. Example: <c>t.Sub(2.0)</c>.</summary>
    internal static TT Sub(this TT t, double v) { using var s = v.ToScalar(); return t.sub(s); }
    /// <summary><c>t.sub(v)</c>, v as a integral Scalar. Example: <c>t.Sub(2L)</c>.</summary>
    internal static TT Sub(this TT t, long v) { using var s = v.ToScalar(); return t.sub(s); }
    /// <summary><c>t.sub_(v)</c>, v as a floating Scalar. Example: <c>t.Sub_(2.0)</c>.</summary>
    internal static TT Sub_(this TT t, double v) { using var s = v.ToScalar(); return t.sub_(s); }
    /// <summary><c>t.sub_(v)</c>, v as a integral Scalar. Example: <c>t.Sub_(2L)</c>.</summary>
    internal static TT Sub_(this TT t, long v) { using var s = v.ToScalar(); return t.sub_(s); }
    /// <summary><c>t.fill_(v)</c>, v as a floating Scalar. Example: <c>t.Fill_(2.0)</c>.</summary>
    internal static TT Fill_(this TT t, double v) { using var s = v.ToScalar(); return t.fill_(s); }
    /// <summary><c>t.fill_(v)</c>, v as a integral Scalar. Example: <c>t.Fill_(2L)</c>.</summary>
    internal static TT Fill_(this TT t, long v) { using var s = v.ToScalar(); return t.fill_(s); }
    /// <summary><c>t.pow(v)</c>, v as a floating Scalar. Example: <c>t.Pow(2.0)</c>.</summary>
    internal static TT Pow(this TT t, double v) { using var s = v.ToScalar(); return t.pow(s); }
    /// <summary><c>t.pow(v)</c>, v as a integral Scalar. Example: <c>t.Pow(2L)</c>.</summary>
    internal static TT Pow(this TT t, long v) { using var s = v.ToScalar(); return t.pow(s); }
    /// <summary><c>t.pow_(v)</c>, v as a floating Scalar. Example: <c>t.Pow_(2.0)</c>.</summary>
    internal static TT Pow_(this TT t, double v) { using var s = v.ToScalar(); return t.pow_(s); }
    /// <summary><c>t.pow_(v)</c>, v as a integral Scalar. Example: <c>t.Pow_(2L)</c>.</summary>
    internal static TT Pow_(this TT t, long v) { using var s = v.ToScalar(); return t.pow_(s); }
    /// <summary><c>t.gt(v)</c>, v as a floating Scalar. Example: <c>t.Gt(2.0)</c>.</summary>
    internal static TT Gt(this TT t, double v) { using var s = v.ToScalar(); return t.gt(s); }
    /// <summary><c>t.gt(v)</c>, v as a integral Scalar. Example: <c>t.Gt(2L)</c>.</summary>
    internal static TT Gt(this TT t, long v) { using var s = v.ToScalar(); return t.gt(s); }
    /// <summary><c>t.lt(v)</c>, v as a floating Scalar. Example: <c>t.Lt(2.0)</c>.</summary>
    internal static TT Lt(this TT t, double v) { using var s = v.ToScalar(); return t.lt(s); }
    /// <summary><c>t.lt(v)</c>, v as a integral Scalar. Example: <c>t.Lt(2L)</c>.</summary>
    internal static TT Lt(this TT t, long v) { using var s = v.ToScalar(); return t.lt(s); }
    /// <summary><c>t.ge(v)</c>, v as a floating Scalar. Example: <c>t.Ge(2.0)</c>.</summary>
    internal static TT Ge(this TT t, double v) { using var s = v.ToScalar(); return t.ge(s); }
    /// <summary><c>t.ge(v)</c>, v as a integral Scalar. Example: <c>t.Ge(2L)</c>.</summary>
    internal static TT Ge(this TT t, long v) { using var s = v.ToScalar(); return t.ge(s); }
    /// <summary><c>t.le(v)</c>, v as a floating Scalar. Example: <c>t.Le(2.0)</c>.</summary>
    internal static TT Le(this TT t, double v) { using var s = v.ToScalar(); return t.le(s); }
    /// <summary><c>t.le(v)</c>, v as a integral Scalar. Example: <c>t.Le(2L)</c>.</summary>
    internal static TT Le(this TT t, long v) { using var s = v.ToScalar(); return t.le(s); }
    /// <summary><c>t.eq(v)</c>, v as a floating Scalar. Example: <c>t.Eq(2.0)</c>.</summary>
    internal static TT Eq(this TT t, double v) { using var s = v.ToScalar(); return t.eq(s); }
    /// <summary><c>t.eq(v)</c>, v as a integral Scalar. Example: <c>t.Eq(2L)</c>.</summary>
    internal static TT Eq(this TT t, long v) { using var s = v.ToScalar(); return t.eq(s); }
    /// <summary><c>t.ne(v)</c>, v as a floating Scalar. Example: <c>t.Ne(2.0)</c>.</summary>
    internal static TT Ne(this TT t, double v) { using var s = v.ToScalar(); return t.ne(s); }
    /// <summary><c>t.ne(v)</c>, v as a integral Scalar. Example: <c>t.Ne(2L)</c>.</summary>
    internal static TT Ne(this TT t, long v) { using var s = v.ToScalar(); return t.ne(s); }
    /// <summary><c>t.masked_fill_(mask, v)</c>. Example: <c>t.MaskedFill_(mask, 0.0)</c>.</summary>
    internal static TT MaskedFill_(this TT t, TT mask, double v) { using var s = v.ToScalar(); return t.masked_fill_(mask, s); }
    /// <summary><c>t.masked_fill_(mask, v)</c>. Example: <c>t.MaskedFill_(mask, 0L)</c>.</summary>
    internal static TT MaskedFill_(this TT t, TT mask, long v) { using var s = v.ToScalar(); return t.masked_fill_(mask, s); }
    /// <summary><c>t.masked_fill(mask, v)</c>. Example: <c>t.MaskedFill(mask, 0.0)</c>.</summary>
    internal static TT MaskedFill(this TT t, TT mask, double v) { using var s = v.ToScalar(); return t.masked_fill(mask, s); }
    /// <summary><c>t.masked_fill(mask, v)</c>. Example: <c>t.MaskedFill(mask, 0L)</c>.</summary>
    internal static TT MaskedFill(this TT t, TT mask, long v) { using var s = v.ToScalar(); return t.masked_fill(mask, s); }
    /// <summary><c>t.clamp_min(v)</c>. Example: <c>t.ClampMin(0.0)</c>.</summary>
    internal static TT ClampMin(this TT t, double v) { using var s = v.ToScalar(); return t.clamp_min(s); }
    /// <summary><c>TS.full(sizes, v, type)</c>. Example: <c>KeptScalars.Full(new long[] { 2 }, 0.5, type)</c>.</summary>
    internal static TT Full(long[] sizes, double v, TorchSharp.torch.ScalarType type) { using var s = v.ToScalar(); return TorchSharp.torch.full(sizes, s, type); }
    /// <summary><c>t.elu(alpha, 1, 1)</c>, as <c>nn.functional.elu(t, alpha)</c> computes it. Example: <c>t.Elu(1.0)</c>.</summary>
    internal static TT Elu(this TT t, double alpha)
    {
        using var a = alpha.ToScalar();
        using var one = 1.0.ToScalar();
        return t.elu(a, one, one);
    }
    /// <summary><c>t.leaky_relu(slope)</c>, as <c>nn.functional.leaky_relu(t, slope)</c> computes it. Example: <c>t.LeakyRelu(0.01)</c>.</summary>
    internal static TT LeakyRelu(this TT t, double slope) { using var s = slope.ToScalar(); return t.leaky_relu(s); }
}
