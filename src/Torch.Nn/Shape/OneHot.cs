namespace Torch.Nn;

/// <summary>Lua's <c>nn.OneHot(outputSize)</c>: each 1-based index becomes a row of outputSize zeros with a 1 at that index
/// (n → n x outputSize, B x n → B x n x outputSize).</summary>
/// <remarks>Example: <c>Tensor y = nn.OneHot(4).Forward(torch.LongTensor(new[] { 2.0, 4 }));</c></remarks>
public class OneHot : Module
{
    /// <summary>The number of classes (Lua's <c>outputSize</c>). Example: <c>o.OutputSize</c>.</summary>
    public int OutputSize;

    /// <summary>A one-hot encoder. Example: <c>new OneHot(10)</c>.</summary>
    public OneHot(int outputSize) => OutputSize = outputSize;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        foreach (var v in x.ToArray())
            if (v < 1 || v > OutputSize) throw new IndexOutOfRangeException($"{this}: index {v} out of range (expected 1..{OutputSize})");
        using var idx = x.Raw.to_type(TorchSharp.torch.ScalarType.Int64, copy: true).sub_(1L);
        using var hot = TorchSharp.torch.nn.functional.one_hot(idx, OutputSize);
        return Emit(hot.to_type(torch.DefaultScalarType));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        if (GradInput.Object is not Tensor g || g.Type() != x.Type()) GradInput = g = x.New();
        g.ResizeAs(x).Zero();
        return GradInput;
    }
}
