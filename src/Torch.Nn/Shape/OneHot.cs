using Torch.Native;
using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.OneHot(outputSize)</c> (dpnn): each 1-based index becomes a row of outputSize zeros with a 1 at that index
/// (a number → outputSize, n → n x outputSize, B x n → B x n x outputSize), in the module's tensor type.</summary>
/// <remarks>Example: <c>Tensor y = nn.OneHot(4).Forward(torch.LongTensor(new[] { 2.0, 4 }));</c></remarks>
public class OneHot : Module
{
    /// <summary>The number of classes (Lua's <c>outputSize</c>). Example: <c>o.OutputSize</c>.</summary>
    public int OutputSize;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("outputSize", ref OutputSize);
    }

    /// <summary>A one-hot encoder. Example: <c>new OneHot(10)</c>.</summary>
    public OneHot(int outputSize) => OutputSize = outputSize;

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = input.Object is double d ? torch.LongTensor(new[] { d }) : InputTensor(input);
        foreach (var v in x.ToArray())  // Lua copies the indices into a LongTensor, truncating them
            if (Math.Truncate(v) < 1 || Math.Truncate(v) > OutputSize) throw new IndexOutOfRangeException($"{this}: index {v} out of range (expected 1..{OutputSize})");
        using var idx = x.Raw.to_type(TorchSharp.torch.ScalarType.Int64, copy: true).Sub_(1L);
        using var hot = TorchSharp.torch.nn.functional.one_hot(idx, OutputSize);
        using var y = input.IsNumber ? hot.squeeze(0) : hot.alias();
        return Emit(y.to_type(TensorType.Parse(Type()).Type));
    }

    /// <summary>Zeros of the input's size in the module's tensor type; for a number input Lua returns the number 0 and leaves
    /// <see cref="Module.GradInput"/> as it was. Example: <c>o.UpdateGradInput(x, g)</c>.</summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        if (input.IsNumber) return 0;
        var x = InputTensor(input);
        return Buffers.Fit(ref GradInput, TensorType.Parse(Type()).Type).Resize(x.Size()).Zero();
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.OneHot"/> (Lua's <c>nn.OneHot</c>). Example: <c>var m = nn.OneHot(outputSize);</c></summary>
    public static OneHot OneHot(int outputSize) => new(outputSize);
}
