using Torch.Native;
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
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 1, 2);
        var (norm, normp, indices) = Norms(x.Raw);
        using (norm) using (normp) using (indices) return Emit(x.Raw / norm);
    }

    /// <summary>Lua's <c>norm</c> (rows' p-norms plus eps, as Lua adds it: to the sum before the root, or to the max for p = ∞),
    /// <c>normp</c> (Σ |x|^p + eps; null for p = ∞) and, for p = ∞, the <c>_indices</c> of the maxima.</summary>
    (TS.Tensor Norm, TS.Tensor? NormP, TS.Tensor? Indices) Norms(TS.Tensor x)
    {
        using var a = x.abs();
        if (double.IsPositiveInfinity(P))
        {
            var (m, i) = a.max(-1, keepdim: true);
            return (m.Add_(Eps), null, i);
        }
        using var powered = P % 2 != 0 ? a.Pow(P) : x.Pow(P);
        var normp = powered.sum(new long[] { -1 }, keepdim: true).Add_(Eps);
        return (normp.Pow(1 / P), normp, null);
    }

    /// <summary>Lua's formula: (normp ⊙ gradOutput - b Σ x ⊙ gradOutput) / (normp norm), with b = x |x|^(p-2) (|x| + eps for
    /// odd p below 2); for p = ∞, (norm ⊙ gradOutput - b Σ x ⊙ gradOutput) / norm² with b the row's maximum over norm at its place.
    /// Example: <c>m.UpdateGradInput(x, g);</c></summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input).Raw;
        using var go = InputTensor(gradOutput, "gradOutput").Raw.view_as(x);
        var (norm, normp, indices) = Norms(x);
        using (norm) using (normp) using (indices)
        {
            using var gi = (normp ?? norm) * go;
            TS.Tensor b;
            if (indices is not null)
            {
                using var picked = x.gather(-1, indices);
                picked.div_(norm);
                b = TS.zeros_like(x).scatter_(-1, indices, picked);
            }
            else if (P % 2 != 0)
            {
                using var a = x.abs();
                if (P < 2) a.Add_(Eps);
                b = a.Pow(P - 2).mul_(x);
            }
            else if (P == 2) b = x.clone();
            else b = x.Pow(P - 2).mul_(x);
            using (b)
            {
                using var xg = x * go;
                using var cross = xg.sum(new long[] { -1 }, keepdim: true);
                b.mul_(cross);
                gi.sub_(b);
            }
            using var den = (normp ?? norm) * norm;
            return EmitGradInput(gi / den);
        }
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
