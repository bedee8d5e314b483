using Torch.Native;
using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.LeakyReLU([negval=0.01, inplace=false]): y = x where x &gt; 0, negval x elsewhere</c>; as in Lua a negative
/// negval turns in-place mode off. Explicit gradient as THNN's: g where x &gt; 0, negval g elsewhere.</summary>
/// <remarks>Example: <c>Tensor y = nn.LeakyReLU(0.2, true).Forward(x);</c></remarks>
public class LeakyReLU : Module
{
    /// <summary>The slope below 0 (Lua's <c>negval</c>). Example: <c>m.Negval</c>.</summary>
    public double Negval;
    /// <summary>Lua's <c>inplace</c> flag: the output is written into the input. Example: <c>m.Inplace</c>.</summary>
    public bool Inplace;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("negval", ref Negval);
        m.Field("inplace", ref Inplace);
    }

    /// <summary>The module. Example: <c>new LeakyReLU(0.1)</c>.</summary>
    public LeakyReLU(double negval = 0.01, bool ip = false) => (Negval, Inplace) = (negval, ip && negval >= 0);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var y = x.Raw.LeakyRelu(Negval);
        return Inplace ? EmitInPlace(x, y) : Emit(y);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        // in place the input holds the output, whose sign is the input's (negval >= 0 there)
        var xt = InputTensor(input);
        var got = InputTensor(gradOutput, "gradOutput");
        var gi = Buffers.Fit(ref GradInput, xt.ScalarType);
        gi.ResizeAs(xt);
        if (xt.SmallLike(gi, anySize: true) && got.SmallLike(gi, anySize: true))
        {
            Loops.Leaky(xt, got, gi, Negval); // one pass, as Torch7's loop
            return GradInput;
        }
        var x = xt.Raw;
        using var g = got.Raw.view_as(x);
        using var positive = x.Gt(0.0);
        using var scaled = g.Mul(Negval);
        return EmitGradInput(TS.where(positive, g, scaled));
    }

    /// <summary>Torch7's text, e.g. "nn.LeakyReLU(0.01)" (C's %g). Example: <c>m.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({TensorPrinter.FormatG(Negval)})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.LeakyReLU"/> (Lua's <c>nn.LeakyReLU</c>). Example: <c>var m = nn.LeakyReLU();</c></summary>
    public static LeakyReLU LeakyReLU(double negval = 0.01, bool ip = false) => new(negval, ip);
}
