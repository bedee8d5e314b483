namespace Torch.Nn;

/// <summary>Lua's <c>nn.ReLU([inplace])</c>: max(0, x), a <see cref="Threshold"/>(0, 0).</summary>
/// <remarks>Example: <c>Tensor y = nn.ReLU().Forward(x);</c></remarks>
public class ReLU : Threshold
{
    /// <summary>A rectifier. Example: <c>new ReLU(inplace: true)</c>.</summary>
    public ReLU(bool inplace = false) : base(0, 0, inplace) { }
}
