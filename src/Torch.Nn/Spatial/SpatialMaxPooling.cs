using Torch.Native;
using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialMaxPooling(kW, kH[, dW=kW, dH=kH, padW=0, padH=0])</c> (+ <see cref="Pooling2D.Ceil"/> / <see cref="Pooling2D.Floor"/>):
/// the maximum over each kW x kH window. Forward by a managed loop (dense CPU float/double) or libtorch's max_pool2d, gradient by Lua's formula.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialMaxPooling(2, 2, 2, 2).Forward(x);</c></remarks>
public class SpatialMaxPooling : Pooling2D
{
    /// <summary>A max-pooling layer. Example: <c>new SpatialMaxPooling(3, 3, 2, 2, 1, 1)</c>.</summary>
    public SpatialMaxPooling(int kW, int kH, int? dW = null, int? dH = null, int padW = 0, int padH = 0)
        : base(kW, kH, dW ?? kW, dH ?? kH, padW, padH)
    {
        if (padW > kW / 2 || padH > kH / 2)
            throw new ArgumentException($"{TypeName}: pad should be at most half of the kernel size, got pad {padW},{padH} for kernel {kW}x{kH}");
        LuaOnly(("indices", torch.LongTensor())); // Lua's
    }

    TS.Tensor? indices;

    /// <summary>The size of the last input, for <see cref="SpatialMaxUnpooling"/>.</summary>
    internal long[] InputSize = Array.Empty<long>();

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Cache(ref indices); // libtorch's 0-based indices of the last forward; Lua's indices field is computed from them
        m.Cache(ref InputSize);
    }

    /// <summary>The 0-based indices of the last forward, always with a batch dimension.</summary>
    internal TS.Tensor? RawIndices => indices;

    /// <summary>The 1-based positions (within each H x W plane) of the maxima of the last forward (Lua's <c>indices</c>),
    /// read by <see cref="SpatialMaxUnpooling"/>. Example: <c>Tensor where = pool.Indices;</c></summary>
    public Tensor Indices
    {
        get
        {
            if (indices is null || indices.IsInvalid) return torch.LongTensor();
            using var one = indices.Add(1L);
            return torch.Wrap(InputSize.Length == 3 ? one.squeeze(0) : one.alias());
        }
    }


    /// <summary>The dilation (H, W) of the window: 1, 1 here; see <see cref="SpatialDilatedMaxPooling"/>. Example: <c>protected override long[] Dilation() => new long[] { 2, 2 };</c></summary>
    protected virtual long[] Dilation() => new long[] { 1, 1 };

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        InputSize = InputTensor(input).Size();
        return base.UpdateOutput(input);
    }

    /// <inheritdoc/>
    protected override TS.Tensor Pool(TS.Tensor x)
    {
        var dilation = Dilation();
        var (values, idx) = MaxPoolLoop.TryRun(x, KH, KW, DH, DW, PadH, PadW, dilation[0], dilation[1], CeilMode)
            ?? TS.nn.functional.max_pool2d_with_indices(x, new long[] { KH, KW }, new long[] { DH, DW }, new long[] { PadH, PadW }, dilation, CeilMode);
        indices?.Dispose();
        indices = idx;
        return values;
    }

    /// <summary>Explicit gradient, as Lua's: each gradOutput element is added where its maximum came from.
    /// Example: <c>Tensor gi = pool.UpdateGradInput(x, gradOutput);</c></summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        if (GradInput.IsNil) return GradInput; // Lua's idiom: gradInput = nil skips it (a first layer)
        var x = InputTensor(input);
        if (indices is null || indices.IsInvalid) throw new InvalidOperationException($"{this}: UpdateGradInput before UpdateOutput");
        using var xb = Batched.Batch(x, 3);
        using var gb = Batched.Batch(InputTensor(gradOutput, "gradOutput"), 3);
        long n = xb.size(0), c = xb.size(1);
        // scattered straight into the reused gradInput buffer: no temporary the size of the input
        var gi = Buffers.Fit(ref GradInput, x.ScalarType).ResizeAs(x);
        if (!gi.IsContiguous()) GradInput = gi = x.New(x.Size()); // a buffer a caller replaced by a strided view
        gi.Zero();
        using (var planes = gi.Raw.view(n, c, -1))
        using (var where = indices.reshape(n, c, -1))
        using (var g = gb.reshape(n, c, -1))
            planes.scatter_add_(2, where, g);
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialMaxPooling"/> (Lua's <c>nn.SpatialMaxPooling</c>). Example: <c>var m = nn.SpatialMaxPooling(kW, kH);</c></summary>
    public static SpatialMaxPooling SpatialMaxPooling(int kW, int kH, int? dW = null, int? dH = null, int padW = 0, int padH = 0) => new(kW, kH, dW, dH, padW, padH);
}
