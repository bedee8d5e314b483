namespace Torch.Nn;

/// <summary>Lua's <c>nn.VolumetricFractionalMaxPooling(poolSizeT, poolSizeW, poolSizeH, outT | ratioT, outW | ratioW, outH | ratioH)</c>:
/// the volumetric version of <see cref="SpatialFractionalMaxPooling"/>. As in THNN the input is planes x H x W x T (time last; a
/// batch first), each plane's regions placed by three samples (T, W, H) from Torch7's stream. Gradient by autograd through the
/// chosen maxima.</summary>
/// <remarks>Example: <c>Tensor y = nn.VolumetricFractionalMaxPooling(2, 2, 2, 0.5, 0.5, 0.5).Forward(torch.Tensor(1, 8, 8, 8).Uniform());</c></remarks>
public class VolumetricFractionalMaxPooling : Module
{
    /// <summary>Region size (Lua's <c>poolSizeT</c>, <c>poolSizeW</c>, <c>poolSizeH</c>). Example: <c>p.PoolSizeT</c>.</summary>
    public int PoolSizeT, PoolSizeW, PoolSizeH;
    /// <summary>Output size, or null when given as ratios (Lua's <c>outT</c>, <c>outW</c>, <c>outH</c>). Example: <c>p.OutT</c>.</summary>
    public int? OutT, OutW, OutH;
    /// <summary>Output ratios, or null when given as sizes (Lua's <c>ratioT</c>, <c>ratioW</c>, <c>ratioH</c>). Example: <c>p.RatioT</c>.</summary>
    public double? RatioT, RatioW, RatioH;
    /// <summary>One U(0, 1) triple (T, W, H) per plane and batch row, which places the pooling regions (Lua's <c>randomSamples</c>).
    /// Example: <c>p.RandomSamples</c>.</summary>
    public Tensor? RandomSamples;
    /// <summary>Keep the pooling regions between calls (Lua's <c>newRandomPool</c>, which fixPoolingRegions sets; despite its name, true keeps them). Example: <c>p.NewRandomPool</c>.</summary>
    public bool NewRandomPool;

    TorchSharp.torch.Tensor? indices;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("poolSizeT", ref PoolSizeT);
        m.Field("poolSizeW", ref PoolSizeW);
        m.Field("poolSizeH", ref PoolSizeH);
        m.Field("outT", ref OutT);
        m.Field("outW", ref OutW);
        m.Field("outH", ref OutH);
        m.Field("ratioT", ref RatioT);
        m.Field("ratioW", ref RatioW);
        m.Field("ratioH", ref RatioH);
        m.Field("newRandomPool", ref NewRandomPool);
        m.Buffer("randomSamples", ref RandomSamples);
        m.Cache(ref indices); // libtorch's indices of the last forward
    }

    /// <summary>A volumetric fractional max-pooling layer. Example: <c>new VolumetricFractionalMaxPooling(2, 2, 2, 4, 4, 4)</c>.</summary>
    public VolumetricFractionalMaxPooling(int poolSizeT, int poolSizeW, int poolSizeH, double outT, double outW, double outH)
    {
        (PoolSizeT, PoolSizeW, PoolSizeH) = (poolSizeT, poolSizeW, poolSizeH);
        if (outT >= 1) (OutT, OutW, OutH) = ((int)outT, (int)outW, (int)outH);
        else (RatioT, RatioW, RatioH) = (outT, outW, outH);
    }

    /// <summary>Keeps (true) or redraws (false) the pooling regions on each call (Lua's <c>fixPoolingRegions</c>). Example: <c>p.FixPoolingRegions();</c></summary>
    public VolumetricFractionalMaxPooling FixPoolingRegions(bool value = true)
    {
        NewRandomPool = value;
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 4, 5);
        if (!Replaying) Internal.FractionalPool.Samples(ref RandomSamples, x, 4, 3, NewRandomPool);
        int n = x.Dim();
        long outT = Out(OutT, RatioT, x.Size(n)), outW = Out(OutW, RatioW, x.Size(n - 1)), outH = Out(OutH, RatioH, x.Size(n - 2));
        return Emit(Internal.Batched.Run(x, 4, b => Internal.FractionalPool.Forward(b, 3, ref indices, Replaying,
            bx => Internal.FractionalPool.Regions(bx, RandomSamples!, new[] { PoolSizeH, PoolSizeW, PoolSizeT }, new[] { outH, outW, outT }, new[] { 2, 1, 0 }))));
    }

    long Out(int? size, double? ratio, long input)
    {
        long o = size ?? (long)Math.Floor(input * ratio!.Value);
        if (o < 1) throw new ArgumentException($"{this}: reduction ratio {ratio} too small for an input dimension of {input}");
        return o;
    }

    /// <summary>Torch7's text, e.g. "nn.VolumetricFractionalMaxPooling(4x4x4, 2,2,2)"; a ratio prints through Lua's %d, truncated
    /// (0.5 as 0). Example: <c>p.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}({OutT ?? (long)RatioT!.Value}x{OutW ?? (long)RatioW!.Value}x{OutH ?? (long)RatioH!.Value}, {PoolSizeT},{PoolSizeW},{PoolSizeH})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.VolumetricFractionalMaxPooling"/> (Lua's <c>nn.VolumetricFractionalMaxPooling</c>). Example: <c>var m = nn.VolumetricFractionalMaxPooling(poolSizeT, poolSizeW, poolSizeH, outT, outW, outH);</c></summary>
    public static VolumetricFractionalMaxPooling VolumetricFractionalMaxPooling(int poolSizeT, int poolSizeW, int poolSizeH, double outT, double outW, double outH) => new(poolSizeT, poolSizeW, poolSizeH, outT, outW, outH);
}
