namespace Torch.Nn;

/// <summary>Lua's <c>nn.WeightedEuclidean(inputSize, outputSize)</c>: y_j = ||c_j ⊙ (x - w_j)|| with learnt templates w and diagonal
/// scales <see cref="DiagCov"/> (initialised to 1). Gradient by autograd.</summary>
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
    public override LuaValue UpdateOutput(LuaValue input)
    {
        using var d = Differences(InputTensor(input));
        using var scaled = d * DiagCov.Raw;
        using var sq = scaled.square();
        using var s = sq.sum(new long[] { -2 });
        return Emit(s.sqrt());
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.WeightedEuclidean"/> (Lua's <c>nn.WeightedEuclidean</c>). Example: <c>var m = nn.WeightedEuclidean(inputSize, outputSize);</c></summary>
    public static WeightedEuclidean WeightedEuclidean(int inputSize, int outputSize) => new(inputSize, outputSize);
}
