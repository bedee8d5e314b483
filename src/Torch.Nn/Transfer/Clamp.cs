namespace Torch.Nn;

/// <summary>Lua's <c>nn.Clamp(min, max)</c>: a <see cref="HardTanh"/> with the given bounds.</summary>
/// <remarks>Example: <c>Tensor y = nn.Clamp(0, 1).Forward(x);</c></remarks>
public class Clamp : HardTanh
{
    /// <summary>A clamping module. Example: <c>new Clamp(-0.5, 0.5)</c>.</summary>
    public Clamp(double minValue, double maxValue) : base(minValue, maxValue) { }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Clamp"/> (Lua's <c>nn.Clamp</c>). Example: <c>var m = nn.Clamp(minValue, maxValue);</c></summary>
    public static Clamp Clamp(double minValue, double maxValue) => new(minValue, maxValue);
}
