using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.WeightNorm(module[, outputDim=1])</c>: reparameterises the wrapped module's weight as w = g v / ||v|| per output
/// unit (||v|| = sqrt(||v||² + 1e-4) computed as Lua's, the weight viewed as nOut x rest with the output dimension first), learning
/// <see cref="V"/> and <see cref="G"/> (an nOut x 1 column, as Lua's <c>g:norm(v, 2, 2)</c> leaves it) and the module's bias. As in
/// Lua, the weight is recomputed in each training forward (and when switching to evaluation), and accGradParameters writes (does not
/// accumulate) gradV and gradG from the module's weight gradient, then copies gradV back into that weight gradient.</summary>
/// <remarks>Example: <c>var wn = nn.WeightNorm(nn.Linear(10, 5)); Tensor y = wn.Forward(x);</c></remarks>
public class WeightNorm : Decorator
{
    /// <summary>Lua's code tests <c>self.train ~= false</c>, so a file without train is in training. Example: <c>m.NilTrain</c>.</summary>
    protected internal override bool NilTrain => true;

    /// <summary>The directions, nOut x rest (Lua's <c>v</c>). Example: <c>wn.V</c>.</summary>
    public Tensor V;
    /// <summary>The lengths, nOut x 1 (Lua's <c>g</c>). Example: <c>wn.G</c>.</summary>
    public Tensor G;
    /// <summary>Gradient of the directions (Lua's <c>gradV</c>). Example: <c>wn.GradV</c>.</summary>
    public Tensor GradV;
    /// <summary>Gradient of the lengths (Lua's <c>gradG</c>). Example: <c>wn.GradG</c>.</summary>
    public Tensor GradG;
    /// <summary>The weight's output dimension (Lua's <c>outputDim</c>). Example: <c>wn.OutputDim</c>.</summary>
    public int OutputDim;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Parameter("v", ref V, "gradV", ref GradV);
        m.Parameter("g", ref G, "gradG", ref GradG);
        m.Field("outputDim", ref OutputDim);
    }

    /// <summary>Wraps a module that has a weight. Example: <c>new WeightNorm(nn.SpatialConvolution(3, 8, 3, 3))</c>.</summary>
    public WeightNorm(Module module, int outputDim = 1) : base(module)
    {
        if (module.Weight is null) throw new ArgumentException($"nn.WeightNorm: {module} has no weight");
        if (outputDim < 1 || outputDim > module.Weight.Dim()) throw new ArgumentOutOfRangeException(nameof(outputDim), $"nn.WeightNorm: outputDim {outputDim} out of range for a weight of size {module.Weight.SizeString()}");
        OutputDim = outputDim;
        (Weight, GradWeight, Bias, GradBias) = (module.Weight, module.GradWeight, module.Bias, module.GradBias);
        long nOut = Weight.Size(outputDim), rest = Weight.NElement() / nOut;
        V = torch.Tensor(nOut, rest).Normal(0, Math.Sqrt(2.0 / rest));
        G = torch.Tensor(nOut, 1);
        GradV = torch.Tensor(nOut, rest).Zero();
        GradG = torch.Tensor(nOut, 1).Zero();
        using (var n = V.Raw.norm(1, true, 2f)) G.Raw.copy_(n);
        Bias?.Zero();
        // Lua's sizes and buffers, which Torch7's code reads: the weight's view as nOut x rest, and back (outputDim moved first)
        var viewOut = Weight.Size();
        for (int i = outputDim - 1; i >= 1; i--) (viewOut[i - 1], viewOut[i]) = (viewOut[i], viewOut[i - 1]);
        LuaOnly(("otherDims", (double)rest), ("viewIn", torch.LongStorage(new[] { nOut, rest })), ("viewOut", torch.LongStorage(viewOut)),
            ("weightSize", torch.LongStorage(Weight.Size())), ("_norm", torch.Tensor(nOut)), ("_scale", torch.Tensor(nOut)));
    }

    /// <summary>Lua's read: its write leaves out the weight and its gradient (they follow from v and g), which come back here as
    /// Lua's read makes them; Lua's g is a vector, viewed here as nOut x 1. Example: <c>wn.AfterRead(1)</c>.</summary>
    protected internal override void AfterRead(int version)
    {
        long nOut = V.Size(1);
        if (G.Dim() == 1) (G, GradG) = (G.View(nOut, 1), GradG.View(nOut, 1));
        if (Weight is not null) return;
        var size = LuaRest?["weightSize"].Object is Storage s ? s.ToArray().Select(d => (long)d).ToArray()
            : throw new InvalidDataException($"{TypeName}: the file holds neither the weight nor its size (weightSize)");
        (Weight, GradWeight) = (V.New(size), V.New(size));
        (Module.Weight, Module.GradWeight) = (Weight, GradWeight);
        UpdateWeight();
        using var back = Out(GradV.Raw);
        GradWeight.Raw.copy_(back);
    }

    /// <summary>A view of <paramref name="t"/> (weight-shaped) with the output dimension first, as nOut x rest.</summary>
    TS.Tensor In(Tensor t)
    {
        using var moved = t.Raw.movedim(new long[] { OutputDim - 1 }, new long[] { 0 });
        return moved.reshape(V.Size(1), V.Size(2));
    }

    /// <summary>Lua's <c>_norm</c>, nOut x 1: the 2-norm of each row of v, squared, plus 1e-4, square-rooted (in that order).</summary>
    TS.Tensor Norm()
    {
        using var n = V.Raw.norm(1, true, 2f);
        using var sq = n.square();
        return sq.Add(1e-4).sqrt();
    }

    /// <summary>Lua's <c>updateWeight</c>: the module's weight = g v / ||v||, laid back in the weight's shape.</summary>
    void UpdateWeight()
    {
        using (var norm = Norm())
        using (var scale = G.Raw / norm)
        using (var w = V.Raw * scale)
        using (var back = Out(w))
            Weight.Raw.copy_(back);
    }

    /// <summary>An nOut x rest tensor laid back in the weight's shape (Lua's view to viewOut, then permuteOut).</summary>
    TS.Tensor Out(TS.Tensor t)
    {
        var moved = Weight.Raw.shape.ToList();
        long outSize = moved[OutputDim - 1];
        moved.RemoveAt(OutputDim - 1);
        moved.Insert(0, outSize);
        using var wv = t.reshape(moved.ToArray());
        return wv.movedim(new long[] { 0 }, new long[] { OutputDim - 1 });
    }

    /// <summary>Evaluation mode; the weight is computed once here, as Lua's <c>evaluate</c> does, and kept by evaluation forwards.
    /// Example: <c>wn.Evaluate();</c></summary>
    public override Module Evaluate()
    {
        if (Train) UpdateWeight();
        return base.Evaluate();
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        if (Train) UpdateWeight();
        Output = RunChild(0, input);
        return Output;
    }

    /// <summary>The module's accGradParameters, then gradG = Σ gw ⊙ v / ||v|| and gradV = (g / ||v||) (gw - gradG v / ||v||), as Lua's.
    /// Example: <c>wn.AccGradParameters(x, g);</c></summary>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        Child(0, m => m.AccGradParameters(input, gradOutput, scale));
        using var gw = In(GradWeight);
        using var n = Norm();
        using var s = G.Raw / n;
        using var gg = (gw * V.Raw / n).sum(new long[] { 1 }, keepdim: true);
        GradG.Raw.copy_(gg);
        using var gv = gw * s - V.Raw * s / n * gg;
        GradV.Raw.copy_(gv);
        using var back = Out(GradV.Raw);
        GradWeight.Raw.copy_(back);
    }

    /// <inheritdoc/>
    public override (List<Tensor> Params, List<Tensor> GradParams) Parameters() => Bias is null
        ? (new() { V, G }, new() { GradV, GradG })
        : (new() { V, G, Bias }, new() { GradV, GradG, GradBias });

    /// <inheritdoc/>
    public override void ZeroGradParameters()
    {
        Module.ZeroGradParameters();
        GradV.Zero();
        GradG.Zero();
    }

    /// <inheritdoc/>
    public override void UpdateParameters(double learningRate)
    {
        Module.UpdateParameters(learningRate);
        G.Add(-learningRate, GradG);
        V.Add(-learningRate, GradV);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.WeightNorm"/> (Lua's <c>nn.WeightNorm</c>). Example: <c>var m = nn.WeightNorm(module);</c></summary>
    public static WeightNorm WeightNorm(Module module, int outputDim = 1) => new(module, outputDim);
}
