using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.GatedLinearUnit([dim]): the first half a of the input along dim times sigmoid of the second half b (dim defaults to the last)</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.GatedLinearUnit(2).Forward(x);</c></remarks>
public class GatedLinearUnit : Module
{
    /// <summary>The 1-based dimension to split, or null for the last (Lua's <c>dim</c>). Example: <c>m.Dim</c>.</summary>
    public int? Dim;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dim", ref Dim);
    }

    /// <summary>The module. Example: <c>new GatedLinearUnit(2)</c>.</summary>
    public GatedLinearUnit(int? dim = null) => Dim = dim;

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var t = InputTensor(input);
        var x = t.Raw;
        return Emit(TS.nn.functional.glu(x, (Dim ?? t.Dim()) - 1));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.GatedLinearUnit"/> (Lua's <c>nn.GatedLinearUnit</c>). Example: <c>var m = nn.GatedLinearUnit();</c></summary>
    public static GatedLinearUnit GatedLinearUnit(int? dim = null) => new(dim);
}
