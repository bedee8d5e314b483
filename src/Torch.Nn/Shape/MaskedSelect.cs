namespace Torch.Nn;

/// <summary>Lua's <c>nn.MaskedSelect()</c>: for a table {t, mask}, the 1-D tensor of the elements of t where the ByteTensor mask is 1.</summary>
/// <remarks>Example: <c>Tensor y = nn.MaskedSelect().Forward(new Table(t, mask));</c></remarks>
public class MaskedSelect : Module
{
    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = Internal.TableArgs.Tensors(input, this);
        if (xs.Count != 2 || xs[0].NElement() != xs[1].NElement())
            throw new ArgumentException($"{this}: expected a table {{tensor, mask}} of equal sizes, got {string.Join(", ", xs.Select(x => x.SizeString()))}");
        using var mask = xs[1].Raw.to_type(TorchSharp.torch.ScalarType.Bool).view_as(xs[0].Raw);
        return Emit(xs[0].Raw.masked_select(mask));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = base.UpdateGradInput(input, gradOutput).AsTable;
        g[2] = torch.ByteTensor().ResizeAs(input.AsTable[2].AsTensor).Zero(); // Lua's gradient of the mask: a ByteTensor of zeros
        return g;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MaskedSelect"/> (Lua's <c>nn.MaskedSelect</c>). Example: <c>var m = nn.MaskedSelect();</c></summary>
    public static MaskedSelect MaskedSelect() => new();
}
