namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialFractionalMaxPooling(poolSizeW, poolSizeH, outW | ratioW, outH | ratioH)</c>: max pooling over
/// pseudo-random poolSizeW x poolSizeH regions giving an outH x outW output (arguments below 1 are ratios of the input size).
/// <see cref="FixPoolingRegions"/> keeps the regions between calls. Gradient by autograd through the chosen maxima.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialFractionalMaxPooling(2, 2, 0.5, 0.5).Forward(torch.Tensor(3, 10, 10).Uniform());  // 3x5x5</c></remarks>
public class SpatialFractionalMaxPooling : Module
{
    /// <summary>Region size (Lua's <c>poolSizeW</c>, <c>poolSizeH</c>). Example: <c>p.PoolSizeW</c>.</summary>
    public int PoolSizeW, PoolSizeH;
    /// <summary>Output size, or null when given as ratios (Lua's <c>outW</c>, <c>outH</c>). Example: <c>p.OutW</c>.</summary>
    public int? OutW, OutH;
    /// <summary>Output ratios, or null when given as sizes (Lua's <c>ratioW</c>, <c>ratioH</c>). Example: <c>p.RatioW</c>.</summary>
    public double? RatioW, RatioH;
    /// <summary>Keep the pooling regions between calls (Lua's <c>newRandomPool</c>, which fixPoolingRegions sets; despite its name, true keeps them). Example: <c>p.NewRandomPool</c>.</summary>
    public bool NewRandomPool;

    /// <summary>One U(0, 1) pair (W, H) per plane and batch row, which places the pooling regions (Lua's <c>randomSamples</c>);
    /// drawn from Torch7's stream as Lua draws it. Example: <c>p.RandomSamples</c>.</summary>
    public Tensor? RandomSamples;

    TorchSharp.torch.Tensor? indices;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("poolSizeW", ref PoolSizeW);
        m.Field("poolSizeH", ref PoolSizeH);
        m.Field("outW", ref OutW);
        m.Field("outH", ref OutH);
        m.Field("ratioW", ref RatioW);
        m.Field("ratioH", ref RatioH);
        m.Field("newRandomPool", ref NewRandomPool);
        m.Buffer("randomSamples", ref RandomSamples);
        m.Cache(ref indices); // libtorch's indices of the last forward
    }

    /// <summary>A fractional max-pooling layer. Example: <c>new SpatialFractionalMaxPooling(2, 2, 7, 7)</c>.</summary>
    public SpatialFractionalMaxPooling(int poolSizeW, int poolSizeH, double outWOrRatio, double outHOrRatio)
    {
        (PoolSizeW, PoolSizeH) = (poolSizeW, poolSizeH);
        if (outWOrRatio >= 1) (OutW, OutH) = ((int)outWOrRatio, (int)outHOrRatio);
        else (RatioW, RatioH) = (outWOrRatio, outHOrRatio);
    }

    /// <summary>Keeps (true) or redraws (false) the pooling regions on each call (Lua's <c>fixPoolingRegions</c>). Example: <c>p.FixPoolingRegions();</c></summary>
    public SpatialFractionalMaxPooling FixPoolingRegions(bool value = true)
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
        CheckDims(x, 3, 4);
        if (!Replaying) Internal.FractionalPool.Samples(ref RandomSamples, x, 3, 2, NewRandomPool);
        long outW = OutW ?? (long)Math.Floor(x.Size(x.Dim()) * RatioW!.Value), outH = OutH ?? (long)Math.Floor(x.Size(x.Dim() - 1) * RatioH!.Value);
        return Emit(Internal.Batched.Run(x, 3, b => Internal.FractionalPool.Forward(b, 2, ref indices, Replaying,
            bx => Internal.FractionalPool.Regions(bx, RandomSamples!, new[] { PoolSizeH, PoolSizeW }, new[] { outH, outW }, new[] { 1, 0 }))));
    }

    /// <summary>Torch7's text, e.g. "nn.SpatialFractionalMaxPooling(7x7, 2,2)"; a ratio prints through Lua's %d, truncated (0.5 as 0).
    /// Example: <c>p.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({OutW ?? (long)RatioW!.Value}x{OutH ?? (long)RatioH!.Value}, {PoolSizeW},{PoolSizeH})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialFractionalMaxPooling"/> (Lua's <c>nn.SpatialFractionalMaxPooling</c>). Example: <c>var m = nn.SpatialFractionalMaxPooling(poolSizeW, poolSizeH, outWOrRatio, outHOrRatio);</c></summary>
    public static SpatialFractionalMaxPooling SpatialFractionalMaxPooling(int poolSizeW, int poolSizeH, double outWOrRatio, double outHOrRatio) => new(poolSizeW, poolSizeH, outWOrRatio, outHOrRatio);
}
