using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.HardTanh([min=-1, max=1]): y = clamp(x, min, max), gradient 1 strictly inside</c>. The gradient comes from autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.HardTanh(-2, 2).Forward(x);</c></remarks>
public class HardTanh : Module
{
    /// <summary>The lower bound (Lua's <c>min_val</c>). Example: <c>m.MinVal</c>.</summary>
    public double MinVal;

    /// <summary>The upper bound (Lua's <c>max_val</c>). Example: <c>m.MaxVal</c>.</summary>
    public double MaxVal;

    /// <summary>The module. Example: <c>new HardTanh(-2, 2)</c>.</summary>
    public HardTanh(double minVal = -1, double maxVal = 1)
    {
        MinVal = minVal;
        MaxVal = maxVal;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Raw;
        return Emit(x.clamp(MinVal, MaxVal));
    }
}
