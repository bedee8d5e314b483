using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Tests;

/// <summary>The products the nn layers hand to Torch7's BLAS (OpenBLAS) against libtorch's own <c>mm</c>, in every layout a
/// layer can pass (transposed views, slices with a longer leading dimension, single rows and columns), and the layouts it must
/// refuse so that libtorch takes them.</summary>
public class OpenBlasTests
{
    static TT Rand(TS.ScalarType type, params long[] size) => TS.rand(size, type) - 0.5;

    /// <summary>A rows x cols view of fresh memory in the named layout: "row", "col" (a transposed view), "slice" (a row-major
    /// block of a wider matrix, so its leading dimension exceeds its width).</summary>
    static TT Lay(TT m, string layout) => layout switch
    {
        "row" => m.clone(),
        "col" => TS.empty(m.size(1), m.size(0), m.dtype).copy_(m.t()).t(),
        "slice" => TS.cat(new[] { m, TS.zeros(m.size(0), 3, m.dtype) }, 1).narrow(1, 0, m.size(1)),
        _ => throw new ArgumentException(layout),
    };

    [SkippableTheory]
    [InlineData(TS.ScalarType.Float64, 1e-13)]
    [InlineData(TS.ScalarType.Float32, 1e-5)]
    public void Every_layout_gives_libtorchs_product(TS.ScalarType type, double tol)
    {
        Skip.IfNot(Blas.Available, "OpenBLAS (libopenblas0) is not installed: the layers use libtorch's products (covered elsewhere)");
        var layouts = new[] { "row", "col", "slice" };
        foreach (var (m, k, n) in new[] { (5L, 7L, 3L), (1L, 7L, 4L), (6L, 1L, 3L), (4L, 6L, 1L), (50L, 65L, 512L) })
            foreach (var lc in layouts)
                foreach (var la in layouts)
                    foreach (var lb in layouts)
                    {
                        var a = Lay(Rand(type, m, k), la);
                        var b = Lay(Rand(type, k, n), lb);
                        var c0 = Rand(type, m, n);
                        var c = Lay(c0, lc);
                        Blas.TryGemm(c, a, b, 0.5, 2.0).Should().BeTrue($"{m}x{k}x{n}, c {lc}, a {la}, b {lb}");
                        var want = c0 * 0.5 + a.mm(b) * 2.0;
                        (c - want).abs().max().to(TS.ScalarType.Float64).item<double>().Should().BeLessThan(tol * System.Math.Max(1, k), $"{m}x{k}x{n}, c {lc}, a {la}, b {lb}");
                    }
    }

    [SkippableTheory]
    [InlineData(TS.ScalarType.Float64, 1e-13)]
    [InlineData(TS.ScalarType.Float32, 1e-5)]
    public void Matrix_vector_products_in_every_layout_give_libtorchs(TS.ScalarType type, double tol)
    {
        Skip.IfNot(Blas.Available, "OpenBLAS is not installed");
        foreach (var (m, n) in new[] { (5L, 7L), (1L, 6L), (6L, 1L), (512L, 50L) })
            foreach (var la in new[] { "row", "col", "slice" })
                foreach (int step in new[] { 1, 2 })
                {
                    var a = Lay(Rand(type, m, n), la);
                    var x = Rand(type, n * step).slice(0, 0, n * step, step);
                    var y0 = Rand(type, m * step);
                    var y = y0.clone().slice(0, 0, m * step, step);
                    Blas.TryGemv(y, a, x, 0.5, 2.0).Should().BeTrue($"{m}x{n}, a {la}, step {step}");
                    var want = y0.slice(0, 0, m * step, step) * 0.5 + a.mv(x) * 2.0;
                    (y - want).abs().max().to(TS.ScalarType.Float64).item<double>().Should().BeLessThan(tol * System.Math.Max(1, n), $"{m}x{n}, a {la}, step {step}");
                }
        var v = Rand(TS.ScalarType.Float64, 4);
        Blas.TryGemv(v, Rand(TS.ScalarType.Float64, 4, 4), v, 0, 1).Should().BeFalse("the result overlaps an operand");
        Blas.TryGemv(TS.zeros(3, TS.ScalarType.Float64), Rand(TS.ScalarType.Float64, 3, 4), TS.ones(1, TS.ScalarType.Float64).expand(4), 0, 1)
            .Should().BeFalse("a zero stride");
    }

    [SkippableFact]
    public void Beta_zero_does_not_read_the_result_and_a_scale_is_taken_in_double()
    {
        Skip.IfNot(Blas.Available, "OpenBLAS is not installed");
        var a = Rand(TS.ScalarType.Float64, 3, 4);
        var b = Rand(TS.ScalarType.Float64, 4, 2);
        var c = TS.full(3, 2, double.NaN, TS.ScalarType.Float64);
        Blas.TryGemm(c, a, b, 0, 0.1).Should().BeTrue();
        // 0.1 is not a float: a product scaled by (float)0.1 would differ in the 8th digit
        (c - a.mm(b) * 0.1).abs().max().item<double>().Should().BeLessThan(1e-15);
    }

    [SkippableFact]
    public void Layouts_BLAS_cannot_take_are_refused_and_left_untouched()
    {
        Skip.IfNot(Blas.Available, "OpenBLAS is not installed");
        var a = Rand(TS.ScalarType.Float64, 4, 4);
        var before = a.clone();
        Blas.TryGemm(a, a.narrow(1, 0, 4), Rand(TS.ScalarType.Float64, 4, 4), 1, 1).Should().BeFalse("the result overlaps an operand");
        var expanded = TS.ones(1, 4, TS.ScalarType.Float64).expand(3, 4);
        Blas.TryGemm(TS.zeros(3, 2, TS.ScalarType.Float64), expanded, Rand(TS.ScalarType.Float64, 4, 2), 0, 1).Should().BeFalse("a zero stride");
        var strided = Rand(TS.ScalarType.Float64, 4, 8).narrow(1, 0, 8).slice(1, 0, 8, 2);
        Blas.TryGemm(TS.zeros(4, 2, TS.ScalarType.Float64), strided, Rand(TS.ScalarType.Float64, 4, 2), 0, 1).Should().BeFalse("no unit stride");
        Blas.TryGemm(TS.zeros(2, 2, TS.ScalarType.Int64), TS.ones(2, 2, TS.ScalarType.Int64), TS.ones(2, 2, TS.ScalarType.Int64), 0, 1)
            .Should().BeFalse("integers are libtorch's");
        Blas.TryGemm(TS.zeros(2, 2, TS.ScalarType.Float32), Rand(TS.ScalarType.Float64, 2, 2), Rand(TS.ScalarType.Float64, 2, 2), 0, 1)
            .Should().BeFalse("mixed types");
        Blas.TryGemm(TS.zeros(2, 0, TS.ScalarType.Float64), Rand(TS.ScalarType.Float64, 2, 3), TS.zeros(3, 0, TS.ScalarType.Float64), 0, 1)
            .Should().BeFalse("empty products are libtorch's");
        a.equal(before).all().item<bool>().Should().BeTrue();
    }

    [SkippableFact]
    public void Threads_calling_it_at_once_each_get_their_own_product()
    {
        // Hogwild workers and donkeys call the layers from several threads at once, as Torch7's threads call its OpenBLAS
        Skip.IfNot(Blas.Available, "OpenBLAS is not installed");
        var errors = new double[4];
        var threads = Enumerable.Range(0, 4).Select(w => new Thread(() =>
        {
            var a = Rand(TS.ScalarType.Float64, 64, 96);
            var b = Rand(TS.ScalarType.Float64, 96, 80);
            var want = a.mm(b);
            var c = TS.empty(64, 80, TS.ScalarType.Float64);
            for (int i = 0; i < 200; i++)
            {
                Blas.TryGemm(c, a, b, 0, 1);
                errors[w] = System.Math.Max(errors[w], (c - want).abs().max().item<double>());
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        errors.Should().OnlyContain(e => e < 1e-12);
    }

    [SkippableFact]
    public void Switched_off_it_declines_everything()
    {
        Skip.IfNot(Blas.Available, "OpenBLAS is not installed");
        try
        {
            Blas.Enabled = false;
            Blas.TryGemm(TS.zeros(2, 2, TS.ScalarType.Float64), Rand(TS.ScalarType.Float64, 2, 2), Rand(TS.ScalarType.Float64, 2, 2), 0, 1)
                .Should().BeFalse();
        }
        finally { Blas.Enabled = true; }
    }
}
