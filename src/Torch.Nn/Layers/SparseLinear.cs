using Torch.Native;
using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SparseLinear(inputSize, outputSize[, doGradInput=false])</c>: a linear layer on sparse input, an nnz x 2 tensor of
/// {1-based index, value} pairs (a table of them for a batch): y = b + Σ_k W[:, index_k] value_k. Weight U(±1/sqrt(inputSize)), bias the
/// same times 1e-6. With doGradInput the gradInput has the input's format ({index, gradient}). Explicit gradients.</summary>
/// <remarks>Example: <c>Tensor y = nn.SparseLinear(10000, 2).Forward(torch.Tensor(new double[,] { { 3, 0.5 }, { 9000, 1 } }));</c></remarks>
public class SparseLinear : Module
{
    /// <summary>Whether a gradInput is computed (Lua's <c>doGradInput</c>). Example: <c>s.DoGradInput</c>.</summary>
    public bool DoGradInput;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("doGradInput", ref DoGradInput);
    }

    /// <summary>A sparse linear layer. Example: <c>new SparseLinear(10000, 2, doGradInput: true)</c>.</summary>
    public SparseLinear(int inputSize, int outputSize, bool doGradInput = false)
    {
        DoGradInput = doGradInput;
        LuaTables(output: false, gradInput: true);
        Weight = torch.Tensor(outputSize, inputSize);
        GradWeight = torch.Tensor(outputSize, inputSize).Zero();
        Bias = torch.Tensor(outputSize);
        GradBias = torch.Tensor(outputSize).Zero();
        LuaOnly(("sparseUpdate", 0.0), ("weightDecay", 0.0)); // Lua's (NO_LAST_INPUT: Torch7's updateParameters updates every weight)
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, Weight.Size(2)), Weight, Bias);
        Bias.Raw.Mul_(1e-6);
        return this;
    }

    /// <summary>The samples of the input: one nnz x 2 tensor, or each tensor of a batch table.</summary>
    List<Tensor> Samples(LuaValue input)
    {
        var samples = input.Object is Table ? TableArgs.Tensors(input, this) : new List<Tensor> { InputTensor(input) };
        long n = Weight.Size(2);
        foreach (var s in samples)
        {
            if (s.Dim() != 2 || s.Size(2) != 2) throw new ArgumentException($"{this}: expected nnz x 2 {{index, value}} pairs, got {s.SizeString()}");
            foreach (var i in s.Select(2, 1).ToArray())
                if (i < 1 || i > n || i != Math.Floor(i)) throw new IndexOutOfRangeException($"{this}: index {i} out of range (expected 1..{n})");
        }
        return samples;
    }

    static (TS.Tensor Index, TS.Tensor Value) Split(Tensor s)
    {
        using var col = s.Raw.select(1, 0);
        return (col.to_type(TS.ScalarType.Int64, copy: true).Sub_(1L), s.Raw.select(1, 1));
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var rows = new List<TS.Tensor>();
        foreach (var s in Samples(input))
        {
            var (idx, val) = Split(s);
            using (idx) using (val)
            using (var cols = Weight.Raw.index_select(1, idx))
            using (var y = cols.mv(val.to_type(Weight.Raw.dtype)))
                rows.Add(y + Bias.Raw);
        }
        using var stacked = TS.stack(rows.ToArray());
        foreach (var r in rows) r.Dispose();
        return Emit(input.Object is Table ? stacked.alias() : stacked.squeeze(0));
    }

    TS.Tensor GradRow(LuaValue gradOutput, int i, bool batch)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        return batch ? g.Raw.select(0, i) : g.Raw.reshape(-1);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        if (!DoGradInput) return GradInput.IsTable ? GradInput : GradInput = new Table(); // Lua's gradInput stays {}
        var samples = Samples(input);
        bool batch = input.Object is Table;
        var grads = new List<Tensor>();
        for (int i = 0; i < samples.Count; i++)
        {
            var (idx, val) = Split(samples[i]);
            using (idx) using (val)
            using (var go = GradRow(gradOutput, i, batch))
            using (var cols = Weight.Raw.index_select(1, idx))
            using (var g = cols.t().mv(go))
            {
                var gi = samples[i].Clone();
                using (var second = gi.Raw.select(1, 1)) second.copy_(g);
                grads.Add(gi);
            }
        }
        GradInput = batch ? new Table(grads) : grads[0];
        return GradInput;
    }

    /// <inheritdoc/>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        var samples = Samples(input);
        bool batch = input.Object is Table;
        using var s = ScalarLease.Of(scale, Weight.ScalarType);
        for (int i = 0; i < samples.Count; i++)
        {
            var (idx, val) = Split(samples[i]);
            using (idx) using (val)
            using (var go = GradRow(gradOutput, i, batch))
            using (var outer = go.outer(val.to_type(Weight.Raw.dtype)))
            {
                GradWeight.Raw.index_add_(1, idx, outer, s.Value);
                GradBias.Raw.add_(go, s.Value);
            }
        }
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SparseLinear"/> (Lua's <c>nn.SparseLinear</c>). Example: <c>var m = nn.SparseLinear(inputSize, outputSize);</c></summary>
    public static SparseLinear SparseLinear(int inputSize, int outputSize, bool doGradInput = false) => new(inputSize, outputSize, doGradInput);
}
