using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Bilinear(inputSize1, inputSize2, outputSize[, bias=true])</c>: y_k = x1ᵀ W_k x2 + b_k for a table {x1, x2}
/// of B x inputSize1 and B x inputSize2 batches. Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.Bilinear(3, 4, 2).Forward(new Table(torch.Tensor(5, 3).Uniform(), torch.Tensor(5, 4).Uniform()));</c></remarks>
public class Bilinear : Module
{
    /// <summary>A bilinear layer. Example: <c>new Bilinear(3, 4, 2)</c>.</summary>
    public Bilinear(int inputSize1, int inputSize2, int outputSize, bool bias = true)
    {
        GradInput = new Table(torch.Tensor(), torch.Tensor()); // Lua's
        Weight = torch.Tensor(outputSize, inputSize1, inputSize2);
        GradWeight = torch.Tensor(outputSize, inputSize1, inputSize2).Zero();
        if (bias)
        {
            Bias = torch.Tensor(outputSize);
            GradBias = torch.Tensor(outputSize).Zero();
        }
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Internal.Init.Uniform(Internal.Init.Stdv(stdv, Weight.Size(2)), Weight, Bias);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = Internal.TableArgs.Tensors(input, this);
        if (xs.Count != 2 || xs[0].Dim() != 2 || xs[1].Dim() != 2 || xs[0].Size(1) != xs[1].Size(1)
            || xs[0].Size(2) != Weight.Size(2) || xs[1].Size(2) != Weight.Size(3))
            throw new ArgumentException($"{this}: expected a table of two batches Bx{Weight.Size(2)} and Bx{Weight.Size(3)}, got {string.Join(", ", xs.Select(x => x.SizeString()))}");
        return Emit(TS.nn.functional.bilinear(xs[0].Raw, xs[1].Raw, Weight.Raw, Bias?.Raw));
    }

    /// <summary>Torch7's text, "nn.Bilinear(3x4 -> 2) " — Lua's format leaves a space before the (empty) bias note, and two before
    /// " without bias". Example: <c>b.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({NilFields.Size(Weight, 2)}x{NilFields.Size(Weight, 3)} -> {NilFields.Size(Weight, 1)}) {(Bias is null ? " without bias" : "")}";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Bilinear"/> (Lua's <c>nn.Bilinear</c>). Example: <c>var m = nn.Bilinear(inputSize1, inputSize2, outputSize);</c></summary>
    public static Bilinear Bilinear(int inputSize1, int inputSize2, int outputSize, bool bias = true) => new(inputSize1, inputSize2, outputSize, bias);
}
