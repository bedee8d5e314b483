namespace Torch.Nn;

/// <summary>Lua's <c>nn.ReLU6([inplace=false]): y = min(max(x, 0), 6)</c>, THNN's HardTanh(0, 6): gradient g strictly between 0 and 6,
/// 0 at and beyond them (explicit gradient).</summary>
/// <remarks>Example: <c>Tensor y = nn.ReLU6().Forward(x);</c></remarks>
public class ReLU6 : HardTanh
{
    /// <summary>The module. Example: <c>new ReLU6(true)</c>.</summary>
    public ReLU6(bool inplace = false) : base(0, 6, inplace) { }

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        (MinVal, MaxVal) = (0, 6); // constants here: Lua's ReLU6 stores no bounds, so a Torch7 file leaves them nil
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.ReLU6"/> (Lua's <c>nn.ReLU6</c>). Example: <c>var m = nn.ReLU6();</c></summary>
    public static ReLU6 ReLU6(bool inplace = false) => new(inplace);
}
