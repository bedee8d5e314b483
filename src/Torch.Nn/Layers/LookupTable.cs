using Torch.Native;
using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.LookupTable(nIndex, nOutput[, paddingValue=0, maxNorm, normType=2])</c>: row i of the weight for each 1-based
/// index i of a 1-D (n) or 2-D (B x n) input, giving n x nOutput or B x n x nOutput. Indices equal to <see cref="PaddingValue"/> get
/// no gradient; with <see cref="MaxNorm"/> the looked-up rows are renormalised first; with <see cref="ScaleGradByFreq"/> gradients are divided by index counts. Weight starts N(0, 1).</summary>
/// <remarks>Example: <c>Tensor e = nn.LookupTable(100, 8).Forward(torch.LongTensor(new[] { 3.0, 7 }));  // 2x8</c></remarks>
public class LookupTable : Module
{
    /// <summary>Index whose rows get no gradient (Lua's <c>paddingValue</c>; 0 = none). Example: <c>lt.PaddingValue</c>.</summary>
    public long PaddingValue;
    /// <summary>Maximum norm of a looked-up row, or null (Lua's <c>maxNorm</c>). Example: <c>lt.MaxNorm</c>.</summary>
    public double? MaxNorm;
    /// <summary>The p of that norm (Lua's <c>normType</c>). Example: <c>lt.NormType</c>.</summary>
    public double NormType;
    /// <summary>Whether each index's gradient is divided by its count in the mini-batch (Lua's <c>shouldScaleGradByFreq</c>). Example: <c>lt.ShouldScaleGradByFreq</c>.</summary>
    public bool ShouldScaleGradByFreq;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("paddingValue", ref PaddingValue);
        m.Field("maxNorm", ref MaxNorm);
        m.Field("normType", ref NormType);
        m.Field("shouldScaleGradByFreq", ref ShouldScaleGradByFreq);
    }

    /// <summary>An embedding table. Example: <c>new LookupTable(1000, 64)</c>.</summary>
    public LookupTable(int nIndex, int nOutput, long paddingValue = 0, double? maxNorm = null, double normType = 2)
    {
        if (nIndex < 1 || nOutput < 1) throw new ArgumentOutOfRangeException(nameof(nIndex), $"nn.LookupTable: sizes must be positive, got {nIndex}x{nOutput}");
        Weight = torch.Tensor(nIndex, nOutput);
        GradWeight = torch.Tensor(nIndex, nOutput).Zero();
        (PaddingValue, MaxNorm, NormType) = (paddingValue, maxNorm, normType);
        Reset();
    }

    /// <summary>Sets <see cref="PaddingValue"/> (Lua's <c>setPadding</c>). Example: <c>lt.SetPadding(1)</c>.</summary>
    public LookupTable SetPadding(long paddingValue) { PaddingValue = paddingValue; return this; }

    /// <summary>Sets <see cref="MaxNorm"/> (Lua's <c>setMaxNorm</c>). Example: <c>lt.SetMaxNorm(1)</c>.</summary>
    public LookupTable SetMaxNorm(double? maxNorm) { MaxNorm = maxNorm; return this; }

    /// <summary>Sets <see cref="NormType"/> (Lua's <c>setNormType</c>). Example: <c>lt.SetNormType(1)</c>.</summary>
    public LookupTable SetNormType(double normType) { NormType = normType; return this; }

    /// <summary>Divides each index's gradient by its count in the mini-batch from now on (Lua's <c>scaleGradByFreq</c>). Example: <c>lt.ScaleGradByFreq()</c>.</summary>
    public LookupTable ScaleGradByFreq() { ShouldScaleGradByFreq = true; return this; }

    /// <summary>Weight ~ N(0, stdv), stdv = 1 by default (Lua's reset). Example: <c>lt.Reset(0.1);</c></summary>
    public override Module Reset(double? stdv = null)
    {
        Weight.Normal(0, stdv ?? 1);
        return this;
    }

    TS.Tensor Indices(Tensor x)
    {
        if (x.Dim() != 1 && x.Dim() != 2) throw new ArgumentException($"{this}: input must be a vector or matrix of indices, got size {x.SizeString()}");
        long n = Weight.Size(1);
        foreach (var v in x.ToArray())
            if (v < 1 || v > n || v != Math.Floor(v))
                throw new IndexOutOfRangeException($"{this}: index {v} out of range (expected 1..{n})");
        using var flat = x.Raw.reshape(-1);
        var idx = flat.to_type(TS.ScalarType.Int64, copy: true);
        idx.Sub_(1L);
        return idx;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        using var idx = Indices(x);
        if (MaxNorm is double max)
            using (TS.no_grad())
            using (var unique = idx.unique().Item1)
            using (var rows = Weight.Raw.index_select(0, unique))
            using (var norms = rows.norm(1, true, (float)NormType))
            using (var within = norms.Le(max))
            using (var scale = norms.Add(1e-7).reciprocal_().Mul_(max)) // THNN: row *= maxNorm / (norm + 1e-7) where norm > maxNorm
            {
                rows.mul_(scale.MaskedFill_(within, 1.0));
                Weight.Raw.index_copy_(0, unique, rows);
            }
        var rowsOut = Weight.Raw.index_select(0, idx);
        if (x.Dim() == 2)
        {
            var v = rowsOut.view(x.Size(1), x.Size(2), Weight.Size(2));
            rowsOut.Dispose();
            rowsOut = v;
        }
        return Emit(rowsOut);
    }

    /// <summary>Indices have no gradient: the gradInput is zeros of the input's size and type (as Lua's). Example: <c>lt.UpdateGradInput(idx, g);</c></summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        if (GradInput.Object is not Tensor g || g.Type() != x.Type()) GradInput = g = x.New();
        if (!g.IsSameSizeAs(x)) g.ResizeAs(x).Zero();
        return GradInput;
    }

    /// <inheritdoc/>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        var x = InputTensor(input);
        var g = InputTensor(gradOutput, "gradOutput");
        using var idx = Indices(x);
        using var rows = g.Raw.reshape(-1, Weight.Size(2)).clone();
        if (PaddingValue > 0)
            using (var pad = idx.Eq(PaddingValue - 1).unsqueeze(1))
                rows.MaskedFill_(pad, 0.0);
        if (ShouldScaleGradByFreq) // THNN: scale / (occurrences of the index in the input)
            using (var counts = idx.bincount(null, Weight.Size(1)))
            using (var freq = counts.index_select(0, idx).unsqueeze(1))
                rows.div_(freq);
        using var s = Torch.Native.ScalarLease.Of(scale, Weight.ScalarType);
        GradWeight.Raw.index_add_(0, idx, rows, s.Value);
    }

    /// <summary>Torch7's text, e.g. "nn.LookupTable". Example: <c>lt.ToString()</c>.</summary>
    public override string ToString() => TypeName;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.LookupTable"/> (Lua's <c>nn.LookupTable</c>). Example: <c>var m = nn.LookupTable(nIndex, nOutput);</c></summary>
    public static LookupTable LookupTable(int nIndex, int nOutput, long paddingValue = 0, double? maxNorm = null, double normType = 2) => new(nIndex, nOutput, paddingValue, maxNorm, normType);
}
