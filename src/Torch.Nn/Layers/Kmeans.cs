using Torch.Native;
using TorchSharp;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn;

/// <summary>
/// Lua's <c>nn.Kmeans(k, dim[, scale])</c>: online hard k-means. The centres are the rows of <see cref="Module.Weight"/>
/// (k x dim); the forward gives each sample of a batch x dim input the 1-based index of its nearest centre and sets
/// <see cref="Loss"/> to the within-cluster squared error; AccGradParameters accumulates the update
/// c += scale / n * sum(x - c) as a negative gradient, so <c>UpdateParameters(1)</c> moves each centre to its samples' mean.
/// </summary>
/// <remarks>Example: <c>var km = nn.Kmeans(3, 2); km.InitRandom(x); Tensor labels = km.Forward(x);</c></remarks>
public class Kmeans : Module
{
    /// <summary>Number of clusters (Lua's <c>k</c>). Example: <c>km.K</c>.</summary>
    public int K;
    /// <summary>Sample dimension (Lua's <c>dim</c>). Example: <c>km.Dim</c>.</summary>
    public int Dim;
    /// <summary>Step of the online update, overriding AccGradParameters' scale (Lua's <c>scale</c>). Example: <c>km.Scale = 0.5;</c></summary>
    public double? Scale;
    /// <summary>Within-cluster squared error of the last forward (Lua's <c>loss</c>). Example: <c>double e = km.Loss;</c></summary>
    public double Loss;
    /// <summary>Samples per cluster in the last AccGradParameters (Lua's <c>clusterSampleCount</c>). Example: <c>km.ClusterSampleCount</c>.</summary>
    public Tensor ClusterSampleCount;

    TT? nearest; // 0-based centre of each sample of the last forward

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("k", ref K);
        m.Field("dim", ref Dim);
        m.Field("scale", ref Scale);
        m.Field("loss", ref Loss);
        m.Field("clusterSampleCount", ref ClusterSampleCount);
        m.Cache(ref nearest);
    }

    /// <summary>A k-means layer with centres U(-1, 1). Example: <c>new Kmeans(3, 2)</c>.</summary>
    public Kmeans(int k, int dim, double? scale = null)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), $"{TypeName}: clusters cannot be 0 or negative, got {k}");
        if (dim < 1) throw new ArgumentOutOfRangeException(nameof(dim), $"{TypeName}: dimensionality cannot be 0 or negative, got {dim}");
        (K, Dim, Scale) = (k, dim, scale);
        Weight = torch.Tensor(k, dim);
        GradWeight = torch.Tensor(k, dim).Zero();
        ClusterSampleCount = torch.Tensor(k).Zero();
        Reset();
    }

    /// <summary>Centres U(-stdev, stdev), stdev 1 by default (Lua's reset). Example: <c>km.Reset(0.5);</c></summary>
    public override Module Reset(double? stdv = null)
    {
        double s = stdv ?? 1;
        Weight.Uniform(-s, s);
        return this;
    }

    Tensor Samples(LuaValue input, string fn)
    {
        var x = InputTensor(input);
        if (x.Dim() != 2) throw new ArgumentException($"{TypeName}.{fn}: expected a 2-D batch x {Dim} input, got {x.SizeString()}");
        if (x.Size(2) != Dim) throw new ArgumentException($"{TypeName}.{fn}: expected samples of dimension {Dim}, got {x.Size(2)}");
        return x;
    }

    /// <summary>Centres copied from k random samples (Lua's <c>initRandom</c>). Example: <c>km.InitRandom(x);</c></summary>
    public void InitRandom(Tensor input)
    {
        var x = Samples(input, "InitRandom");
        if (x.Size(1) < K) throw new ArgumentException($"{TypeName}.InitRandom: need at least {K} samples, got {x.Size(1)}");
        var indices = torch.Zeros(K).Random(1, x.Size(1));
        for (int i = 1; i <= K; i++) Weight.Select(1, i).Copy(x.Select(1, (long)(double)indices[i]));
    }

    /// <summary>Kmeans++ initialisation (Lua's <c>initKmeansPlus</c>): each next centre is drawn from the
    /// (1 - p) fraction of samples farthest from the centres so far. Example: <c>km.InitKmeansPlus(x, 0.95);</c></summary>
    public void InitKmeansPlus(Tensor input, double p = 0.95)
    {
        var x = Samples(input, "InitKmeansPlus");
        if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), $"{TypeName}.InitKmeansPlus: p should be between 0 and 1, got {p}");
        long n = x.Size(1);
        long pcount = Math.Max(1, (long)Math.Ceiling((1 - p) * n));
        var first = torch.Tensor(1).Random(1, n);
        Weight.Select(1, 1).Copy(x.Select(1, (long)(double)first[1]));
        var distances = torch.Tensor(n).Fill(double.PositiveInfinity);
        for (int k = 2; k <= K; k++)
        {
            using var centre = Weight.Raw.select(0, k - 2);
            using var diff = x.Raw - centre;
            using var norm = diff.norm(1, false, 2f);
            using var d2 = norm.Pow(2);
            using (var m = distances.Raw.minimum(d2)) distances.Raw.copy_(m);
            var (_, order) = torch.Sort(distances, 1, true);
            var pick = torch.Tensor(1).Random(1, pcount);
            Weight.Select(1, k).Copy(x.Select(1, (long)(double)order[(long)(double)pick[1]]));
        }
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = Samples(input, "UpdateOutput");
        using var samples = x.Raw.unsqueeze(0);                 // 1 x B x dim
        using var centres = Weight.Raw.unsqueeze(1);            // k x 1 x dim
        using var diff = samples - centres;                     // x - c, k x B x dim
        using var norm = diff.norm(2, false, 2f);
        using var d2 = norm.Pow(2);                             // squared Euclidean distances, as Lua: norm then square
        var (score, index) = d2.min(0);
        using (score)
        {
            nearest?.Dispose();
            nearest = index;
            Loss = score.sum().ToDouble();
        }
        using var oneBased = index.Add(1L);
        return Emit(oneBased.to_type(x.ScalarType));
    }

    /// <summary>Kmeans has its own criterion: the input gradient is zero, as in Lua. Example: <c>km.UpdateGradInput(x, g);</c></summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = Samples(input, "UpdateGradInput");
        var gi = Internal.Buffers.Fit(ref GradInput, x.ScalarType);
        gi.ResizeAs(x).Zero();
        return GradInput;
    }

    /// <summary>gradWeight += -scale / n * sum(x - c) per centre (n its samples), Lua's online update written as a gradient.
    /// Example: <c>km.AccGradParameters(x, g);</c></summary>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        var x = Samples(input, "AccGradParameters");
        double s = Scale ?? scale;
        if (s <= 0) throw new ArgumentOutOfRangeException(nameof(scale), $"{TypeName}: scale has to be positive, got {s}");
        if (nearest is null) throw new InvalidOperationException($"{TypeName}: AccGradParameters before UpdateOutput");
        ClusterSampleCount.Zero();
        using (var ones = TS.ones(x.Size(1), ClusterSampleCount.Raw.dtype))
            ClusterSampleCount.Raw.index_add_(0, nearest, ones, ScalarLease.One);
        using var assigned = Weight.Raw.index_select(0, nearest);
        using var moved = assigned.Mul(-1).add_(x.Raw, ScalarLease.One).Mul_(-s);      // -scale * (x - c), in Lua's order
        using var zero = TS.zeros_like(GradWeight.Raw);
        using var sums = zero.index_add_(0, nearest, moved, ScalarLease.One);
        using var counts = ClusterSampleCount.Raw.Add(0.0000001).view(K, 1);
        using var step = sums.div(counts);
        GradWeight.Raw.add_(step, ScalarLease.One);
    }

    /// <inheritdoc/>
    public override Module ClearState()
    {
        nearest?.Dispose();
        nearest = null;
        return base.ClearState();
    }

    /// <summary>Torch7's text: "nn.Kmeans". Example: <c>km.ToString()</c>.</summary>
    public override string ToString() => TypeName;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Kmeans"/> (Lua's <c>nn.Kmeans</c>). Example: <c>var m = nn.Kmeans(k, dim);</c></summary>
    public static Kmeans Kmeans(int k, int dim, double? scale = null) => new(k, dim, scale);
}
