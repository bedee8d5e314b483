using Torch.Native;
namespace Torch.Nn;

/// <summary>Lua's <c>nn.MulConstant(k[, inplace=false]): y = k x</c>, gradient k g. In place the input itself becomes k x and the
/// gradOutput k g, and the backward puts the input back (divides by k), as Lua's does.</summary>
/// <remarks>Example: <c>Tensor y = nn.MulConstant(0.5).Forward(x);</c></remarks>
public class MulConstant : Module
{
    /// <summary>The constant (Lua's <c>constant_scalar</c>). Example: <c>m.ConstantScalar</c>.</summary>
    public double ConstantScalar;
    /// <summary>Lua's <c>inplace</c> flag. Example: <c>m.Inplace</c>.</summary>
    public bool Inplace;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("constant_scalar", ref ConstantScalar);
        m.Field("inplace", ref Inplace);
    }

    /// <summary>The module. Example: <c>new MulConstant(0.5)</c>.</summary>
    public MulConstant(double constantScalar, bool ip = false) => (ConstantScalar, Inplace) = (constantScalar, ip);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var y = x.Raw.Mul(ConstantScalar);
        return Inplace ? EmitInPlace(x, y) : Emit(y);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        if (!Inplace) return EmitGradInput(g.Raw.Mul(ConstantScalar));
        g.Raw.Mul_(ConstantScalar);
        InputTensor(input).Raw.Div_(ConstantScalar);
        GradInput = g;
        return g;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MulConstant"/> (Lua's <c>nn.MulConstant</c>). Example: <c>var m = nn.MulConstant(constantScalar);</c></summary>
    public static MulConstant MulConstant(double constantScalar, bool ip = false) => new(constantScalar, ip);
}
