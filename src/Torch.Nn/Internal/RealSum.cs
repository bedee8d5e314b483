using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>Sums as Torch7 computes them. THNN's loss loops keep <c>real sum</c>: in float the running sum is rounded to float at every
/// step, in element order, then divided in float; Torch7 returns that float, so a float loss here is the same float. Lua code that
/// calls <c>t:sum()</c> gets TH's <c>accreal</c> sum (a double, even for FloatTensors), and <c>t:sum(d)</c> along a contiguous last
/// dimension accumulates in double and rounds once.</summary>
internal static class RealSum
{
    /// <summary>The float sum of <paramref name="terms"/> (a Float32 tensor), divided by their count when <paramref name="sizeAverage"/>.</summary>
    internal static double Float(TT terms, bool sizeAverage)
    {
        using var flat = terms.contiguous().view(-1);
        float sum = 0;
        foreach (var v in flat.data<float>()) sum += v;
        return sizeAverage ? sum / flat.shape[0] : sum;
    }

    /// <summary>C arithmetic in a tensor's real type: one operation on floats, done in double and rounded to float, is the float
    /// operation's result; doubles pass unchanged. Example: <c>sum = R(sum + R(z * z))</c>.</summary>
    internal static Func<double, double> Rounding(TS.ScalarType type) =>
        type == TS.ScalarType.Float32 ? v => (float)v : v => v;

    /// <summary>The elements of <paramref name="t"/> in TH's element order (row-major over its sizes), as doubles.</summary>
    internal static double[] Values(TT t)
    {
        using var d = t.to_type(TS.ScalarType.Float64).contiguous();
        return d.data<double>().ToArray();
    }

    /// <summary>Lua's <c>t:sum()</c> kept as a libtorch result (so autograd sees it): the sum of all elements in double.</summary>
    internal static TT All(TT t)
    {
        using var d = t.to_type(TS.ScalarType.Float64);
        return d.sum();
    }

    /// <summary>Lua's <c>t:sum(dim)</c> along the contiguous last dimension <paramref name="dim"/> (0-based): accumulated in double,
    /// rounded once to the tensor's type; kept as a libtorch result.</summary>
    internal static TT Along(TT t, long dim, bool keepdim = false)
    {
        if (t.dtype != TS.ScalarType.Float32) return t.sum(new[] { dim }, keepdim);
        using var d = t.to_type(TS.ScalarType.Float64);
        using var s = d.sum(new[] { dim }, keepdim);
        return s.to_type(t.dtype);
    }
}
