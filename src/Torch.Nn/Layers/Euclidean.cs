using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Euclidean(inputSize, outputSize)</c>: y_j = ||x - w_j|| for the columns w_j of an inputSize x outputSize weight.
/// Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor d = nn.Euclidean(5, 3).Forward(torch.Tensor(5).Uniform());</c></remarks>
public class Euclidean : Module
{
    /// <summary>A distance layer. Example: <c>new Euclidean(5, 3)</c>.</summary>
    public Euclidean(int inputSize, int outputSize)
    {
        Weight = torch.Tensor(inputSize, outputSize);
        GradWeight = torch.Tensor(inputSize, outputSize).Zero();
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Internal.Init.Uniform(Internal.Init.Stdv(stdv, Weight.Size(1)), Weight);
        return this;
    }

    /// <summary>x - w_j for every j: (B x) inputSize x outputSize.</summary>
    internal TS.Tensor Differences(Tensor x)
    {
        CheckDims(x, 1, 2);
        if (x.Size(x.Dim()) != Weight.Size(1))
            throw new ArgumentException($"{this}: expected inputs of {Weight.Size(1)} elements, got {x.SizeString()}");
        return x.Raw.unsqueeze(-1) - Weight.Raw;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        using var d = Differences(InputTensor(input));
        using var sq = d.square();
        using var s = sq.sum(new long[] { -2 });
        return Emit(s.sqrt());
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Euclidean"/> (Lua's <c>nn.Euclidean</c>). Example: <c>var m = nn.Euclidean(inputSize, outputSize);</c></summary>
    public static Euclidean Euclidean(int inputSize, int outputSize) => new(inputSize, outputSize);
}
