using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn.Internal;

/// <summary>The shared part of Torch7's local (subtractive/divisive) normalisations: a weighted local sum over all planes with the
/// normalised kernel (kernel / (Σ kernel · nInputPlane), a 1-D kernel used separably as its outer product), zero padded to keep the size,
/// and the same sum of ones (the border coefficients).</summary>
/// <remarks>Example: <c>var e = new LocalEstimator(3, torch.Tensor(9, 9).Fill(1));</c></remarks>
internal sealed class LocalEstimator : IDeclared
{
    /// <summary>The 2-D kernel applied to every plane. Example: <c>e.Kernel2D</c>.</summary>
    internal Tensor Kernel2D;
    /// <summary>The normalised kernel in its given shape (Lua's <c>kernel</c> field, which files hold). Example: <c>e.Kernel</c>.</summary>
    internal Tensor Kernel;
    int nInputPlane;

    public void Declare(Members m)
    {
        m.State(ref Kernel2D);
        m.State(ref Kernel);
        m.State(ref nInputPlane);
    }

    /// <summary>An estimator for <paramref name="nInputPlane"/> planes. Example: <c>new LocalEstimator(1, kernel)</c>.</summary>
    /// <remarks>As in Lua, a floating-point kernel is normalised in place (the caller's tensor changes); the divisive normalisation
    /// divides a 1-D kernel by Σ kernel · √nInputPlane instead, since it is applied twice. A kernel read from a file is already
    /// normalised (<paramref name="normalised"/>).</remarks>
    internal LocalEstimator(int nInputPlane, Tensor kernel, string owner, bool divisive = false, bool normalised = false)
    {
        if (kernel.Dim() is not (1 or 2)) throw new ArgumentException($"{owner}: averaging kernel must be 2D or 1D, got {kernel.SizeString()}");
        if (kernel.Size().Any(s => s % 2 == 0)) throw new ArgumentException($"{owner}: averaging kernel must have ODD dimensions, got {kernel.SizeString()}");
        this.nInputPlane = nInputPlane;
        double planes = divisive && kernel.Dim() == 1 ? Math.Sqrt(nInputPlane) : nInputPlane;
        using var sum = kernel.Raw.sum();
        using var divisor = sum.Mul(planes);
        using var k = normalised ? kernel.Raw.alias() : kernel.Raw.is_floating_point() ? kernel.Raw.div_(divisor).alias() : kernel.Raw.div(divisor);
        Kernel = ReferenceEquals(k, kernel.Raw) || kernel.Raw.is_floating_point() ? kernel : torch.Wrap(k.alias());
        Kernel2D = torch.Wrap(kernel.Dim() == 2 ? k.clone() : k.outer(k));
    }

    /// <summary>The local weighted sums of a B x C x H x W batch, replicated over the C planes.</summary>
    internal TS.Tensor Sums(TS.Tensor x)
    {
        long kh = Kernel2D.Size(1), kw = Kernel2D.Size(2);
        using var k = Kernel2D.Raw.to_type(x.dtype);
        using var w = k.expand(1, nInputPlane, kh, kw);
        using var padded = TS.nn.functional.pad(x, new long[] { kw / 2, kw / 2, kh / 2, kh / 2 });
        using var s = TS.nn.functional.conv2d(padded, w);
        return s.expand(x.size(0), nInputPlane, x.size(2), x.size(3));
    }

    /// <summary>The same sums over ones: how much of the kernel lies inside the image at each position.</summary>
    internal TS.Tensor Coefficients(TS.Tensor x)
    {
        using var ones = TS.ones(1, nInputPlane, x.size(2), x.size(3), x.dtype);
        using var c = Sums(ones);
        return c.expand(x.size(0), nInputPlane, x.size(2), x.size(3));
    }
}
