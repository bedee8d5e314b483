namespace Torch.Nn;

/// <summary>Lua's <c>nn.Constant(value[, nInputDim])</c>: outputs the constant tensor (replicated over the batch when the input has more
/// than <see cref="NInputDim"/> dimensions), whatever the input; the gradInput is zero.</summary>
/// <remarks>Example: <c>Tensor c = nn.Constant(torch.Tensor(new[] { 1.0, 2 })).Forward(x);</c></remarks>
public class Constant : Module
{
    /// <summary>The constant (Lua's <c>value</c>). Example: <c>c.Value</c>.</summary>
    public Tensor Value;
    /// <summary>Dimensions of one sample, or null (Lua's <c>nInputDim</c>). Example: <c>c.NInputDim</c>.</summary>
    public int? NInputDim;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("value", ref Value);
        m.Field("nInputDim", ref NInputDim);
    }

    /// <summary>A constant layer. Example: <c>new Constant(torch.Tensor(3).Fill(1), 1)</c>.</summary>
    public Constant(Tensor value, int? nInputDim = null) => (Value, NInputDim) = (value, nInputDim);

    /// <summary>A constant layer of one number. Example: <c>new Constant(0.5)</c>.</summary>
    public Constant(double value, int? nInputDim = null) : this(torch.Tensor(1).Fill(value), nInputDim) { }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        if (NInputDim is int n && x.Dim() > n)
        {
            using var u = Value.Raw.unsqueeze(0);
            var sizes = u.shape;
            sizes[0] = x.Size(1);
            return Emit(u.expand(sizes));
        }
        return Emit(Value.Raw.clone());
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        return Internal.Buffers.Fit(ref GradInput, x.ScalarType).ResizeAs(x).Zero();
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Constant"/> (Lua's <c>nn.Constant</c>). Example: <c>var m = nn.Constant(value);</c></summary>
    public static Constant Constant(Tensor value, int? nInputDim = null) => new(value, nInputDim);

    /// <summary>A new <see cref="Torch.Nn.Constant"/> (Lua's <c>nn.Constant</c>). Example: <c>var m = nn.Constant(value);</c></summary>
    public static Constant Constant(double value, int? nInputDim = null) => new(value, nInputDim);
}
