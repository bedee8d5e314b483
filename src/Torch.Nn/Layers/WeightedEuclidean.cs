using Torch.Native;
namespace Torch.Nn;

/// <summary>Lua's <c>nn.WeightedEuclidean(inputSize, outputSize)</c>: y_j = ||c_j ⊙ (x - w_j)|| with learnt templates w and diagonal
/// scales <see cref="DiagCov"/> (initialised to 1). Gradients by Lua's formulas (see <see cref="Euclidean"/>).</summary>
/// <remarks>Example: <c>Tensor d = nn.WeightedEuclidean(5, 3).Forward(torch.Tensor(5).Uniform());</c></remarks>
public class WeightedEuclidean : Euclidean
{
    /// <summary>The diagonal scales (Lua's <c>diagCov</c>). Example: <c>m.DiagCov</c>.</summary>
    public Tensor DiagCov;
    /// <summary>Their gradient (Lua's <c>gradDiagCov</c>). Example: <c>m.GradDiagCov</c>.</summary>
    public Tensor GradDiagCov;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("diagCov", ref DiagCov);
        m.Field("gradDiagCov", ref GradDiagCov);
    }

    /// <summary>A weighted distance layer. Example: <c>new WeightedEuclidean(5, 3)</c>.</summary>
    public WeightedEuclidean(int inputSize, int outputSize) : base(inputSize, outputSize)
    {
        DiagCov = torch.Tensor(inputSize, outputSize).Fill(1);
        GradDiagCov = torch.Tensor(inputSize, outputSize).Zero();
    }

    /// <inheritdoc/>
    public override (List<Tensor> Params, List<Tensor> GradParams) Parameters() =>
        (new() { Weight, DiagCov }, new() { GradWeight, GradDiagCov });

    /// <inheritdoc/>
    private protected override Tensor? Scales => DiagCov;

    /// <inheritdoc/>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        base.AccGradParameters(input, gradOutput, scale);
        // Lua's diagCov gradient, in its order: ((x - w) ⊙ c / c)² ⊙ c ⊙ gradOutput / (y + 1e-7); its 1-D branch adds it unscaled
        using var d = Differences(input);
        d.div_(DiagCov.Raw);
        d.mul_(d);
        d.mul_(DiagCov.Raw);
        using var q = Quotients(gradOutput);
        d.mul_(q);
        bool batch = d.dim() == 3;
        using var g = batch ? d.sum(new long[] { 0 }) : d.alias();
        Tensor.AddScaled(GradDiagCov.Raw, batch ? scale : 1, g, inPlace: true);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.WeightedEuclidean"/> (Lua's <c>nn.WeightedEuclidean</c>). Example: <c>var m = nn.WeightedEuclidean(inputSize, outputSize);</c></summary>
    public static WeightedEuclidean WeightedEuclidean(int inputSize, int outputSize) => new(inputSize, outputSize);
}
