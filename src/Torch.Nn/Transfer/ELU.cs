using Torch.Native;
using System.Globalization;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.ELU([alpha=1, inplace=false]): y = x where x &gt; 0, alpha (exp(x) - 1) elsewhere</c>. Explicit gradient from the
/// output, as THNN's: g where y &gt; 0, g (y + alpha) elsewhere — so it holds in place too.</summary>
/// <remarks>Example: <c>Tensor y = nn.ELU(0.5).Forward(x);</c></remarks>
public class ELU : Module
{
    /// <summary>The scale of the negative part (Lua's <c>alpha</c>). Example: <c>m.Alpha</c>.</summary>
    public double Alpha;
    /// <summary>Lua's <c>inplace</c> flag: the output is written into the input. Example: <c>m.Inplace</c>.</summary>
    public bool Inplace;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("alpha", ref Alpha);
        m.Field("inplace", ref Inplace);
    }

    /// <summary>The module. Example: <c>new ELU(0.5)</c>, <c>new ELU(1, true)</c>.</summary>
    public ELU(double alpha = 1, bool inplace = false) => (Alpha, Inplace) = (alpha, inplace);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var y = x.Raw.Elu(Alpha);
        return Inplace ? EmitInPlace(x, y) : Emit(y);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var y = ((Tensor)Output).Raw;
        using var g = InputTensor(gradOutput, "gradOutput").Raw.view_as(y);
        using var positive = y.Gt(0.0);
        using var shifted = y.Add(Alpha);
        using var scaled = g * shifted;
        return EmitGradInput(TS.where(positive, g, scaled));
    }

    /// <summary>Torch7's text, e.g. "nn.ELU (alpha:1.000000)". Example: <c>m.ToString()</c>.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} (alpha:{1:F6})", TypeName, Alpha);
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ELU"/> (Lua's <c>nn.ELU</c>). Example: <c>var m = nn.ELU();</c></summary>
    public static ELU ELU(double alpha = 1, bool inplace = false) => new(alpha, inplace);
}
