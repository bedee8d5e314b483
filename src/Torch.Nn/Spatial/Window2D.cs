namespace Torch.Nn;

/// <summary>The window geometry Torch7's 2-D convolutions and poolings share: a kW x kH kernel moved by dW, dH over an image
/// zero-padded by padW, padH (Lua's fields of those names). Not a Lua class: the common base of <see cref="SpatialConvolution"/>,
/// <see cref="SpatialFullConvolution"/>, <see cref="SpatialDepthWiseConvolution"/> and <see cref="Pooling2D"/>.</summary>
/// <remarks>Example: <c>Window2D w = nn.SpatialConvolution(3, 8, 5, 5); int k = w.KW;</c></remarks>
public abstract class Window2D : Module
{
    /// <summary>Kernel width (Lua's <c>kW</c>). Example: <c>w.KW</c>.</summary>
    public int KW;
    /// <summary>Kernel height (Lua's <c>kH</c>). Example: <c>w.KH</c>.</summary>
    public int KH;
    /// <summary>Horizontal step (Lua's <c>dW</c>). Example: <c>w.DW</c>.</summary>
    public int DW;
    /// <summary>Vertical step (Lua's <c>dH</c>). Example: <c>w.DH</c>.</summary>
    public int DH;
    /// <summary>Zero padding left and right (Lua's <c>padW</c>). Example: <c>w.PadW</c>.</summary>
    public int PadW;
    /// <summary>Zero padding top and bottom (Lua's <c>padH</c>). Example: <c>w.PadH</c>.</summary>
    public int PadH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("kW", ref KW);
        m.Field("kH", ref KH);
        m.Field("dW", ref DW);
        m.Field("dH", ref DH);
        m.Field("padW", ref PadW);
        m.Field("padH", ref PadH);
    }

    /// <summary>Stores the geometry; kernel and steps must be positive, padding non-negative.
    /// Example: <c>protected MyPooling(int k) : base(k, k, k, k, 0, 0) { }</c></summary>
    protected Window2D(int kW, int kH, int dW, int dH, int padW, int padH)
    {
        if (kW < 1 || kH < 1 || dW < 1 || dH < 1 || padW < 0 || padH < 0)
            throw new ArgumentOutOfRangeException(nameof(kW),
                $"{TypeName}: kernel and steps must be positive and padding non-negative, got kernel {kW}x{kH}, steps {dW},{dH}, padding {padW},{padH}");
        (KW, KH, DW, DH, PadW, PadH) = (kW, kH, dW, dH, padW, padH);
    }

    /// <summary>The input as a C x H x W image or B x C x H x W batch with <paramref name="planes"/> planes (0: any), whose padded
    /// size holds the kernel, of the weight's type when there is a weight; otherwise an error naming this module.
    /// Example: <c>var x = WindowInput(input, NInputPlane);</c></summary>
    protected Tensor WindowInput(LuaValue input, int planes)
    {
        var x = ImageInput(input, planes, KH, KW, PadH, PadW);
        if (Weight is not null && x.ScalarType != Weight.ScalarType)
            throw new ArgumentException($"{this}: expected a {Weight.Type()} input, got a {x.Type()}");
        return x;
    }

    /// <summary>gradOutput as a batch (caller disposes), checked against the output the batched input <paramref name="xb"/> gives:
    /// <paramref name="planes"/> x <paramref name="oh"/> x <paramref name="ow"/> per sample, of the input's type.
    /// Example: <c>using var gb = GradOutputBatch(xb, gradOutput, NOutputPlane, oh, ow);</c></summary>
    protected TorchSharp.torch.Tensor GradOutputBatch(TorchSharp.torch.Tensor xb, LuaValue gradOutput, int planes, long oh, long ow)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        var gb = Internal.Batched.Batch(g, 3);
        if (gb.dim() != 4 || gb.size(0) != xb.size(0) || gb.size(1) != planes || gb.size(2) != oh || gb.size(3) != ow || gb.dtype != xb.dtype)
        {
            gb.Dispose();
            throw new ArgumentException($"{this}: expected a gradOutput of {xb.size(0)}x{planes}x{oh}x{ow} (the output's size and type), got a {g.Type()} of size {g.SizeString()}");
        }
        return gb;
    }
}
