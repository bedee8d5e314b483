namespace Torch.Nn;

/// <summary>Lua's <c>nn.Unsqueeze(pos[, numInputDims])</c>: inserts a singleton dimension at <see cref="Pos"/> (one further with a batch
/// dimension beyond <see cref="NumInputDims"/>).</summary>
/// <remarks>Example: <c>Tensor y = nn.Unsqueeze(1).Forward(torch.Tensor(3));  // 1x3</c></remarks>
public class Unsqueeze : Module
{
    /// <summary>The 1-based position (Lua's <c>pos</c>). Example: <c>u.Pos</c>.</summary>
    public int Pos;
    /// <summary>Dimensions of one sample, or null (Lua's <c>numInputDims</c>). Example: <c>u.NumInputDims</c>.</summary>
    public int? NumInputDims;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("pos", ref Pos);
        m.Field("numInputDims", ref NumInputDims);
    }

    /// <summary>An unsqueeze layer. Example: <c>new Unsqueeze(2)</c>.</summary>
    public Unsqueeze(int pos, int? numInputDims = null) => (Pos, NumInputDims) = (pos, numInputDims);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        NumInputDims ??= x.Dim(); // Lua keeps the first input's rank as numInputDims
        if (x.Dim() < NumInputDims) throw new ArgumentException($"{this}: input feature map dim (numInputDims {NumInputDims}) must be <= input:dim() ({x.Dim()})");
        int p = Pos + x.Dim() - NumInputDims.Value;
        if (p < 1 || p > x.Dim() + 1) throw new ArgumentException($"{this}: position {p} out of range for an input of size {x.SizeString()}");
        return Emit(x.Raw.unsqueeze(p - 1));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) =>
        EmitGradInput(InputTensor(gradOutput, "gradOutput").Raw.reshape(InputTensor(input).Raw.shape));

    /// <summary>Torch7's text, e.g. "nn.Unsqueeze(dim 2)". Example: <c>u.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}(dim {Pos})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Unsqueeze"/> (Lua's <c>nn.Unsqueeze</c>). Example: <c>var m = nn.Unsqueeze(pos);</c></summary>
    public static Unsqueeze Unsqueeze(int pos, int? numInputDims = null) => new(pos, numInputDims);
}
