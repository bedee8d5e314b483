using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.MultiLabelMarginCriterion()</c>: the target holds 1-based class indices, ended by the first 0; for each sample
/// Σ_{j target} Σ_{i not target} max(0, 1 - (x_j - x_i)) / nClasses, averaged over the batch. A class listed twice counts twice, as in THNN. Gradient by autograd, 0 for terms at exactly 0 (THNN's z &gt; 0).</summary>
/// <remarks>Example: <c>nn.MultiLabelMarginCriterion().Forward(torch.Tensor(new[] { 0.1, 0.2, 0.4, 0.8 }), torch.Tensor(new[] { 4.0, 1, 0, 0 }))</c></remarks>
public class MultiLabelMarginCriterion : Criterion
{
    /// <summary>A multi-label hinge criterion. Example: <c>new MultiLabelMarginCriterion()</c>.</summary>
    public MultiLabelMarginCriterion(bool sizeAverage = true)
    {
        SizeAverage = sizeAverage;
        LuaOnly(("isTarget", torch.Tensor())); // Lua's: THNN writes into it
    }

    /// <inheritdoc/>
    protected override TS.Tensor Loss(LuaValue input, LuaValue target)
    {
        var x = InputTensor(input);
        var t = InputTensor(target, "target");
        if ((x.Dim() != 1 && x.Dim() != 2) || !t.IsSameSizeAs(x))
            throw new ArgumentException($"{TypeName}: expected input and target of the same size n or B x n, got {x.SizeString()} and {t.SizeString()}");
        long n = x.Size(x.Dim()), batch = x.Dim() == 1 ? 1 : x.Size(1);
        var tv = t.ToArray();
        var isTarget = new double[batch * n];
        var pairs = new double[batch * n * n];
        for (long b = 0; b < batch; b++)
        {
            var targets = new List<long>();
            for (long k = 0; k < n; k++)
            {
                double v = tv[b * n + k];
                if (v == 0) break;
                if (v < 1 || v > n) throw new IndexOutOfRangeException($"{TypeName}: target {v} out of range (expected 1..{n}, 0 ends the list)");
                targets.Add((long)v - 1);
            }
            foreach (var j in targets) isTarget[b * n + j] = 1;
            foreach (var j in targets)
                for (long i = 0; i < n; i++)
                    if (isTarget[b * n + i] == 0) pairs[(b * n + j) * n + i] += 1;
        }
        using var rows = x.Raw.reshape(batch, n);
        using var mask = TS.tensor(pairs, new[] { batch, n, n }, x.Raw.dtype);
        using var diff = rows.unsqueeze(2) - rows.unsqueeze(1);
        using var oneMinus = diff.neg().Add_(1.0);
        using var hinge = oneMinus.relu();
        using var terms = hinge * mask;
        using var sum = terms.sum();
        var total = sum.Div((double)n);
        if (!SizeAverage) return total;
        using (total) return total.Div((double)batch);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MultiLabelMarginCriterion"/> (Lua's <c>nn.MultiLabelMarginCriterion</c>). Example: <c>var m = nn.MultiLabelMarginCriterion();</c></summary>
    public static MultiLabelMarginCriterion MultiLabelMarginCriterion(bool sizeAverage = true) => new(sizeAverage);
}
