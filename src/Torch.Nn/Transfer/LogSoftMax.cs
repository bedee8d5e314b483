using Torch.Native;
using Torch.Nn.Internal;
using System.Numerics;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.LogSoftMax()</c>: log(exp(x_i) / sum_j exp(x_j)) over the feature dimension (1-D: the vector; 2-D: each row;
/// 3-D/4-D: the channels). Explicit gradient g - exp(y) sum(g). On CPU float/double tensors THNN's own loops, in managed code (the
/// same bits as Torch7, and no libtorch dispatch: char-rnn calls it 50 times a batch on 50x65).</summary>
/// <remarks>Example: <c>Tensor logp = nn.LogSoftMax().Forward(torch.Tensor(2, 10).Uniform());</c></remarks>
public class LogSoftMax : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        long dim = SoftMaxDim.Of(x, this);
        if (Frames(x) is { } f)
        {
            var xc = x.Contiguous();
            var o = Buffers.Fit(ref Output, x.ScalarType).ResizeAs(x);
            if (x.ScalarType == TS.ScalarType.Float64) Forward<double>(xc.Data, o.Data, f);
            else Forward<float>(xc.Data, o.Data, f);
            return o;
        }
        if (x.ScalarType != TS.ScalarType.Float32) return Emit(TS.nn.functional.log_softmax(x.Raw, dim));
        // THNN in float: exp(x - max) summed in double (accreal), logsum = max + log(sum) in double, x - logsum rounded to float
        using var max = x.Raw.amax(new[] { dim }, keepdim: true);
        using var shifted = x.Raw - max;
        using var wide = shifted.to_type(TS.ScalarType.Float64);
        using var sum = wide.exp_().sum(new[] { dim }, keepdim: true);
        using var maxd = max.to_type(TS.ScalarType.Float64);
        using var logsum = sum.log_().add_(maxd, ScalarLease.One);
        using var xd = x.Raw.to_type(TS.ScalarType.Float64);
        using var y = xd.sub_(logsum);
        return Emit(y.to_type(TS.ScalarType.Float32));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var y = (Tensor)Output;
        var go = InputTensor(gradOutput, "gradOutput");
        long dim = SoftMaxDim.Of(y, this);
        if (Frames(y) is { } f && y.IsContiguous() && go.ScalarType == y.ScalarType && go.NElement() == y.NElement() && !go.IsCuda && !go.RequiresGrad)
        {
            var gc = go.Contiguous();
            var into = Buffers.Fit(ref GradInput, y.ScalarType).ResizeAs(y);
            if (y.ScalarType == TS.ScalarType.Float64) Backward<double>(y.Data, gc.Data, into.Data, f);
            else Backward<float>(y.Data, gc.Data, into.Data, f);
            return into;
        }
        using var g = go.Raw.view_as(y.Raw);
        using var sum = g.sum(new[] { dim }, keepdim: true);
        using var p = y.Raw.exp();
        p.mul_(sum);
        var gi = Buffers.Fit(ref GradInput, y.ScalarType);
        gi.ResizeAs(y);
        gi.Raw.copy_(g);
        gi.Raw.sub_(p);
        return GradInput;
    }

    /// <summary>THNN's layout of the softmax: <c>n</c> frames of <c>dim</c> values <c>stride</c> apart, for a contiguous (output) or
    /// any (input, made contiguous as THNN does) CPU float/double tensor outside autograd; null where libtorch's route runs.</summary>
    static (long N, long Dim, long Stride)? Frames(Tensor t)
    {
        if (t.ScalarType is not (TS.ScalarType.Float64 or TS.ScalarType.Float32) || t.IsCuda || t.RequiresGrad) return null;
        var s = t.Sizes;
        return s.Length switch
        {
            1 => (1, s[0], 1),
            2 => (s[0], s[1], 1),
            3 => (1, s[0], s[1] * s[2]),
            _ => (s[0], s[1], s[2] * s[3]),
        };
    }

    /// <summary>THNN's forward loop: per frame the max, the sum of exp(x - max) in double (accreal), logsum = max + log(sum), and
    /// y = x - logsum; libm's exp and log (Math's), so the bits are Torch7's.</summary>
    static unsafe void Forward<T>(IntPtr input, IntPtr output, (long N, long Dim, long Stride) f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* x0 = (T*)input, y0 = (T*)output;
        for (long t = 0; t < f.N * f.Stride; t++)
        {
            long start = t / f.Stride * f.Dim * f.Stride + t % f.Stride;
            T* x = x0 + start, y = y0 + start;
            T max = T.NegativeInfinity;
            for (long d = 0; d < f.Dim; d++) max = max > x[d * f.Stride] ? max : x[d * f.Stride];
            double sum = 0;
            for (long d = 0; d < f.Dim; d++) sum += Math.Exp(double.CreateTruncating(x[d * f.Stride] - max));
            double logsum = double.CreateTruncating(max) + Math.Log(sum);
            for (long d = 0; d < f.Dim; d++) y[d * f.Stride] = T.CreateTruncating(double.CreateTruncating(x[d * f.Stride]) - logsum);
        }
    }

    /// <summary>THNN's backward loop: per frame the sum of g in double, then gi = g - exp(y) sum.</summary>
    static unsafe void Backward<T>(IntPtr output, IntPtr gradOutput, IntPtr gradInput, (long N, long Dim, long Stride) f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* y0 = (T*)output, g0 = (T*)gradOutput, gi0 = (T*)gradInput;
        for (long t = 0; t < f.N * f.Stride; t++)
        {
            long start = t / f.Stride * f.Dim * f.Stride + t % f.Stride;
            T* y = y0 + start, g = g0 + start, gi = gi0 + start;
            double sum = 0;
            for (long d = 0; d < f.Dim; d++) sum += double.CreateTruncating(g[d * f.Stride]);
            for (long d = 0; d < f.Dim; d++)
                gi[d * f.Stride] = T.CreateTruncating(double.CreateTruncating(g[d * f.Stride]) - Math.Exp(double.CreateTruncating(y[d * f.Stride])) * sum);
        }
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.LogSoftMax"/> (Lua's <c>nn.LogSoftMax</c>). Example: <c>var m = nn.LogSoftMax();</c></summary>
    public static LogSoftMax LogSoftMax() => new();
}
