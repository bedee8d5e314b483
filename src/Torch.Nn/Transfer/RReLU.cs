using Torch.Native;
using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.RReLU([l=1/8, u=1/3, inplace=false])</c>: y = x where x &gt; 0, a x elsewhere (x = 0 included, as THNN), with
/// a ~ U(l, u) drawn per element in training and a = (l + u) / 2 in evaluation. Explicit gradient through the same slopes
/// (<see cref="Noise"/>). Lua's fourth argument, channel-wise noise, is not supported.</summary>
/// <remarks>Example: <c>Tensor y = nn.RReLU().Forward(x);</c></remarks>
public class RReLU : Module
{
    /// <summary>The lower bound of the slope (Lua's <c>lower</c>). Example: <c>r.Lower</c>.</summary>
    public double Lower;
    /// <summary>The upper bound of the slope (Lua's <c>upper</c>). Example: <c>r.Upper</c>.</summary>
    public double Upper;
    /// <summary>The per-element slopes of the last forward (1 for non-negative inputs) (Lua's <c>noise</c>). Example: <c>r.Noise</c>.</summary>
    public Tensor Noise = torch.Tensor();

    /// <summary>Lua's <c>inplace</c> flag: the output is written into the input. Example: <c>r.Inplace</c>.</summary>
    public bool Inplace;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("lower", ref Lower);
        m.Field("upper", ref Upper);
        m.Buffer("noise", ref Noise);
        m.Field("inplace", ref Inplace);
    }

    /// <summary>A randomised rectifier. Example: <c>new RReLU(0.1, 0.3)</c>.</summary>
    public RReLU(double l = 1.0 / 8, double u = 1.0 / 3, bool ip = false)
    {
        if (l < 0 || u < l) throw new ArgumentException($"nn.RReLU: expected 0 <= lower <= upper, got {l} and {u}");
        (Lower, Upper, Inplace) = (l, u, ip);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        if (Noise.Type() != x.Type()) Noise = x.New();
        Noise.ResizeAs(x);
        if (Train) DrawSlopes(x);
        else Noise.Fill((Lower + Upper) / 2);
        using (var positive = x.Raw.Gt(0.0)) Noise.Raw.MaskedFill_(positive, 1.0);
        if (Inplace) return EmitInPlace(x, x.Raw * Noise.Raw);
        var o = Buffers.Fit(ref Output, x.ScalarType).ResizeAs(x).Copy(x);
        o.Raw.mul_(Noise.Raw);
        return Output;
    }

    /// <summary>THNN's noise: one U(lower, upper) draw per non-positive element, in element order (positive elements take
    /// no draw), with the bounds rounded to the tensor's real.</summary>
    void DrawSlopes(Tensor x)
    {
        bool isFloat = x.Type() == "torch.FloatTensor";
        double lo = isFloat ? (float)Lower : Lower, hi = isFloat ? (float)Upper : Upper;
        var slopes = x.ToArray();
        for (int i = 0; i < slopes.Length; i++) slopes[i] = slopes[i] <= 0 ? torch.Uniform(lo, hi) : 1;
        using var drawn = torch.DoubleTensor(slopes);
        Noise.Copy(drawn.View(x.Size()));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        var gi = Buffers.Fit(ref GradInput, g.ScalarType).ResizeAs(g).Copy(g);
        gi.Raw.mul_(Noise.Raw);
        return GradInput;
    }

    /// <summary>Torch7's text, e.g. "nn.RReLU (l:0.125000, u:0.333333)". Example: <c>r.ToString()</c>.</summary>
    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} (l:{1:F6}, u:{2:F6})", TypeName, Lower, Upper);
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.RReLU"/> (Lua's <c>nn.RReLU</c>). Example: <c>var m = nn.RReLU();</c></summary>
    public static RReLU RReLU(double l = 1.0 / 8, double u = 1.0 / 3, bool ip = false) => new(l, u, ip);
}
