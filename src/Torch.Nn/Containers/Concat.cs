using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Concat(dim)</c>: applies every child to the same input and concatenates their outputs along dimension
/// <see cref="Dimension"/>; the gradInput is the sum of the children's gradInputs for their slices of gradOutput.</summary>
/// <remarks>Example: <c>Tensor y = nn.Concat(1).Add(nn.Linear(5, 3)).Add(nn.Linear(5, 2)).Forward(x5);  // size 5</c></remarks>
public class Concat : Container
{
    /// <summary>The 1-based dimension to concatenate along (Lua's <c>dimension</c>). Example: <c>c.Dimension</c>.</summary>
    public int Dimension;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dimension", ref Dimension);
    }

    /// <summary>A concatenating container. Example: <c>new Concat(2)</c>.</summary>
    public Concat(int dimension)
    {
        Dimension = dimension;
        LuaOnly(("outputSize", torch.LongStorage(0))); // Lua's
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var outs = new List<Tensor>();
        for (int i = 0; i < Modules.Count; i++) outs.Add(Child(i, m => InputTensor(m.Run(input), "child output")));
        if (outs.Count == 0) throw new InvalidOperationException($"{TypeName}: no modules to concatenate");
        int d = outs[0].Dim() >= Dimension && Dimension >= 1 ? Dimension - 1
            : throw new ArgumentException($"{TypeName}: dimension {Dimension} out of range for outputs of size {outs[0].SizeString()}");
        for (int i = 1; i < outs.Count; i++)
            for (int k = 0; k < outs[0].Dim(); k++)
                if (k != d && (outs[i].Dim() != outs[0].Dim() || outs[i].Size(k + 1) != outs[0].Size(k + 1)))
                    throw new ArgumentException($"In {i + 1} module of {TypeName}: output of size {outs[i].SizeString()} cannot be concatenated with {outs[0].SizeString()} along dimension {Dimension}");
        return Emit(TS.cat(outs.Select(o => o.Raw).ToArray(), d));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        LuaValue sum = LuaValue.Nil;
        ForEachSlice(g, (i, slice) =>
        {
            var gi = ChildGradInput(i, input, slice);
            sum = i == 0 ? Internal.Sums.CopyOf(GradInput, gi) : Internal.Sums.AddInto(sum, gi);
        });
        GradInput = sum;
        return GradInput;
    }

    void ForEachSlice(Tensor gradOutput, Action<int, Tensor> f)
    {
        long offset = 1;
        for (int i = 0; i < Modules.Count; i++)
        {
            long size = ((Tensor)Modules[i].Output).Size(Dimension);
            var slice = gradOutput.Narrow(Dimension, offset, size); // children may keep it (Identity)
            f(i, slice);
            offset += size;
        }
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass) =>
        ForEachSlice(InputTensor(gradOutput, "gradOutput"), (i, slice) => Child(i, pass, input, slice));

    /// <summary>Torch7's branching text. Example: <c>Console.WriteLine(concat);</c></summary>
    public override string ToString() => BranchString();
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Concat"/> (Lua's <c>nn.Concat</c>). Example: <c>var m = nn.Concat(dimension);</c></summary>
    public static Concat Concat(int dimension) => new(dimension);
}
