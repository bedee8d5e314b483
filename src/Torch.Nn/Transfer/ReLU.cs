namespace Torch.Nn;

/// <summary>Lua's <c>nn.ReLU([inplace])</c>: max(0, x), a <see cref="Threshold"/>(0, 0).</summary>
/// <remarks>Example: <c>Tensor y = nn.ReLU().Forward(x);</c></remarks>
public class ReLU : Threshold
{
    /// <summary>A rectifier. Example: <c>new ReLU(inplace: true)</c>.</summary>
    public ReLU(bool inplace = false) : base(0, 0, inplace) { }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ReLU"/> (Lua's <c>nn.ReLU</c>). Example: <c>var m = nn.ReLU();</c></summary>
    public static ReLU ReLU(bool inplace = false) => new(inplace);
}
