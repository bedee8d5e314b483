using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Normalize(p[, eps=1e-10])</c>: each vector (1-D input, or each row of a 2-D one) divided by its p-norm
/// (Σ abs(x)^p + eps)^(1/p); for p = ∞ by max abs(x) + eps.</summary>
/// <remarks>Example: <c>Tensor y = nn.Normalize(2).Forward(torch.Tensor(3, 5).Uniform());</c></remarks>
public class Normalize : Module
{
    /// <summary>The norm's p (Lua's <c>p</c>). Example: <c>n.P</c>.</summary>
    public double P;
    /// <summary>Added inside the norm (Lua's <c>eps</c>). Example: <c>n.Eps</c>.</summary>
    public double Eps;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("p", ref P);
        m.Field("eps", ref Eps);
    }

    /// <summary>A normalising layer. Example: <c>new Normalize(1)</c>.</summary>
    public Normalize(double p, double eps = 1e-10)
    {
        if (p <= 0) throw new ArgumentOutOfRangeException(nameof(p), $"nn.Normalize: p must be positive, got {p}");
        (P, Eps) = (p, eps);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 1, 2);
        using var a = x.Raw.abs();
        TS.Tensor norm;
        if (double.IsPositiveInfinity(P))
        {
            var (m, i) = a.max(-1, keepdim: true);
            i.Dispose();
            norm = m.add_(Eps);
        }
        else
        {
            using var s = a.pow(P).sum(new long[] { -1 }, keepdim: true).add_(Eps);
            norm = s.pow(1 / P);
        }
        using (norm) return Emit(x.Raw / norm);
    }

    /// <summary>Torch7's text: "nn.Normalize(2)" for an integer p, else C's %f ("nn.Normalize(1.500000)", "nn.Normalize(inf)"). Example: <c>n.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}({(P % 1 == 0 ? ((long)P).ToString(System.Globalization.CultureInfo.InvariantCulture) : TensorPrinter.FormatFixed(P, 6))})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Normalize"/> (Lua's <c>nn.Normalize</c>). Example: <c>var m = nn.Normalize(p);</c></summary>
    public static Normalize Normalize(double p, double eps = 1e-10) => new(p, eps);
}
