namespace Torch.Nn;

/// <summary>Lua's <c>nn.Squeeze([dim, numInputDims])</c>: removes singleton dimensions (all, or only <see cref="Dim"/>, shifted by one
/// when the input carries a batch dimension beyond <see cref="NumInputDims"/>).</summary>
/// <remarks>Example: <c>Tensor y = nn.Squeeze().Forward(torch.Tensor(2, 1, 3));  // 2x3</c></remarks>
public class Squeeze : Module
{
    /// <summary>The dimension to squeeze, or null for all (Lua's <c>dim</c>). Example: <c>s.Dim</c>.</summary>
    public int? Dim;
    /// <summary>Dimensions of one sample, or null (Lua's <c>numInputDims</c>). Example: <c>s.NumInputDims</c>.</summary>
    public int? NumInputDims;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dim", ref Dim);
        m.Field("numInputDims", ref NumInputDims);
    }

    /// <summary>A squeeze layer. Example: <c>new Squeeze(2)</c>.</summary>
    public Squeeze(int? dim = null, int? numInputDims = null) => (Dim, NumInputDims) = (dim, numInputDims);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        if (Dim is null)
        {
            bool keepBatch = NumInputDims is int n && x.Dim() == n + 1 && x.Size(1) == 1; // Lua keeps a minibatch of size 1
            using var s = x.Raw.squeeze();
            return Emit(keepBatch ? s.unsqueeze(0) : s.alias());
        }
        int d = Internal.TableArgs.Dim(Dim.Value, NumInputDims, x);
        if (d < 1 || d > x.Dim()) throw new ArgumentException($"{this}: dimension {d} out of range for an input of size {x.SizeString()}");
        return Emit(x.Raw.squeeze(d - 1));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        return EmitGradInput(InputTensor(gradOutput, "gradOutput").Raw.reshape(x.Raw.shape));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Squeeze"/> (Lua's <c>nn.Squeeze</c>). Example: <c>var m = nn.Squeeze();</c></summary>
    public static Squeeze Squeeze(int? dim = null, int? numInputDims = null) => new(dim, numInputDims);
}
