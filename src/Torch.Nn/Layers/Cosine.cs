using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Cosine(inputSize, outputSize)</c>: y_j = cos(x, w_j) for the rows w_j of an outputSize x inputSize weight.
/// Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor c = nn.Cosine(5, 3).Forward(torch.Tensor(2, 5).Uniform());</c></remarks>
public class Cosine : Module
{
    /// <summary>A cosine-similarity layer. Example: <c>new Cosine(5, 3)</c>.</summary>
    public Cosine(int inputSize, int outputSize)
    {
        Weight = torch.Tensor(outputSize, inputSize);
        GradWeight = torch.Tensor(outputSize, inputSize).Zero();
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Internal.Init.Uniform(Internal.Init.Stdv(stdv, Weight.Size(1)), Weight);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 1, 2);
        if (x.Size(x.Dim()) != Weight.Size(2))
            throw new ArgumentException($"{this}: expected inputs of {Weight.Size(2)} elements, got {x.SizeString()}");
        using var dots = x.Dim() == 1 ? Weight.Raw.mv(x.Raw) : x.Raw.mm(Weight.Raw.t());
        using var wn = Weight.Raw.norm(1, false, 2f).add(1e-12);
        using var xn = x.Raw.norm(-1, true, 2f).add(1e-12);
        return Emit(dots / wn / (x.Dim() == 1 ? xn.squeeze() : xn));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Cosine"/> (Lua's <c>nn.Cosine</c>). Example: <c>var m = nn.Cosine(inputSize, outputSize);</c></summary>
    public static Cosine Cosine(int inputSize, int outputSize) => new(inputSize, outputSize);
}
