using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn.Tests;

/// <summary>Double convolutions, and float ones where libtorch's oneDNN is off, on shapes where SpatialConvolution takes Torch7's own route (per-sample unfold + OpenBLAS,
/// Internal/ConvMM.cs) against Torch7's results (Fixtures/convmm/convmm.lua): forward, backward with a scale, gradients
/// accumulated over two backwards, stride with an odd size, dilation without bias, a single sample; and SpatialFullConvolution
/// likewise (with an output adjustment).</summary>
public class ConvMMTests
{
    static string Dir => Path.Combine(Processes.RepoRoot(), "tests", "Torch.Nn.Tests", "Fixtures", "convmm");

    /// <summary>The fixture's values: ((i a) mod m - c) / d for the 1-based index i (exact in double).</summary>
    static Tensor Fill(Tensor t, int a, int m, int c, int d)
    {
        var flat = t.View(t.NElement());
        for (long i = 1; i <= flat.NElement(); i++) flat[i] = ((i * a) % m - c) / (double)d;
        return t;
    }

    static (Module Module, long[] Input, double Scale, int Backwards) Case(string name) => name switch
    {
        "same" => (nn.SpatialConvolution(32, 32, 3, 3, 1, 1, 1, 1), new long[] { 2, 32, 8, 8 }, 1, 1),
        "strided" => (nn.SpatialConvolution(32, 40, 3, 3, 2, 2, 1, 1), new long[] { 2, 32, 15, 15 }, 0.5, 2),
        "dilated" => (nn.SpatialDilatedConvolution(32, 32, 3, 3, 1, 1, 2, 2, 2, 2).NoBias(), new long[] { 32, 10, 10 }, 1, 1),
        "full" => (nn.SpatialFullConvolution(32, 32, 4, 4, 2, 2, 1, 1), new long[] { 1, 32, 8, 8 }, 0.5, 2),
        "floatstrided" => (nn.SpatialConvolution(16, 32, 3, 3, 2, 2, 1, 1), new long[] { 2, 16, 32, 32 }, 0.5, 2),
        "floatfull" => (nn.SpatialFullConvolution(64, 16, 4, 4, 2, 2, 1, 1), new long[] { 1, 64, 16, 16 }, 1, 1),
        _ => (nn.SpatialFullConvolution(40, 32, 3, 3, 2, 2, 1, 1, 1, 1).NoBias(), new long[] { 40, 8, 8 }, 1, 1),
    };

    static void Same(Tensor got, Tensor expected, string what, double tol = 1e-12)
    {
        got.Size().Should().Equal(expected.Size(), what);
        var (a, b) = (got.ToArray(), expected.ToArray());
        for (int i = 0; i < a.Length; i++) a[i].Should().BeApproximately(b[i], tol * Math.Max(1, Math.Abs(b[i])), $"{what} element {i + 1}");
    }

    [Theory]
    [InlineData("same")]
    [InlineData("strided")]
    [InlineData("dilated")]
    [InlineData("full")]
    [InlineData("fulladj")]
    [InlineData("floatstrided", "torch.FloatTensor")]
    [InlineData("floatfull", "torch.FloatTensor")]
    public void ConvolutionGivesTorch7sOutputAndGradients(string name, string type = "torch.DoubleTensor")
    {
        bool single = type == "torch.FloatTensor";
        // float: Torch7's bits where the route is taken (OpenBLAS present, libtorch's oneDNN off); libtorch's kernels agree to 2e-6
        double tol = !single ? 1e-12 : ConvMM.Available && Torch.Native.OneDnn.TurnedOff ? 0 : 2e-6;
        string saved = torch.GetDefaultTensorType();
        torch.SetDefaultTensorType(type);
        try
        {
            var (m, size, scale, backwards) = Case(name);
            Fill(m.Weight!, 53, 97, 48, 512);
            if (m.Bias is not null) Fill(m.Bias, 7, 13, 6, 16);
            m.ZeroGradParameters();
            var x = Fill(torch.Tensor(size), 37, 101, 50, 64);
            var expected = torch.Load<Table>(Path.Combine(Dir, name + ".t7"));
            var y = m.Forward(x).AsTensor.Clone();
            Same(y, expected["output"], "output", tol);
            var go = Fill(y.Clone(), 29, 89, 44, 128);
            Tensor gi = null!;
            for (int k = 0; k < backwards; k++) gi = m.Backward(x, go, scale).AsTensor.Clone();
            Same(gi, expected["gradInput"], "gradInput", tol);
            Same(m.GradWeight!, expected["gradWeight"], "gradWeight", tol);
            if (m.Bias is not null) Same(m.GradBias!, expected["gradBias"], "gradBias", tol);

            // without OpenBLAS (or, in float, with oneDNN on) the module took libtorch's route, checked above all the same
            if (!ConvMM.Available || (single && !Torch.Native.OneDnn.TurnedOff)) return;
            // the route this test is about was the one taken: each of its three steps accepts these shapes
            using var xb = x.Dim() == 3 ? x.Raw.unsqueeze(0) : x.Raw.alias();
            using var gb = go.Dim() == 3 ? go.Raw.unsqueeze(0) : go.Raw.alias();
            using var w = m.Weight!.Raw.alias();
            using var gw = TS.zeros_like(w);
            var (kw, kh, dw, dh, pw, ph) = m is Window2D win ? (win.KW, win.KH, win.DW, win.DH, win.PadW, win.PadH) : default;
            int dil = name == "dilated" ? 2 : 1;
            var mm = new ConvMM(kh, kw, dh, dw, ph, pw, dil, dil);
            bool full = m is SpatialFullConvolution;
            // a transposed convolution runs the convolution it transposes backwards: its forward is that one's gradInput
            using (var f = full ? mm.GradInput(xb, gb.shape, w) : mm.Forward(xb, w, m.Bias?.Raw)) f.Should().NotBeNull();
            using (var g = full ? mm.Forward(gb, w, null) : mm.GradInput(gb, xb.shape, w)) g.Should().NotBeNull();
            (full ? mm.AccGradParameters(xb, gb, gw, null, 1) : mm.AccGradParameters(gb, xb, gw, null, 1)).Should().BeTrue();
        }
        finally { torch.SetDefaultTensorType(saved); }
    }

    /// <summary>In float, where libtorch's oneDNN is off (Native/OneDnn.cs), the strided and the transposed layers of dcgan and
    /// ResNet take the route; their output and gradients against the same module in double (the nearer truth), after two
    /// backwards with a scale.</summary>
    [SkippableTheory]
    [InlineData("conv")]
    [InlineData("full")]
    public void Float_convolution_on_the_route_agrees_with_double(string kind)
    {
        var (m, size) = kind == "conv"
            ? ((Module)nn.SpatialConvolution(16, 32, 3, 3, 2, 2, 1, 1), new long[] { 4, 16, 32, 32 })
            : (nn.SpatialFullConvolution(64, 16, 4, 4, 2, 2, 1, 1), new long[] { 2, 64, 16, 16 });
        m.Float();
        var md = m.Clone().Double();
        var x = torch.FloatTensor(size).Uniform(-1, 1);
        var y = m.Forward(x).AsTensor;
        var yd = md.Forward(x.Double()).AsTensor;
        var go = y.Clone().Uniform(-1, 1);
        Tensor gi = null!, gid = null!;
        for (int k = 0; k < 2; k++)
        {
            gi = m.Backward(x, go, 0.5).AsTensor;
            gid = md.Backward(x.Double(), go.Double(), 0.5).AsTensor;
        }
        static void Near(Tensor f, Tensor d, string what)
        {
            double scale = d.Clone().Abs().Max();
            (f.Double() - d).Abs().Max().Should().BeLessThan(2e-6 * scale, what);
        }
        Near(y, yd, "output");
        Near(gi, gid, "gradInput");
        Near(m.GradWeight!, md.GradWeight!, "gradWeight");
        Near(m.GradBias!, md.GradBias!, "gradBias");

        Skip.IfNot(ConvMM.Available && Torch.Native.OneDnn.TurnedOff, "the route is taken in float only with OpenBLAS and oneDNN off");
        using var xb = x.Raw.alias();
        using var gb = go.Raw.alias();
        using var w = m.Weight!.Raw.alias();
        using var gw = TS.zeros_like(w);
        var mm = new ConvMM(kind == "conv" ? 3 : 4, kind == "conv" ? 3 : 4, 2, 2, 1, 1);
        if (kind == "conv")
        {
            using (var f = mm.Forward(xb, w, null)) f.Should().NotBeNull("the forward takes the route");
            using (var g = mm.GradInput(gb, xb.shape, w)) g.Should().NotBeNull("gradInput takes the route");
            mm.AccGradParameters(gb, xb, gw, null, 1).Should().BeTrue("the weight gradient takes the route");
        }
        else
        {
            using (var f = mm.GradInput(xb, gb.shape, w)) f.Should().NotBeNull("the forward takes the route");
            using (var g = mm.Forward(gb, w, null)) g.Should().NotBeNull("gradInput takes the route");
        }
    }

    [Theory]
    [InlineData("torch.DoubleTensor")]
    [InlineData("torch.FloatTensor")]
    public void A_transposed_convolution_with_no_output_is_refused_naming_the_module_in_either_type(string type)
    {
        var m = nn.SpatialFullConvolution(32, 32, 3, 3, 1, 1, 5, 5).Type(type);
        var act = () => m.Forward(torch.Tensor(1, 32, 2, 2).Type(type));
        act.Should().Throw<ArgumentException>().WithMessage("nn.SpatialFullConvolution(32 -> 32, 3x3, 1,1, 5,5): *Output size is too small*");
    }
}
