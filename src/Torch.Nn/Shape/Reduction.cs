using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>The shared shape of Torch7's reductions over one dimension (Sum, Mean, Max, Min): negative dims count from the end, the
/// dimension moves one further with a batch (<see cref="NInputDims"/>), and the reduced dimension is removed unless the result is 1-D.</summary>
/// <remarks>Example: <c>Tensor s = nn.Sum(2).Forward(torch.Tensor(3, 4));  // size 3</c></remarks>
public abstract class Reduction : Module
{
    /// <summary>The dimension (Lua's <c>dimension</c>). Example: <c>r.Dimension</c>.</summary>
    public int Dimension;
    /// <summary>Dimensions of one sample, or null (Lua's <c>nInputDims</c>). Example: <c>r.NInputDims</c>.</summary>
    public int? NInputDims;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dimension", ref Dimension);
        m.Field("nInputDims", ref NInputDims);
    }

    /// <summary>Stores the dimension. Example: <c>base(dimension, nInputDims)</c>.</summary>
    protected Reduction(int dimension, int? nInputDims) => (Dimension, NInputDims) = (dimension, nInputDims);

    /// <summary>The reduction keeping the dimension (0-based <paramref name="dim"/>). Example: <c>x.sum(new[] { dim }, keepdim: true)</c>.</summary>
    protected abstract TS.Tensor Reduce(TS.Tensor x, long dim);

    /// <summary>Whether the reduced dimension is removed (Lua's <c>squeeze</c>; always for Max and Min). Example: <c>protected override bool SqueezeResult => false;</c></summary>
    protected virtual bool SqueezeResult => true;

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        int d = Internal.TableArgs.Dim(Dimension, NInputDims, x);
        if (d < 1 || d > x.Dim()) throw new ArgumentException($"{this}: dimension {Dimension} out of range for an input of size {x.SizeString()}");
        var r = Reduce(x.Raw, d - 1);
        if (!SqueezeResult || r.dim() <= 1) return Emit(r);
        using (r) return Emit(r.squeeze(d - 1));
    }
}
