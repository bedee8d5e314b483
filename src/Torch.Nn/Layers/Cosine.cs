using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Cosine(inputSize, outputSize)</c>: y_j = cos(x, w_j) for the rows w_j of an outputSize x inputSize weight.
/// Gradients by Lua's formulas, in its order; as in Lua, accGradParameters ignores <c>scale</c> for a batch and for the second
/// term of a single sample.</summary>
/// <remarks>Example: <c>Tensor c = nn.Cosine(5, 3).Forward(torch.Tensor(2, 5).Uniform());</c></remarks>
public class Cosine : Module
{
    /// <summary>A cosine-similarity layer. Example: <c>new Cosine(5, 3)</c>.</summary>
    public Cosine(int inputSize, int outputSize)
    {
        Weight = torch.Tensor(outputSize, inputSize);
        GradWeight = torch.Tensor(outputSize, inputSize).Zero();
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Internal.Init.Uniform(Internal.Init.Stdv(stdv, Weight.Size(1)), Weight);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = Checked(input);
        using var dots = x.Dim() == 1 ? Weight.Raw.mv(x.Raw) : x.Raw.mm(Weight.Raw.t());
        using var wn = WeightNorms();
        using var xn = InputNorms(x);
        using var wnRow = wn.view(-1);
        return Emit(dots / wnRow / (x.Dim() == 1 ? xn.squeeze() : xn));
    }

    Tensor Checked(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 1, 2);
        if (x.Size(x.Dim()) != Weight.Size(2))
            throw new ArgumentException($"{this}: expected inputs of {Weight.Size(2)} elements, got {x.SizeString()}");
        return x;
    }

    /// <summary>Lua's <c>_weightNorm</c>: ||w_j|| + 1e-12, outputSize x 1.</summary>
    TS.Tensor WeightNorms()
    {
        using var n = Weight.Raw.norm(1, true, 2f);
        return n.Add(1e-12);
    }

    /// <summary>Lua's <c>__norm</c> (1-D, one element) or <c>_inputNorm</c> (B x 1): ||x|| + 1e-12.</summary>
    static TS.Tensor InputNorms(Tensor x)
    {
        using var n = x.Raw.norm(-1, true, 2f);
        return n.Add(1e-12);
    }

    /// <summary>What both halves of Lua's backward read: the input, gradOutput, the output, ||w|| + 1e-12 and ||x|| + 1e-12.</summary>
    (Tensor X, TS.Tensor Go, TS.Tensor Y, TS.Tensor Wn, TS.Tensor Xn) Parts(LuaValue input, LuaValue gradOutput)
    {
        var x = Checked(input);
        return (x, InputTensor(gradOutput, "gradOutput").Raw, Output.AsTensor.Raw, WeightNorms(), InputNorms(x));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var (x, go, y, wn, xn) = Parts(input, gradOutput);
        using var _ = wn;
        using var __ = xn;
        if (x.Dim() == 1)
        {
            // w' = w / ||w|| / ||x|| - (y ⊗ x) / ||x||²; gradInput = w'ᵀ gradOutput
            double norm = Scalar(xn);
            using var scaled = Weight.Raw / wn;
            scaled.Div_(norm);
            using var ay = y.Mul(-1 / (norm * norm));
            using var outer = TS.outer(ay, x.Raw);
            scaled.add_(outer, ScalarLease.One);
            return EmitGradInput(scaled.t().mv(go));
        }
        // gradInput = (gradOutput / ||w||ᵀ · W - x / ||x|| · Σ_j gradOutput y) / ||x||
        using var gi = x.Raw / xn;
        using var gy = go * y;
        using var s = gy.sum(new long[] { 1 }, keepdim: true);
        gi.mul_(s);
        using var gw = go / wn.view(1, -1);
        using var product = gw.mm(Weight.Raw);
        gi.neg_().add_(product, ScalarLease.One);
        return EmitGradInput(gi / xn);
    }

    /// <inheritdoc/>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        var (x, go, y, wn, xn) = Parts(input, gradOutput);
        using var _ = wn;
        using var __ = xn;
        if (x.Dim() == 1)
        {
            double norm = Scalar(xn);
            using var g = go / wn.view(-1);
            using var ag = g.Mul(scale / norm);
            using var outer = TS.outer(ag, x.Raw);
            GradWeight.Raw.add_(outer, ScalarLease.One);
            g.div_(wn.view(-1)).mul_(y);
            using var w = Weight.Raw * g.view(-1, 1);
            GradWeight.Raw.sub_(w);
            return;
        }
        using var gy = go * y;
        using var s = gy.sum(new long[] { 0 });
        s.div_(wn.view(-1));
        using var w2 = Weight.Raw * s.view(-1, 1);
        using var xs = x.Raw / xn;
        using var product = go.t().mm(xs);
        w2.neg_().add_(product, ScalarLease.One).div_(wn);
        GradWeight.Raw.add_(w2, ScalarLease.One);
    }

    static double Scalar(TS.Tensor t)
    {
        using var d = t.to_type(TS.ScalarType.Float64);
        return d.view(-1)[0].item<double>();
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Cosine"/> (Lua's <c>nn.Cosine</c>). Example: <c>var m = nn.Cosine(inputSize, outputSize);</c></summary>
    public static Cosine Cosine(int inputSize, int outputSize) => new(inputSize, outputSize);
}
