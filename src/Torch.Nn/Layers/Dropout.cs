using Torch.Native;
using System.Globalization;
using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Dropout([p=0.5, v1=false, inplace, stochasticInference])</c>: in training, zeroes each element with probability
/// <see cref="P"/> and (v2, the default) scales the others by 1/(1-p); in evaluation it passes the input (v1: scales by 1-p).
/// Explicit gradient through the same noise.</summary>
/// <remarks>Example: <c>var d = nn.Dropout(0.3); Tensor y = d.Forward(x); d.Evaluate();</c></remarks>
public class Dropout : Module
{
    /// <summary>The drop probability (Lua's <c>p</c>). Example: <c>d.P</c>.</summary>
    public double P;
    /// <summary>Scale in training by 1/(1-p) (Lua's <c>v2</c>, true unless v1 was asked). Example: <c>d.V2</c>.</summary>
    public bool V2;
    /// <summary>Work in the input's memory (Lua's <c>inplace</c>). Example: <c>d.Inplace</c>.</summary>
    public bool Inplace;
    /// <summary>Also drop in evaluation (Lua's <c>stochastic_inference</c>). Example: <c>d.StochasticInference</c>.</summary>
    public bool StochasticInference;
    /// <summary>The last mask, scaled (Lua's <c>noise</c>). Example: <c>d.Noise</c>.</summary>
    public Tensor Noise = torch.Tensor();

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("p", ref P);
        m.Field("v2", ref V2);
        m.Field("inplace", ref Inplace);
        m.Field("stochastic_inference", ref StochasticInference);
        m.Buffer("noise", ref Noise);
    }

    /// <summary>A dropout layer. Example: <c>new Dropout(0.5)</c>.</summary>
    public Dropout(double p = 0.5, bool v1 = false, bool inplace = false, bool stochasticInference = false)
    {
        if (this is not (SpatialDropout or VolumetricDropout) && (p >= 1 || p < 0)) // Lua: only nn.Dropout asserts p
            throw new ArgumentOutOfRangeException(nameof(p), $"{TypeName}: illegal percentage {p}, must be 0 <= p < 1");
        (P, V2, Inplace, StochasticInference) = (p, !v1, inplace, stochasticInference);
    }

    /// <summary>The noise shape for this input (the whole input here; one value per feature map in SpatialDropout). Example: <c>protected override long[] NoiseSize(Tensor x) => new[] { x.Size(1), 1L, 1L };</c></summary>
    protected virtual long[] NoiseSize(Tensor x) => x.Size();

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var o = Inplace ? x : Buffers.Fit(ref Output, x.ScalarType).ResizeAs(x).Copy(x);
        Output = o;
        if (P != 0)
        {
            if (Train || StochasticInference)
            {
                if (Noise.Type() != x.Type()) Noise = x.New();
                Noise.Resize(NoiseSize(x));
                Noise.Bernoulli(1 - P);
                if (V2) Noise.Raw.Div_(1 - P);
                o.Raw.mul_(Noise.Raw);
            }
            else if (!V2) o.Raw.Mul_(1 - P);
        }
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        var gi = Inplace ? g : Buffers.Fit(ref GradInput, g.ScalarType).ResizeAs(g).Copy(g);
        GradInput = gi;
        if (P != 0)
        {
            if (Train) gi.Raw.mul_(Noise.Raw);  // Lua: stochastic inference does not mask the gradient
            else if (!V2) gi.Raw.Mul_(1 - P);
        }
        return GradInput;
    }

    /// <summary>Lua's <c>setp(p)</c>: changes the drop probability. Example: <c>d.SetP(0.2)</c>.</summary>
    public void SetP(double p) => P = p;

    /// <summary>Torch7's text, e.g. "nn.Dropout(0.500000)". Example: <c>d.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({P.ToString("F6", CultureInfo.InvariantCulture)})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Dropout"/> (Lua's <c>nn.Dropout</c>). Example: <c>var m = nn.Dropout();</c></summary>
    public static Dropout Dropout(double p = 0.5, bool v1 = false, bool inplace = false, bool stochasticInference = false) => new(p, v1, inplace, stochasticInference);
}
