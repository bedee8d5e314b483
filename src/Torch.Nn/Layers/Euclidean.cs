using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Euclidean(inputSize, outputSize)</c>: y_j = ||x - w_j|| for the columns w_j of an inputSize x outputSize weight.
/// Gradients by Lua's formulas, which divide by y_j + 1e-7 (so a zero distance gives no NaN).</summary>
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

    /// <summary>The diagonal scales c_j multiplying x - w_j (WeightedEuclidean's diagCov), or null.</summary>
    private protected virtual Tensor? Scales => null;

    /// <summary>Lua's <c>_repeat</c>: (x - w_j) ⊙ c_j for every j, (B x) inputSize x outputSize.</summary>
    private protected TS.Tensor Differences(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 1, 2);
        if (x.Size(x.Dim()) != Weight.Size(1))
            throw new ArgumentException($"{this}: expected inputs of {Weight.Size(1)} elements, got {x.SizeString()}");
        var d = x.Raw.unsqueeze(-1) - Weight.Raw;
        if (Scales is { } c) d.mul_(c.Raw);
        return d;
    }

    /// <summary>Lua's <c>_div</c>: gradOutput / (y + 1e-7), shaped to broadcast over the input dimension.</summary>
    private protected TS.Tensor Quotients(LuaValue gradOutput)
    {
        using var y = Output.AsTensor.Raw.Add(1e-7);
        using var q = gradOutput.AsTensor.Raw / y;
        return q.unsqueeze(-2);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        using var d = Differences(input);
        using var sq = d.square();
        using var s = sq.sum(new long[] { -2 });
        return Emit(s.sqrt());
    }

    /// <summary>Lua's <c>_repeat2</c>: the differences times gradOutput / (y + 1e-7) (times c_j again when weighted).</summary>
    TS.Tensor Terms(LuaValue input, LuaValue gradOutput)
    {
        using var d = Differences(input);
        using var q = Quotients(gradOutput);
        var t = d * q;
        if (Scales is { } c) t.mul_(c.Raw);
        return t;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        using var t = Terms(input, gradOutput);
        return EmitGradInput(t.sum(new long[] { -1 }));
    }

    /// <inheritdoc/>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        using var t = Terms(input, gradOutput);
        using var g = t.dim() == 3 ? t.sum(new long[] { 0 }) : t.alias();
        Tensor.AddScaled(GradWeight.Raw, -scale, g, inPlace: true);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Euclidean"/> (Lua's <c>nn.Euclidean</c>). Example: <c>var m = nn.Euclidean(inputSize, outputSize);</c></summary>
    public static Euclidean Euclidean(int inputSize, int outputSize) => new(inputSize, outputSize);
}
