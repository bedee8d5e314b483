using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.PartialLinear(inputSize, outputSize[, bias=true])</c>: a linear layer (B x inputSize batches) that computes only the
/// output columns of its <see cref="Partition"/> (all by default); bias 1 x outputSize zero. As in Lua, the weight (outputSize x
/// inputSize, N(0, 1)) belongs to a LookupTable inside <see cref="Network"/>, Lua's small network
/// Sequential{ParallelTable{Identity, LookupTable}, MM(false, true)}, so files have Torch7's layout; <see cref="Module.Weight"/>
/// and <see cref="Module.GradWeight"/> are that LookupTable's tensors (written also as fields of their own, which Torch7 ignores).
/// The forward is computed directly with the weight, not through the network; gradients by autograd (only the selected rows
/// receive them).</summary>
/// <remarks>Example: <c>var pl = nn.PartialLinear(5, 10); pl.SetPartition(torch.Tensor(new[] { 2.0, 7 })); Tensor y = pl.Forward(x);  // Bx2</c></remarks>
public class PartialLinear : Module
{
    /// <summary>The 1-based output columns computed (Lua's <c>partition</c>). Example: <c>pl.Partition</c>.</summary>
    public Tensor Partition;
    /// <summary>Input features (Lua's <c>inputsize</c>). Example: <c>pl.Inputsize</c>.</summary>
    public int Inputsize;
    /// <summary>Output features (Lua's <c>outputsize</c>). Example: <c>pl.Outputsize</c>.</summary>
    public int Outputsize;
    /// <summary>Lua's network holding the weight: Sequential{ParallelTable{Identity, LookupTable(outputsize, inputsize)}, MM(false, true)}
    /// (Lua's <c>network</c>). Example: <c>pl.Network</c>.</summary>
    public Sequential Network;
    /// <summary>1 .. outputsize, the partition <see cref="ResetPartition"/> restores (Lua's <c>allcolumns</c>). Example: <c>pl.Allcolumns</c>.</summary>
    public Tensor Allcolumns;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("network", ref Network);
        m.Field("allcolumns", ref Allcolumns);
        m.Field("partition", ref Partition);
        m.Field("inputsize", ref Inputsize);
        m.Field("outputsize", ref Outputsize);
        // a Torch7 file has no weight field of its own: the weight is the network's LookupTable's
        if (Weight is null && Network is { Modules.Count: > 0 } net && net.Get(1) is ParallelTable { Modules.Count: 2 } pt && pt.Get(2) is LookupTable lookup)
            (Weight, GradWeight) = (lookup.Weight, lookup.GradWeight);
    }

    /// <summary>A partial linear layer. Example: <c>new PartialLinear(5, 10)</c>.</summary>
    public PartialLinear(int inputSize, int outputSize, bool bias = true)
    {
        (Inputsize, Outputsize) = (inputSize, outputSize);
        var lookup = new LookupTable(outputSize, inputSize); // draws its N(0, 1) weight, as Lua's constructor does
        Network = new Sequential();
        Network.Add(new ParallelTable().Add(new Identity()).Add(lookup)).Add(new MM(false, true));
        (Weight, GradWeight) = (lookup.Weight, lookup.GradWeight);
        if (bias)
        {
            Bias = torch.Tensor(1, outputSize).Zero();
            GradBias = torch.Tensor(1, outputSize).Zero();
        }
        Allcolumns = torch.Range(1, outputSize);
        Partition = Allcolumns;
    }

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
        Partition = Allcolumns;
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        if (x.Dim() != 2 || x.Size(2) != Inputsize) throw new ArgumentException($"{this}: expected a Bx{Inputsize} input, got {x.SizeString()}");
        using var idx = Partition.Raw.to_type(TS.ScalarType.Int64, copy: true).Sub_(1L);
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
