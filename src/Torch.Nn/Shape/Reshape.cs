namespace Torch.Nn;

/// <summary>Lua's <c>nn.Reshape(sizes...[, batchMode])</c>: the input (copied if not contiguous) viewed with the given sizes; a first
/// dimension is kept as the batch when the element counts say so, or when <see cref="BatchMode"/> is true. One size may be -1, inferred
/// by the view (Lua's <c>nelement</c> is then negative, so a guessed batch mode takes the first dimension as the batch).</summary>
/// <remarks>Example: <c>Tensor y = nn.Reshape(2, 3).Forward(torch.Tensor(6));</c></remarks>
public class Reshape : Module
{
    /// <summary>The target sizes (Lua's <c>size</c>). Example: <c>r.Size</c>.</summary>
    public long[] Size;
    /// <summary>Product of the sizes, -1 included (Lua's <c>nelement</c>). Example: <c>r.Nelement</c>.</summary>
    public long Nelement;
    /// <summary>null: guess the batch; true: first dimension is the batch; false: never (Lua's <c>batchMode</c>). Example: <c>r.BatchMode</c>.</summary>
    public bool? BatchMode;
    // Lua's batchsize: {batch, size...}; Torch7's updateOutput writes into it, so a file Torch7 reads must hold it
    long[] batchsize;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("size", ref Size);
        m.Field("nelement", ref Nelement);
        m.Field("batchMode", ref BatchMode);
        m.Field("batchsize", ref batchsize);
    }

    /// <summary>A reshape module. Example: <c>new Reshape(new long[] { 2, 3 }, batchMode: true)</c>.</summary>
    public Reshape(long[] sizes, bool? batchMode = null)
    {
        if (sizes.Length == 0 || sizes.Any(s => s < 1 && s != -1))
            throw new ArgumentException($"nn.Reshape: sizes must be positive or -1, got ({string.Join(", ", sizes)})");
        Size = sizes;
        Nelement = sizes.Aggregate(1L, (a, b) => a * b);
        BatchMode = batchMode;
        batchsize = new[] { 1L }.Concat(sizes).ToArray();
    }

    /// <summary>A reshape module with guessed batch mode. Example: <c>new Reshape(2, 3)</c>.</summary>
    public Reshape(params long[] sizes) : this(sizes, null) { }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input).Contiguous();
        bool single = BatchMode == false || (BatchMode is null && x.NElement() == Nelement && x.Size(1) != 1);
        var sizes = single ? Size : new[] { x.Size(1) }.Concat(Size).ToArray();
        if (!sizes.Contains(-1) && sizes.Aggregate(1L, (a, b) => a * b) != x.NElement())
            throw new ArgumentException($"{this}: cannot reshape an input of size {x.SizeString()} to {string.Join("x", sizes)}");
        return Internal.Buffers.View(ref Output, x, sizes);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) => View.GradAsInput(this, input, gradOutput);

    /// <summary>Torch7's text, e.g. "nn.Reshape(2x3)". Example: <c>r.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({string.Join("x", Size)})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Reshape"/> (Lua's <c>nn.Reshape</c>). Example: <c>var m = nn.Reshape(sizes);</c></summary>
    public static Reshape Reshape(long[] sizes, bool? batchMode = null) => new(sizes, batchMode);

    /// <summary>A new <see cref="Torch.Nn.Reshape"/> (Lua's <c>nn.Reshape</c>). Example: <c>var m = nn.Reshape(sizes);</c></summary>
    public static Reshape Reshape(params long[] sizes) => new(sizes);
}
