using Torch.Native;
namespace Torch.Nn;

/// <summary>Lua's <c>nn.AddConstant(k[, inplace=false]): y = x + k</c>, gradient g. In place the input itself becomes x + k, and the
/// backward puts it back (subtracts k), as Lua's does.</summary>
/// <remarks>Example: <c>Tensor y = nn.AddConstant(3).Forward(x);</c></remarks>
public class AddConstant : Module
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

    /// <summary>The module. Example: <c>new AddConstant(3)</c>.</summary>
    public AddConstant(double constantScalar, bool ip = false) => (ConstantScalar, Inplace) = (constantScalar, ip);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var y = x.Raw.Add(ConstantScalar);
        return Inplace ? EmitInPlace(x, y) : Emit(y);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        if (!Inplace) return EmitGradInput(g.Raw.clone());
        InputTensor(input).Raw.Sub_(ConstantScalar);
        GradInput = g;
        return g;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.AddConstant"/> (Lua's <c>nn.AddConstant</c>). Example: <c>var m = nn.AddConstant(constantScalar);</c></summary>
    public static AddConstant AddConstant(double constantScalar, bool ip = false) => new(constantScalar, ip);
}
