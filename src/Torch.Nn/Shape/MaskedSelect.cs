namespace Torch.Nn;

/// <summary>Lua's <c>nn.MaskedSelect()</c>: for a table {t, mask}, the 1-D tensor of the elements of t where the ByteTensor mask is 1.</summary>
/// <remarks>Example: <c>Tensor y = nn.MaskedSelect().Forward(new Table(t, mask));</c></remarks>
public class MaskedSelect : Module
{
    /// <summary>A masked selection. Example: <c>new MaskedSelect()</c>.</summary>
    public MaskedSelect() => LuaOnly(("_maskIndices", torch.LongTensor()), ("_maskIndexBuffer", torch.LongTensor()), // Lua's buffers
        ("_maskIndexBufferCPU", torch.FloatTensor()), ("_gradBuffer", torch.Tensor()), ("_gradMask", torch.ByteTensor()));

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    // Lua's type(): the index buffers stay LongTensors and the mask's gradient a ByteTensor on the CPU, whatever the type
    internal override void ConvertBy(Internal.Converting c)
    {
        c.Visit(this);
        if (c.ToCuda || LuaRest is null) return;
        foreach (var (name, type) in new[] { ("_maskIndexBuffer", "torch.LongTensor"), ("_maskIndices", "torch.LongTensor"), ("_gradMask", "torch.ByteTensor") })
            if (LuaRest[name].Object is Tensor t) LuaRest[name] = t.Type(type);
    }

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
        var xs = Internal.TableArgs.Tensors(input, this);
        using var mask = xs[1].Raw.to_type(TorchSharp.torch.ScalarType.Bool).view_as(xs[0].Raw);
        var gx = xs[0].New().ResizeAs(xs[0]).Zero();
        gx.Raw.masked_scatter_(mask, gradOutput.AsTensor.Raw); // gradOutput back to the selected places, in order
        // Lua's gradient of the mask: a ByteTensor of zeros
        GradInput = new Table(new LuaValue(gx), new LuaValue(torch.ByteTensor().ResizeAs(xs[1]).Zero()));
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MaskedSelect"/> (Lua's <c>nn.MaskedSelect</c>). Example: <c>var m = nn.MaskedSelect();</c></summary>
    public static MaskedSelect MaskedSelect() => new();
}
