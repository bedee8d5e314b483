using Torch.Native;
namespace Torch.Nn;

/// <summary>Lua's <c>nn.L1Penalty(l1weight[, sizeAverage=false, provideOutput=true])</c>: the identity forward that records the loss
/// l1weight Σ abs(x) (divided by the number of elements when averaging) and adds its gradient l1weight sign(x) in the backward.</summary>
/// <remarks>Example: <c>var p = nn.L1Penalty(0.01); p.Forward(x); double loss = p.Loss;</c></remarks>
public class L1Penalty : Module
{
    /// <summary>The penalty weight (Lua's <c>l1weight</c>). Example: <c>p.L1weight</c>.</summary>
    public double L1weight;
    /// <summary>Average over elements (Lua's <c>sizeAverage</c>). Example: <c>p.SizeAverage</c>.</summary>
    public bool SizeAverage;
    /// <summary>Pass the gradOutput through as well (Lua's <c>provideOutput</c>). Example: <c>p.ProvideOutput</c>.</summary>
    public bool ProvideOutput;
    /// <summary>The penalty of the last forward (Lua's <c>loss</c>). Example: <c>p.Loss</c>.</summary>
    public double Loss;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("l1weight", ref L1weight);
        m.Field("sizeAverage", ref SizeAverage);
        m.Field("provideOutput", ref ProvideOutput);
        m.Field("loss", ref Loss);
    }

    /// <summary>An L1 penalty. Example: <c>new L1Penalty(0.1, sizeAverage: true)</c>.</summary>
    public L1Penalty(double l1weight, bool sizeAverage = false, bool provideOutput = true) =>
        (L1weight, SizeAverage, ProvideOutput) = (l1weight, sizeAverage, provideOutput);

    double Scale(Tensor x) => SizeAverage ? L1weight / x.NElement() : L1weight;

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        using var a = x.Raw.abs();
        using var s = a.sum();
        Loss = Scale(x) * s.to_type(TorchSharp.torch.ScalarType.Float64).item<double>();
        Output = x;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        var g = x.Raw.sign().Mul_(Scale(x));
        if (ProvideOutput) g.add_(InputTensor(gradOutput, "gradOutput").Raw.view_as(g), ScalarLease.One);
        return EmitGradInput(g);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.L1Penalty"/> (Lua's <c>nn.L1Penalty</c>). Example: <c>var m = nn.L1Penalty(l1weight);</c></summary>
    public static L1Penalty L1Penalty(double l1weight, bool sizeAverage = false, bool provideOutput = true) => new(l1weight, sizeAverage, provideOutput);
}
