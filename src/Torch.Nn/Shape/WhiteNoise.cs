namespace Torch.Nn;

/// <summary>Lua's <c>nn.WhiteNoise([mean=0, std=0.1])</c>: adds N(mean, std²) noise in training, the identity in evaluation; the
/// gradient passes through.</summary>
/// <remarks>Example: <c>Tensor y = nn.WhiteNoise(0, 0.1).Forward(x);</c></remarks>
public class WhiteNoise : Module
{
    /// <summary>Lua's code tests <c>self.train ~= false</c>, so a file without train is in training. Example: <c>m.NilTrain</c>.</summary>
    protected internal override bool NilTrain => true;

    /// <summary>Noise mean (Lua's <c>mean</c>). Example: <c>w.Mean</c>.</summary>
    public double Mean;
    /// <summary>Noise standard deviation (Lua's <c>std</c>). Example: <c>w.Std</c>.</summary>
    public double Std;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("mean", ref Mean);
        m.Field("std", ref Std);
    }

    /// <summary>A noise layer. Example: <c>new WhiteNoise(0, 0.2)</c>.</summary>
    public WhiteNoise(double mean = 0, double std = 0.1)
    {
        (Mean, Std) = (mean, std);
        LuaOnly(("noise", torch.Tensor())); // Lua's: Torch7's training forward draws into it
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var o = Internal.Buffers.Fit(ref Output, x.ScalarType).ResizeAs(x);
        if (Train) o.Normal(Mean, Std).Add(x);
        else o.Copy(x);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        return Internal.Buffers.Fit(ref GradInput, g.ScalarType).ResizeAs(g).Copy(g);
    }

    /// <summary>Torch7's text, e.g. "nn.WhiteNoise mean: 0.000000, std: 0.100000". Example: <c>w.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName} mean: {TensorPrinter.FormatFixed(Mean, 6)}, std: {TensorPrinter.FormatFixed(Std, 6)}";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.WhiteNoise"/> (Lua's <c>nn.WhiteNoise</c>). Example: <c>var m = nn.WhiteNoise();</c></summary>
    public static WhiteNoise WhiteNoise(double mean = 0, double std = 0.1) => new(mean, std);
}
