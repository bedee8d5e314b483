using Torch.Native;
using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.LinearWeightNorm(inputSize, outputSize[, bias=true, eps=1e-16])</c>: a <see cref="Linear"/> layer whose weight row j
/// is g_j v_j / ||v_j||, learning the direction <see cref="V"/> and the length <see cref="G"/>. Gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.LinearWeightNorm(5, 3).Forward(torch.Tensor(2, 5).Uniform());</c></remarks>
public class LinearWeightNorm : Module
{
    /// <summary>Lua's code tests <c>self.train ~= false</c>, so a file without train is in training. Example: <c>m.NilTrain</c>.</summary>
    protected internal override bool NilTrain => true;

    /// <summary>The directions (Lua's <c>v</c>). Example: <c>l.V</c>.</summary>
    public Tensor V;
    /// <summary>The lengths (Lua's <c>g</c>). Example: <c>l.G</c>.</summary>
    public Tensor G;
    /// <summary>Gradient of the directions (Lua's <c>gradV</c>). Example: <c>l.GradV</c>.</summary>
    public Tensor GradV;
    /// <summary>Gradient of the lengths (Lua's <c>gradG</c>). Example: <c>l.GradG</c>.</summary>
    public Tensor GradG;
    /// <summary>Added to the norms (Lua's <c>eps</c>). Example: <c>l.Eps</c>.</summary>
    public double Eps;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Parameter("v", ref V, "gradV", ref GradV);
        m.Parameter("g", ref G, "gradG", ref GradG);
        m.Field("eps", ref Eps);
    }

    /// <summary>A weight-normalised linear layer. Example: <c>new LinearWeightNorm(10, 5)</c>.</summary>
    public LinearWeightNorm(int inputSize, int outputSize, bool bias = true, double eps = 1e-16)
    {
        Eps = eps;
        LuaOnly(("inputSize", (double)inputSize), ("outputSize", (double)outputSize), // Lua's: its __tostring__ and buffers
            ("norm", torch.Tensor(outputSize, 1)), ("scale", torch.Tensor(outputSize, 1)), ("weight", torch.Tensor(outputSize, inputSize)));
        V = torch.Tensor(outputSize, inputSize);
        GradV = torch.Tensor(outputSize, inputSize).Zero();
        G = torch.Tensor(outputSize, 1);
        GradG = torch.Tensor(outputSize, 1).Zero();
        if (bias)
        {
            Bias = torch.Tensor(outputSize);
            GradBias = torch.Tensor(outputSize).Zero();
        }
        Reset();
    }

    /// <summary>V and the bias U(±1/sqrt(inputSize)), G the norms of V's rows (so the initial weight equals V). Example: <c>l.Reset();</c></summary>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, V.Size(2)), V, Bias);
        using var norms = V.Raw.norm(1, true, 2f);
        G.Raw.copy_(norms);
        return this;
    }

    /// <inheritdoc/>
    public override (List<Tensor> Params, List<Tensor> GradParams) Parameters()
    {
        var ps = new List<Tensor> { V, G };
        var gs = new List<Tensor> { GradV, GradG };
        if (Bias is not null) { ps.Add(Bias); gs.Add(GradBias); }
        return (ps, gs);
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 1, 2);
        if (x.Size(x.Dim()) != V.Size(2)) throw new ArgumentException($"{this}: expected inputs of {V.Size(2)} elements, got {x.SizeString()}");
        using var norm = V.Raw.norm(1, true, 2f);
        using var norms = norm.Add(Eps);
        using var w = V.Raw * (G.Raw / norms);
        return Emit(TS.nn.functional.linear(x.Raw, w, Bias?.Raw));
    }

    /// <summary>Torch7's text, e.g. "nn.LinearWeightNorm(10 -> 5)". Example: <c>l.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({NilFields.Size(V, 2)} -> {NilFields.Size(V, 1)}){(Bias is null ? " without bias" : "")}";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.LinearWeightNorm"/> (Lua's <c>nn.LinearWeightNorm</c>). Example: <c>var m = nn.LinearWeightNorm(inputSize, outputSize);</c></summary>
    public static LinearWeightNorm LinearWeightNorm(int inputSize, int outputSize, bool bias = true, double eps = 1e-16) => new(inputSize, outputSize, bias, eps);
}
