using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's construction and extraction functions (TensorMath group A) and the copies of reference §1.3
// (reshape, repeatTensor, split, chunk). The constructors return tensors of the default type.
public static partial class torch
{
    /// <summary>A new tensor of the default type and these sizes (none: empty), its allocation checked as <paramref name="fn"/>.</summary>
    static Tensor Sized(string fn, long[] size) => Wrap(Empty(fn, defaultType, defaultCuda, size.Length == 0 ? new long[] { 0 } : size));

    static TS.Device DefaultDevice => defaultCuda ? new TS.Device(TorchSharp.DeviceType.CUDA, cutorch.CurrentDevice) : TS.CPU;

    /// <summary>A tensor of the default type filled with zeros. Example: <c>torch.Zeros(3, 4)</c>.</summary>
    public static Tensor Zeros(params long[] size) => Sized("torch.Zeros", size).Zero();
    /// <summary>A tensor of the default type filled with ones. Example: <c>torch.Ones(3, 4)</c>.</summary>
    public static Tensor Ones(params long[] size) => Sized("torch.Ones", size).Fill(1);
    /// <summary>A tensor of the default type of samples of U(0, 1). Example: <c>torch.Rand(3, 4)</c>.</summary>
    public static Tensor Rand(params long[] size) => Tensor(size).Uniform();
    /// <summary>A tensor of the default type of samples of N(0, 1). Example: <c>torch.Randn(3, 4)</c>.</summary>
    public static Tensor Randn(params long[] size) => Tensor(size).Normal();
    /// <summary>A tensor of the default type of U(0, 1) samples drawn from <paramref name="gen"/>. Example: <c>torch.Rand(gen, 3, 4)</c>.</summary>
    public static Tensor Rand(Torch.Generator gen, params long[] size) => Tensor(size).Uniform(gen);
    /// <summary>A tensor of the default type of N(0, 1) samples drawn from <paramref name="gen"/>. Example: <c>torch.Randn(gen, 3, 4)</c>.</summary>
    public static Tensor Randn(Torch.Generator gen, params long[] size) => Tensor(size).Normal(gen);

    /// <summary>The values <paramref name="x"/>, x + step, ... up to <paramref name="y"/> inclusive: floor((y - x) / step) + 1 of them.
    /// Example: <c>torch.Range(2, 5)</c> is 2, 3, 4, 5; <c>torch.Range(2, 5, 1.2)</c> is 2, 3.2, 4.4.</summary>
    public static Tensor Range(double x, double y, double step = 1) => Tensor().Range(x, y, step);

    /// <summary><paramref name="n"/> equally spaced points from <paramref name="a"/> to <paramref name="b"/>. Example: <c>torch.Linspace(0, 1, 5)</c>.</summary>
    public static Tensor Linspace(double a, double b, long n = 100) => Tensor().Linspace(a, b, n);
    /// <summary><paramref name="n"/> points from 10^a to 10^b, equally spaced in log scale. Example: <c>torch.Logspace(0, 2, 3)</c> is 1, 10, 100.</summary>
    public static Tensor Logspace(double a, double b, long n = 100) => Tensor().Logspace(a, b, n);

    /// <summary>The <paramref name="n"/> x <paramref name="m"/> identity (m = n by default). Example: <c>torch.Eye(3)</c>.</summary>
    public static Tensor Eye(long n, long m = 0)
    {
        if (n <= 0 || m < 0) throw new ArgumentOutOfRangeException(nameof(n), $"torch.Eye: sizes {n} x {m} (expected positive)");
        CheckSize("torch.Eye", defaultType, n, m == 0 ? n : m);
        return Wrap(Native.LibtorchError.Call("torch.Eye", () => TS.eye(n, m == 0 ? n : m, defaultType, DefaultDevice)));
    }

    /// <summary>A random permutation of 1..<paramref name="n"/>, of the default type unless <paramref name="typeName"/> is given.
    /// Example: <c>torch.Randperm(5)</c>, <c>torch.Randperm(5, "torch.LongTensor")</c>.</summary>
    public static Tensor Randperm(long n, string? typeName = null) => Randperm(null, n, typeName);

    /// <summary>A random permutation of 1..<paramref name="n"/> drawn from <paramref name="gen"/> by TH's swaps (element i
    /// trades places with one of i..n chosen by the next word modulo n - i + 1). Example: <c>torch.Randperm(gen, 5)</c>.</summary>
    public static Tensor Randperm(Torch.Generator? gen, long n, string? typeName = null)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"torch.Randperm: n = {n} (expected 1 or more)");
        Empty("torch.Randperm", TS.ScalarType.Int64, false, new[] { n }).Dispose(); // libtorch's randperm crashes the process where memory fails
        var (type, cuda) = typeName is null ? (defaultType, defaultCuda) : TensorType.Parse(typeName);
        Tensor r;
        if (gen is null && LibtorchRandom)
        {
            using var p = TS.randperm(n, TS.ScalarType.Int64);
            using var one = p.Add(1);
            r = Wrap(one.to_type(type));
        }
        else
        {
            var g = Gen(gen);
            var perm = new double[n];
            for (long i = 0; i < n; i++) perm[i] = i;
            for (long i = 0; i < n - 1; i++)
            {
                long z = (long)(g.Next() % (ulong)(n - i));
                (perm[i], perm[z + i]) = (perm[z + i], perm[i]);
            }
            for (long i = 0; i < n; i++) perm[i] += 1;
            r = FromArray(perm, type, false);
        }
        return cuda ? r.Type(TensorType.Name(type, true)) : r;
    }

    /// <summary>For a 1-D <paramref name="x"/>: the square matrix with x on diagonal <paramref name="k"/>; for a 2-D x: its k-th diagonal as a vector.
    /// Example: <c>torch.Diag(torch.Ones(3))</c>.</summary>
    public static Tensor Diag(Tensor x, long k = 0) => x.Result(Torch.Tensor.DiagRaw(x, k));
    /// <summary>The lower triangle of a matrix (on and below diagonal <paramref name="k"/>), zeros elsewhere. Example: <c>torch.Tril(m)</c>.</summary>
    public static Tensor Tril(Tensor x, long k = 0) => x.Result(Torch.Tensor.TriRaw(x, k, upper: false));
    /// <summary>The upper triangle of a matrix (on and above diagonal <paramref name="k"/>), zeros elsewhere. Example: <c>torch.Triu(m, 1)</c>.</summary>
    public static Tensor Triu(Tensor x, long k = 0) => x.Result(Torch.Tensor.TriRaw(x, k, upper: true));
    /// <summary>A copy of <paramref name="x"/>'s elements with new sizes (Lua's <c>torch.reshape</c>; a copy, never a view). Example: <c>torch.Reshape(x, 2, 3)</c>.</summary>
    public static Tensor Reshape(Tensor x, params long[] size) => x.Result(Torch.Tensor.ReshapeRaw(x, size));

    /// <summary>Concatenates two tensors along <paramref name="dim"/> (default: the last dimension); empty tensors are skipped.
    /// Example: <c>torch.Cat(torch.Ones(3), torch.Zeros(2))</c>.</summary>
    public static Tensor Cat(Tensor x1, Tensor x2, int dim = -1) => Cat(new[] { x1, x2 }, dim);

    /// <summary>Concatenates tensors along <paramref name="dim"/> (default: the largest last dimension among them); empty tensors are skipped.
    /// Example: <c>torch.Cat(new[] { a, b, c }, 1)</c>.</summary>
    public static Tensor Cat(IEnumerable<Tensor> tensors, int dim = -1)
    {
        var all = tensors.ToArray();
        if (all.Length == 0) throw new ArgumentException("torch.Cat: expected at least one tensor");
        var r = all[0].New();
        return r.Cat(all, dim);
    }

    /// <summary>The histogram of <paramref name="x"/> in <paramref name="nbins"/> equal bins over [min, max] (the data's range when min == max).
    /// Example: <c>torch.Histc(x, 10)</c>.</summary>
    public static Tensor Histc(Tensor x, long nbins = 100, double min = 0, double max = 0) => x.Result(Torch.Tensor.HistcRaw(x, nbins, min, max));
    /// <summary>The histogram of each row of a 2-D <paramref name="x"/> (bins over the whole tensor's range when min == max).
    /// Example: <c>torch.Bhistc(x, 5, 1, 5)</c>.</summary>
    public static Tensor Bhistc(Tensor x, long nbins = 100, double min = 0, double max = 0) => x.Result(Torch.Tensor.BhistcRaw(x, nbins, min, max));

    /// <summary>Fills <paramref name="x"/> with <paramref name="value"/> and returns it (Lua's <c>torch.fill(x, v)</c>). Example: <c>torch.Fill(x, 1)</c>.</summary>
    public static Tensor Fill(Tensor x, double value) => x.Fill(value);
    /// <summary>Fills <paramref name="x"/> with zeros and returns it. Example: <c>torch.Zero(x)</c>.</summary>
    public static Tensor Zero(Tensor x) => x.Zero();
    /// <summary>A view of <paramref name="x"/> without its singleton dimensions (Lua returns a number for a 1-element result; here it stays a
    /// 1-element tensor: read it with <c>x[1]</c>). Example: <c>torch.Squeeze(x)</c>.</summary>
    public static Tensor Squeeze(Tensor x) => x.Squeeze();
    /// <summary>A view of <paramref name="x"/> without dimension <paramref name="dim"/> if it is a singleton. Example: <c>torch.Squeeze(x, 2)</c>.</summary>
    public static Tensor Squeeze(Tensor x, int dim) => x.Squeeze(dim);
    /// <summary><paramref name="x"/> repeated <paramref name="sizes"/> times along each dimension (a copy). Example: <c>torch.RepeatTensor(x, 2, 2)</c>.</summary>
    public static Tensor RepeatTensor(Tensor x, params long[] sizes) => x.RepeatTensor(sizes);
    /// <summary>Views of <paramref name="x"/> of <paramref name="size"/> slices along <paramref name="dim"/> (the last may be smaller); Lua returns a table, here an array.
    /// Example: <c>Tensor[] parts = torch.Split(x, 2);</c></summary>
    public static Tensor[] Split(Tensor x, long size, int dim = 1) => x.Split(size, dim);
    /// <summary><paramref name="n"/> views of <paramref name="x"/> along <paramref name="dim"/> of ceil(size/n) slices each (fewer when it does not divide).
    /// Example: <c>Tensor[] parts = torch.Chunk(x, 3);</c></summary>
    public static Tensor[] Chunk(Tensor x, long n, int dim = 1) => x.Chunk(n, dim);
}

public sealed partial class Tensor
{
    /// <summary>Resizes this tensor to <paramref name="size"/> and fills it with zeros (Lua's <c>x:zeros(3, 4)</c>). Example: <c>x.Zeros(3, 4)</c>.</summary>
    public Tensor Zeros(params long[] size) => Resize(size).Zero();
    /// <summary>Resizes this tensor to <paramref name="size"/> and fills it with ones. Example: <c>x.Ones(3, 4)</c>.</summary>
    public Tensor Ones(params long[] size) => Resize(size).Fill(1);

    /// <summary>Fills this tensor (resized) with x, x + step, ... up to y inclusive (Lua's <c>x:range(a, b, step)</c>). Example: <c>t.Range(1, 4)</c>.</summary>
    public Tensor Range(double x, double y, double step = 1)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y) || !double.IsFinite(step))
            throw new ArgumentOutOfRangeException(nameof(step), $"torch.Range: expected finite bounds and step, got {x}, {y}, {step}");
        if (step == 0) throw new ArgumentOutOfRangeException(nameof(step), "torch.Range: step must be non-zero");
        if ((step > 0 && x > y) || (step < 0 && x < y))
            throw new ArgumentException($"torch.Range: upper bound {y} and lower bound {x} incoherent with step sign {step}");
        double count = Math.Floor((y - x) / step) + 1;
        if (count > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(step), $"torch.Range: {count} elements is too many");
        return Into(Steps((long)count, x, step));
    }

    /// <summary>Fills this tensor (resized to n) with n points from a to b. Example: <c>t.Linspace(0, 1, 11)</c>.</summary>
    public Tensor Linspace(double a, double b, long n = 100)
    {
        CheckPoints("Linspace", a, b, n);
        return Into(Points(a, b, n));
    }

    /// <summary>Fills this tensor (resized to n) with n points from 10^a to 10^b. Example: <c>t.Logspace(0, 2, 3)</c>.</summary>
    public Tensor Logspace(double a, double b, long n = 100)
    {
        CheckPoints("Logspace", a, b, n);
        using var e = Points(a, b, n);
        using var ten = TS.tensor(10.0, e.dtype);
        return Into(ten.pow(e));
    }

    static void CheckPoints(string fn, double a, double b, long n)
    {
        if (n < 1 || (n == 1 && a != b))
            throw new ArgumentOutOfRangeException(nameof(n), $"torch.{fn}: invalid number of points {n} (expected 2 or more, or 1 when both ends are equal)");
        torch.Empty("torch." + fn, TS.ScalarType.Float64, false, new[] { n }).Dispose(); // arange's own failure would be libtorch's raw text
    }

    /// <summary>TH's points a + i*(b-a)/(n-1) (just a when n is 1), in this tensor's precision (Float stays float, as TH computes them).</summary>
    TT Points(double a, double b, long n)
    {
        var type = ScalarType == TS.ScalarType.Float32 ? TS.ScalarType.Float32 : TS.ScalarType.Float64;
        if (n == 1)
            return KeptScalars.Full(new long[] { 1 }, a, type);
        double width = type == TS.ScalarType.Float32 ? (float)b - (float)a : b - a;
        using var i = TS.arange(0, n, 1, type);
        using var scaled = i.Mul(width);
        using var divided = scaled.Div(n - 1);
        return divided.Add(a);
    }

    /// <summary>start + i * step for i = 0..n-1, in double.</summary>
    static TT Steps(long n, double start, double step)
    {
        using var i = TS.arange(0, n, 1, TS.ScalarType.Float64);
        using var scaled = i.Mul(step);
        return scaled.Add(start);
    }

    internal static TT DiagRaw(Tensor x, long k)
    {
        if (x.Dim() != 1 && x.Dim() != 2) throw new ArgumentException($"torch.Diag: expected a 1-D or 2-D tensor, got {x.Dim()} dimensions");
        if (x.Dim() == 2 && (k >= x.Sizes[1] || -k >= x.Sizes[0]))
            throw new ArgumentOutOfRangeException(nameof(k), $"torch.Diag: diagonal {k} out of range for a {x.SizeString()} matrix");
        if (x.Dim() == 1)
        {
            long n = (long)Int128.Min(x.Sizes[0] + Int128.Abs(k), long.MaxValue);
            torch.CheckSize("torch.Diag", x.ScalarType, n, n);
        }
        return x.Raw.diag(k);
    }

    internal static TT TriRaw(Tensor x, long k, bool upper)
    {
        x.NeedDim(2, upper ? "torch.Triu" : "torch.Tril", "the matrix");
        return upper ? x.Raw.triu(k) : x.Raw.tril(k);
    }

    internal static TT ReshapeRaw(Tensor x, long[] size)
    {
        long n = size.Aggregate(1L, (a, b) => a * b);
        if (size.Any(s => s < 0) || n != x.NElement())
            throw new ArgumentException($"torch.Reshape: cannot reshape {x.NElement()} elements ({x.SizeString()}) to {string.Join("x", size)}");
        using var c = x.Raw.contiguous();
        using var shaped = c.reshape(size);
        return shaped.clone();
    }

    /// <summary>Stores a copy of <paramref name="src"/> with new sizes into this tensor (Lua's <c>y:reshape(x, 2, 3)</c>). Example: <c>y.Reshape(x, 2, 3)</c>.</summary>
    public Tensor Reshape(Tensor src, params long[] size) => Into(ReshapeRaw(src, size));

    /// <summary>Stores the concatenation of <paramref name="tensors"/> along <paramref name="dim"/> into this tensor (default: the largest last dimension).
    /// Example: <c>r.Cat(new[] { a, b }, 1)</c>.</summary>
    public Tensor Cat(IEnumerable<Tensor> tensors, int dim = -1)
    {
        var parts = tensors.Where(t => t.NElement() > 0).ToArray();
        if (parts.Length == 0) return Resize(0);
        int d = dim == -1 ? parts.Max(t => t.Dim()) - 1 : dim - 1;
        int dims = Math.Max(parts.Max(t => t.Dim()), d + 1);
        if (d < 0 || d >= dims)
            throw new ArgumentOutOfRangeException(nameof(dim), $"torch.Cat: dimension {dim} out of range (expected 1..{dims})");
        long[] Padded(Tensor t) => t.Sizes.Concat(Enumerable.Repeat(1L, dims - t.Dim())).ToArray();
        var first = Padded(parts[0]);
        var shaped = new TT[parts.Length];
        try
        {
            for (int i = 0; i < parts.Length; i++)
            {
                var sz = Padded(parts[i]);
                for (int k = 0; k < dims; k++)
                    if (k != d && sz[k] != first[k])
                        throw new ArgumentException($"torch.Cat: inconsistent sizes {parts[0].SizeString()} and {parts[i].SizeString()} outside dimension {d + 1}");
                using var r = parts[i].Raw.reshape(sz);
                shaped[i] = r.to_type(parts[0].ScalarType);
            }
            return Into(TS.cat(shaped, d));
        }
        finally
        {
            foreach (var t in shaped) t?.Dispose();
        }
    }

    internal static TT HistcRaw(Tensor x, long nbins, double min, double max)
    {
        x.Need(Kind.Floating, "torch.Histc");
        using var h = Histogram(x.ToArray(), nbins, x.HistogramRange(min, max), x.RealRounding(), "torch.Histc");
        return h.to_type(x.ScalarType);
    }

    internal static TT BhistcRaw(Tensor x, long nbins, double min, double max)
    {
        x.Need(Kind.Floating, "torch.Bhistc").NeedDim(2, "torch.Bhistc", "the input");
        var range = x.HistogramRange(min, max);
        if (nbins <= 0 || nbins > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(nbins), $"torch.Bhistc: {nbins} bins (expected 1..{Array.MaxLength})");
        if (x.Sizes[0] == 0) return TS.zeros(new long[] { 0, nbins }, x.ScalarType);
        var rows = new TT[x.Sizes[0]];
        try
        {
            for (int i = 0; i < rows.Length; i++)
            {
                using var row = x.Select(1, i + 1);
                rows[i] = Histogram(row.ToArray(), nbins, range, x.RealRounding(), "torch.Bhistc");
            }
            using var all = TS.stack(rows, 0);
            return all.to_type(x.ScalarType);
        }
        finally { foreach (var r in rows) r?.Dispose(); }
    }

    /// <summary>Torch7's histogram range: [min, max] if they differ, else the data's range, widened by 1 on each side when flat.</summary>
    (double Min, double Max) HistogramRange(double min, double max)
    {
        var real = RealRounding();
        (min, max) = (real(min), real(max));
        if (min == max && NElement() > 0) { min = Min(); max = Max(); }
        if (min == max) { min = real(min - 1); max = real(max + 1); }
        return (min, max);
    }

    /// <summary>Rounds a double to this tensor's element precision: TH computes a FloatTensor's histogram in float.</summary>
    Func<double, double> RealRounding() => ScalarType == TS.ScalarType.Float32 ? v => (float)v : v => v;

    /// <summary>TH's binning: (int)((x - min) / (max - min) * nbins), the maximum going to the last bin; values outside [min, max] are skipped.</summary>
    static TT Histogram(double[] values, long nbins, (double Min, double Max) range, Func<double, double> real, string fn)
    {
        if (nbins <= 0 || nbins > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(nbins), $"{fn}: {nbins} bins (expected 1..{Array.MaxLength})");
        var h = new double[nbins];
        var (lo, hi) = range;
        foreach (var v in values)
        {
            if (v < lo || v > hi) continue;
            long bin = (long)real(real(real(v - lo) / real(hi - lo)) * nbins);
            h[Math.Min(bin, nbins - 1)] += 1;
        }
        return TS.tensor(h, TS.ScalarType.Float64);
    }

    /// <summary>A copy of this tensor repeated <paramref name="sizes"/> times along each dimension (more sizes than dimensions add leading ones).
    /// Example: <c>x.RepeatTensor(2, 3)</c>.</summary>
    public Tensor RepeatTensor(params long[] sizes)
    {
        if (sizes.Length < Dim())
            throw new ArgumentException($"RepeatTensor: {sizes.Length} repetitions for a {Dim()}-dimensional tensor (expected at least {Dim()})");
        if (sizes.Any(s => s < 0)) throw new ArgumentOutOfRangeException(nameof(sizes), "RepeatTensor: repetitions must be 0 or more");
        if (Dim() == 0) return New();
        var result = sizes.Select((s, i) => (long)Int128.Min((Int128)s * (i < sizes.Length - Dim() ? 1 : Sizes[i - (sizes.Length - Dim())]), long.MaxValue)).ToArray();
        torch.CheckSize("RepeatTensor", ScalarType, result);
        return Result(Native.LibtorchError.Call("RepeatTensor", () => Raw.repeat(sizes)));
    }

    /// <summary>Views of <paramref name="size"/> slices along <paramref name="dim"/> (the last may be smaller), sharing storage; Lua's table becomes an array.
    /// Example: <c>Tensor[] parts = x.Split(2);</c></summary>
    public Tensor[] Split(long size, int dim = 1)
    {
        int d = CheckDim(dim, "Split");
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), $"Split: size {size} (expected 1 or more)");
        long n = Sizes[d];
        var parts = new List<Tensor>();
        for (long start = 1; start <= n; start += size) parts.Add(Narrow(dim, start, Math.Min(size, n - start + 1)));
        return parts.ToArray();
    }

    /// <summary><paramref name="n"/> views along <paramref name="dim"/> of ceil(size/n) slices each (fewer when it does not divide), sharing storage.
    /// Example: <c>Tensor[] parts = x.Chunk(3);</c></summary>
    public Tensor[] Chunk(long n, int dim = 1)
    {
        int d = CheckDim(dim, "Chunk");
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"Chunk: {n} chunks (expected 1 or more)");
        return Split((long)Math.Ceiling(Sizes[d] / (double)n), dim);
    }

    /// <summary>Stores the diagonal (2-D source) or diagonal matrix (1-D source) of <paramref name="src"/> into this tensor. Example: <c>r.Diag(x)</c>.</summary>
    public Tensor Diag(Tensor src, long k = 0) => Into(DiagRaw(src, k));
    /// <summary>Stores the lower triangle of <paramref name="src"/> into this tensor. Example: <c>r.Tril(m)</c>.</summary>
    public Tensor Tril(Tensor src, long k = 0) => Into(TriRaw(src, k, upper: false));
    /// <summary>Stores the upper triangle of <paramref name="src"/> into this tensor. Example: <c>r.Triu(m)</c>.</summary>
    public Tensor Triu(Tensor src, long k = 0) => Into(TriRaw(src, k, upper: true));
}
