using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Parallel(inputDimension, outputDimension)</c>: module i gets slice i of the input along inputDimension; the outputs
/// are concatenated along outputDimension.</summary>
/// <remarks>Example: <c>Tensor y = nn.Parallel(1, 1).Add(nn.Linear(3, 2)).Add(nn.Linear(3, 4)).Forward(torch.Tensor(2, 3));  // size 6</c></remarks>
public class Parallel : Container
{
    /// <summary>The dimension sliced (Lua's <c>inputDimension</c>). Example: <c>p.InputDimension</c>.</summary>
    public int InputDimension;
    /// <summary>The dimension joined (Lua's <c>outputDimension</c>). Example: <c>p.OutputDimension</c>.</summary>
    public int OutputDimension;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("inputDimension", ref InputDimension);
        m.Field("outputDimension", ref OutputDimension);
    }

    /// <summary>A parallel container. Example: <c>new Parallel(1, 2)</c>.</summary>
    public Parallel(int inputDimension, int outputDimension) => (InputDimension, OutputDimension) = (inputDimension, outputDimension);

    Tensor Slice(LuaValue input, int i)
    {
        var x = InputTensor(input);
        if (x.Size(InputDimension) != Modules.Count)
            throw new ArgumentException($"{TypeName}: expected {Modules.Count} slices along dimension {InputDimension}, got an input of size {x.SizeString()}");
        return x.Select(InputDimension, i + 1);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var outs = new List<TS.Tensor>();
        for (int i = 0; i < Modules.Count; i++) outs.Add(Child(i, m => InputTensor(m.Run(Slice(input, i)), "child output")).Raw);
        return Emit(TS.cat(outs.ToArray(), OutputDimension - 1));
    }

    void ForEachSlice(LuaValue input, LuaValue gradOutput, Action<int, Tensor, Tensor> f)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        long offset = 1;
        for (int i = 0; i < Modules.Count; i++)
        {
            long size = ((Tensor)Modules[i].Output).Size(OutputDimension);
            f(i, Slice(input, i), g.Narrow(OutputDimension, offset, size));
            offset += size;
        }
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        var gi = Internal.Buffers.Fit(ref GradInput, x.ScalarType).ResizeAs(x);
        ForEachSlice(input, gradOutput, (i, xi, gi_) =>
        {
            Tensor g = ChildGradInput(i, xi, gi_);
            using var dst = gi.Select(InputDimension, i + 1);
            dst.Copy(g);
        });
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass) =>
        ForEachSlice(input, gradOutput, (i, xi, g) => Child(i, pass, xi, g));

    /// <summary>Torch7's branching text, every branch drawn "|`->" as Lua's Parallel prints it. Example: <c>Console.WriteLine(p);</c></summary>
    public override string ToString() => BranchString();
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Parallel"/> (Lua's <c>nn.Parallel</c>). Example: <c>var m = nn.Parallel(inputDimension, outputDimension);</c></summary>
    public static Parallel Parallel(int inputDimension, int outputDimension) => new(inputDimension, outputDimension);
}
