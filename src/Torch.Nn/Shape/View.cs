namespace Torch.Nn;

/// <summary>Lua's <c>nn.View(sizes...)</c>: the input viewed with other sizes (one may be -1), sharing its storage; an extra leading
/// dimension is taken as the batch (see <see cref="SetNumInputDims"/>).</summary>
/// <remarks>Example: <c>Tensor flat = nn.View(36).Forward(torch.Tensor(2, 4, 3, 3));  // 2x36</c></remarks>
public class View : Module
{
    /// <summary>The target sizes (Lua's <c>size</c>). Example: <c>v.Size</c>.</summary>
    public long[] Size = [];
    /// <summary>Product of the known sizes (Lua's <c>numElements</c>). Example: <c>v.NumElements</c>.</summary>
    public long NumElements;
    /// <summary>Number of non-batch input dimensions, or null (Lua's <c>numInputDims</c>). Example: <c>v.NumInputDims</c>.</summary>
    public int? NumInputDims;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("size", ref Size);
        m.Field("numElements", ref NumElements);
        m.Field("numInputDims", ref NumInputDims);
    }

    /// <summary>A view module. Example: <c>new View(-1, 36)</c>.</summary>
    public View(params long[] sizes) => ResetSize(sizes);

    /// <summary>Replaces the target sizes (Lua's <c>resetSize</c>); returns this module. Example: <c>v.ResetSize(4, -1)</c>.</summary>
    public View ResetSize(params long[] sizes)
    {
        long numElements = 1;
        bool infer = false;
        foreach (var s in sizes)
        {
            if (s >= 0) numElements *= s;
            else if (s != -1) throw new ArgumentException($"nn.View: size should be positive or -1, got ({string.Join(", ", sizes)})");
            else if (infer) throw new ArgumentException($"nn.View: only one dimension can be at -1, got ({string.Join(", ", sizes)})");
            else infer = true;
        }
        (Size, NumElements) = (sizes, numElements);
        return this;
    }

    /// <summary>Sets how many trailing dimensions are one sample (Lua's <c>setNumInputDims</c>). Example: <c>nn.View(-1).SetNumInputDims(3)</c>.</summary>
    public View SetNumInputDims(int numInputDims)
    {
        NumInputDims = numInputDims;
        return this;
    }

    long? BatchSize(Tensor x)
    {
        var isz = x.Size();
        int ind = isz.Length;
        int maxdim = NumInputDims ?? ind;
        long ine = 1;
        for (int i = ind - 1; i >= Math.Max(ind - maxdim, 0); i--) ine *= isz[i];
        if (NumElements == 0 || ine % NumElements != 0)
            throw new ArgumentException($"{this}: input view ({x.SizeString()}) and desired view ({string.Join("x", Size)}) do not match");
        long bsz = Size.Contains(-1) ? 1 : ine / NumElements;
        for (int i = ind - maxdim - 1; i >= 0; i--) bsz *= isz[i];
        if (bsz == 1 && (NumInputDims is null || ind <= NumInputDims)) return null;
        return bsz;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        var bsz = BatchSize(x);
        var sizes = bsz is long b ? new[] { b }.Concat(Size).ToArray() : Size;
        return Internal.Buffers.View(ref Output, x, sizes);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) => GradAsInput(this, input, gradOutput);

    /// <summary>The gradient of a reshaping module: gradOutput viewed with the input's sizes (View's and Reshape's backward).</summary>
    internal static LuaValue GradAsInput(Module m, LuaValue input, LuaValue gradOutput)
    {
        var x = m.InputTensor(input);
        var go = m.InputTensor(gradOutput, "gradOutput").Contiguous();
        return Internal.Buffers.View(ref m.GradInput, go, x.Sizes);
    }

    /// <summary>Torch7's text, e.g. "nn.View(36)" or "nn.View(-1, 6)". Example: <c>v.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({string.Join(", ", Size)})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.View"/> (Lua's <c>nn.View</c>). Example: <c>var m = nn.View(sizes);</c></summary>
    public static View View(params long[] sizes) => new(sizes);
}
