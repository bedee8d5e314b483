using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.PartialLinear(inputSize, outputSize[, bias=true])</c>: a linear layer (B x inputSize batches) that computes only the
/// output columns of its <see cref="Partition"/> (all by default); weight outputSize x inputSize ~ N(0, 1) as Lua's LookupTable, bias
/// 1 x outputSize zero. Gradients by autograd (only the selected rows receive them).</summary>
/// <remarks>Example: <c>var pl = nn.PartialLinear(5, 10); pl.SetPartition(torch.Tensor(new[] { 2.0, 7 })); Tensor y = pl.Forward(x);  // Bx2</c></remarks>
public class PartialLinear : Module
{
    /// <summary>The 1-based output columns computed (Lua's <c>partition</c>). Example: <c>pl.Partition</c>.</summary>
    public Tensor Partition;
    /// <summary>Input features (Lua's <c>inputsize</c>). Example: <c>pl.Inputsize</c>.</summary>
    public int Inputsize;
    /// <summary>Output features (Lua's <c>outputsize</c>). Example: <c>pl.Outputsize</c>.</summary>
    public int Outputsize;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("partition", ref Partition);
        m.Field("inputsize", ref Inputsize);
        m.Field("outputsize", ref Outputsize);
    }

    /// <summary>A partial linear layer. Example: <c>new PartialLinear(5, 10)</c>.</summary>
    public PartialLinear(int inputSize, int outputSize, bool bias = true)
    {
        (Inputsize, Outputsize) = (inputSize, outputSize);
        Weight = torch.Tensor(outputSize, inputSize).Normal();
        GradWeight = torch.Tensor(outputSize, inputSize).Zero();
        if (bias)
        {
            Bias = torch.Tensor(1, outputSize).Zero();
            GradBias = torch.Tensor(1, outputSize).Zero();
        }
        Partition = AllColumns();
    }

    Tensor AllColumns() => torch.Tensor(Enumerable.Range(1, Outputsize).Select(i => (double)i).ToArray());

    /// <summary>Computes only these 1-based output columns (Lua's <c>setPartition</c>). Example: <c>pl.SetPartition(idx);</c></summary>
    public PartialLinear SetPartition(Tensor indices)
    {
        foreach (var v in indices.ToArray())
            if (v < 1 || v > Outputsize) throw new IndexOutOfRangeException($"{this}: column {v} out of range (expected 1..{Outputsize})");
        Partition = indices;
        return this;
    }

    /// <summary>Computes every column again (Lua's <c>resetPartition</c>). Example: <c>pl.ResetPartition();</c></summary>
    public PartialLinear ResetPartition()
    {
        Partition = AllColumns();
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        if (x.Dim() != 2 || x.Size(2) != Inputsize) throw new ArgumentException($"{this}: expected a Bx{Inputsize} input, got {x.SizeString()}");
        using var idx = Partition.Raw.to_type(TS.ScalarType.Int64, copy: true).sub_(1L);
        using var w = Weight.Raw.index_select(0, idx);
        using var y = x.Raw.mm(w.t());
        if (Bias is null) return Emit(y.alias());
        using var b = Bias.Raw.index_select(1, idx);
        return Emit(y + b);
    }

    /// <summary>Torch7's text, e.g. "nn.PartialLinear(5 -> 10)". Example: <c>pl.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({Inputsize} -> {Outputsize}){(Bias is null ? " without bias" : "")}";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.PartialLinear"/> (Lua's <c>nn.PartialLinear</c>). Example: <c>var m = nn.PartialLinear(inputSize, outputSize);</c></summary>
    public static PartialLinear PartialLinear(int inputSize, int outputSize, bool bias = true) => new(inputSize, outputSize, bias);
}
