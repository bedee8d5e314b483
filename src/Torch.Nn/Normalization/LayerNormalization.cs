using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.LayerNormalization(nOutput[, bias=true, eps=1e-5, affine=true])</c>: each sample (row) normalised by its own mean
/// and (biased) variance over the nOutput features, then scaled by a weight (1) and shifted by a bias (0). Gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.LayerNormalization(10).Forward(torch.Tensor(4, 10).Uniform());</c></remarks>
public class LayerNormalization : Module
{
    /// <summary>Features per sample (Lua's <c>nOutput</c>). Example: <c>l.NOutput</c>.</summary>
    public int NOutput;
    /// <summary>Added to the variance (Lua's <c>eps</c>). Example: <c>l.Eps</c>.</summary>
    public double Eps;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nOutput", ref NOutput);
        m.Field("eps", ref Eps);
    }

    /// <summary>A layer normalisation. Example: <c>new LayerNormalization(10, affine: false)</c>.</summary>
    public LayerNormalization(int nOutput, bool bias = true, double eps = 1e-5, bool affine = true)
    {
        (NOutput, Eps) = (nOutput, eps);
        if (!affine) return;
        Weight = torch.Tensor(nOutput).Fill(1);
        GradWeight = torch.Tensor(nOutput).Zero();
        if (!bias) return;
        Bias = torch.Tensor(nOutput).Zero();
        GradBias = torch.Tensor(nOutput).Zero();
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 1, 2);
        if (x.Size(x.Dim()) != NOutput) throw new ArgumentException($"{this}: expected {NOutput} features, got an input of size {x.SizeString()}");
        using var mean = x.Raw.mean(new long[] { -1 }, keepdim: true);
        using var centred = x.Raw - mean;
        using var variance = centred.square().mean(new long[] { -1 }, keepdim: true);
        var y = centred / (variance + Eps).sqrt();
        if (Weight is not null) y = y * Weight.Raw;
        if (Bias is not null) y = y + Bias.Raw;
        return Emit(y);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.LayerNormalization"/> (Lua's <c>nn.LayerNormalization</c>). Example: <c>var m = nn.LayerNormalization(nOutput);</c></summary>
    public static LayerNormalization LayerNormalization(int nOutput, bool bias = true, double eps = 1e-5, bool affine = true) => new(nOutput, bias, eps, affine);
}
