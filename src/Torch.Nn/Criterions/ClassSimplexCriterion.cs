using Torch.Native;
namespace Torch.Nn;

/// <summary>Lua's <c>nn.ClassSimplexCriterion(nClasses)</c>: an <see cref="MSECriterion"/> against the embedding of each 1-based class as a
/// vertex of a regular simplex centred at the origin (unit vectors in nClasses dimensions, the last coordinate 0).</summary>
/// <remarks>Example: <c>double err = nn.ClassSimplexCriterion(5).Forward(torch.Tensor(2, 5).Uniform(), torch.Tensor(new[] { 1.0, 4 }));</c></remarks>
public class ClassSimplexCriterion : MSECriterion
{
    /// <summary>The number of classes (Lua's <c>nClasses</c>). Example: <c>c.NClasses</c>.</summary>
    public int NClasses;
    /// <summary>The class embeddings, one per row (Lua's <c>simplex</c>). Example: <c>c.Simplex</c>.</summary>
    public Tensor Simplex;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nClasses", ref NClasses);
        m.Field("simplex", ref Simplex);
    }

    /// <summary>A simplex criterion. Example: <c>new ClassSimplexCriterion(10)</c>.</summary>
    public ClassSimplexCriterion(int nClasses)
    {
        if (nClasses < 2) throw new ArgumentOutOfRangeException(nameof(nClasses), $"nn.ClassSimplexCriterion: required positive integer argument nClasses > 1, got {nClasses}");
        NClasses = nClasses;
        Simplex = RegularSimplex(nClasses);
        LuaOnly(("_target", torch.Tensor(nClasses))); // Lua's buffer, which Torch7's code uses
    }

    /// <summary>The n+1 = nClasses vertices of Lua's regsplex(n), padded with a zero column to nClasses coordinates.</summary>
    static Tensor RegularSimplex(int nClasses)
    {
        int n = nClasses - 1;
        var a = new double[n + 1, nClasses];
        for (int k = 0; k < n; k++)
        {
            double sq = 0;
            for (int j = 0; j < k; j++) sq += a[k, j] * a[k, j];
            a[k, k] = k == 0 ? 1 : Math.Sqrt(1 - sq);
            double c = (a[k, k] * a[k, k] - 1 - 1.0 / n) / a[k, k];
            for (int r = k + 1; r <= n; r++) a[r, k] = c;
        }
        return torch.Tensor(a);
    }

    LuaValue Embed(LuaValue target, Tensor input)
    {
        double[] classes = target.Object switch
        {
            double d => new[] { d },
            Tensor t when t.Dim() == 1 => t.ToArray(),
            _ => throw new ArgumentException($"{TypeName}: expected a class number or a 1-D tensor of classes, got {target.Describe()}"),
        };
        var e = torch.Tensor(classes.Length, NClasses);
        for (int i = 0; i < classes.Length; i++)
        {
            if (classes[i] < 1 || classes[i] > NClasses || classes[i] != Math.Floor(classes[i]))
                throw new IndexOutOfRangeException($"{TypeName}: target {classes[i]} out of range: expected a class index in 1..{NClasses} ({NClasses} classes)");
            using var row = e.Select(1, i + 1);
            using var vertex = Simplex.Select(1, (long)classes[i]);
            row.Copy(vertex);
        }
        return target.Object is double ? e.View(NClasses) : e.TypeAs(input);
    }

    /// <inheritdoc/>
    public override double UpdateOutput(LuaValue input, LuaValue target) => base.UpdateOutput(input, Embed(target, InputTensor(input)));

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue target) => base.UpdateGradInput(input, Embed(target, InputTensor(input)));

    /// <summary>The scores of each class: input · simplexᵀ (Lua's <c>getPredictions</c>). Example: <c>Tensor s = c.GetPredictions(y);</c></summary>
    public Tensor GetPredictions(Tensor input)
    {
        var x = input.Dim() == 1 ? input.View(1, -1) : input;
        using var st = Simplex.TypeAs(x).Raw.t();
        return torch.Wrap(x.Raw.mm(st));
    }

    /// <summary>The 1-based class of the best score per sample (Lua's <c>getTopPrediction</c>). Example: <c>Tensor cls = c.GetTopPrediction(y);</c></summary>
    public Tensor GetTopPrediction(Tensor input)
    {
        using var p = GetPredictions(input);
        var (_, idx) = p.Raw.max(1);
        using (idx) return torch.Wrap(idx.Add(1L));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ClassSimplexCriterion"/> (Lua's <c>nn.ClassSimplexCriterion</c>). Example: <c>var m = nn.ClassSimplexCriterion(nClasses);</c></summary>
    public static ClassSimplexCriterion ClassSimplexCriterion(int nClasses) => new(nClasses);
}
