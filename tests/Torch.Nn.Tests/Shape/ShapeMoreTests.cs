namespace Torch.Nn.Tests;

/// <summary>More shape layers checked against torch/nn's (and dpnn's) Lua sources; expected values are worked out by hand from the Lua
/// code.</summary>
public class ShapeMoreTests
{
    [Fact]
    public void CopyDecidesPassThroughAtConstruction()
    {
        // Copy.lua: the types default to torch.Tensor's; only "not forceCopy and intype == outtype" passes the input through
        var x = torch.Tensor(new[] { 1.0, 2 });
        var c = nn.Copy("torch.FloatTensor", "torch.DoubleTensor");
        var y = c.Forward(x).AsTensor;
        ReferenceEquals(y, x).Should().BeFalse();
        y.Type().Should().Be("torch.DoubleTensor");
        Check.Close(y, new[] { 1.0, 2 }, 0);
        var g = c.Backward(x, x).AsTensor;
        g.Type().Should().Be("torch.FloatTensor");
        Check.Close(g, new[] { 1.0, 2 }, 0);
        ReferenceEquals(c.Forward(x).AsTensor, y).Should().BeTrue(); // Lua reuses its output buffer

        var same = nn.Copy();
        (same.InputType, same.OutputType).Should().Be(("torch.DoubleTensor", "torch.DoubleTensor"));
        var f = torch.FloatTensor(2);
        ReferenceEquals(same.Forward(f).AsTensor, f).Should().BeTrue(); // passes even a FloatTensor through
        ReferenceEquals(nn.Copy(null, null, forceCopy: true).Forward(x).AsTensor, x).Should().BeFalse();
    }

    [Fact]
    public void OneHotTakesANumberAndGivesAModuleTypedGradient()
    {
        // dpnn OneHot.lua: a number gives an output of size outputSize and a gradient of 0; gradInput is the module's type
        var m = nn.OneHot(4);
        Check.Close(m.Forward(3.0).AsTensor, new[] { 0.0, 0, 1, 0 }, 0);
        m.Output.AsTensor.Size().Should().Equal(4L);
        m.UpdateGradInput(3.0, torch.Tensor(4)).IsNumber.Should().BeTrue();
        var x = torch.LongTensor(new[] { 2.0, 1 });
        Check.Close(m.Forward(x).AsTensor, new[] { 0.0, 1, 0, 0, 1, 0, 0, 0 }, 0);
        var gi = m.Backward(x, torch.Tensor(2, 4)).AsTensor;
        gi.Type().Should().Be("torch.DoubleTensor");
        Check.Close(gi, new[] { 0.0, 0 }, 0);
        m.Type("torch.FloatTensor");
        m.Forward(x).AsTensor.Type().Should().Be("torch.FloatTensor");
        m.Backward(x, torch.FloatTensor(2, 4)).AsTensor.Type().Should().Be("torch.FloatTensor");
    }

    [Fact]
    public void MMAndMVRaiseLuasAssertsOnMinibatchMismatch()
    {
        // MM.lua / MV.lua: assert(a:size(1) == b:size(1), 'inputs must contain the same number of minibatches')
        FluentActions.Invoking(() => nn.MM().Forward(new Table(torch.Tensor(2, 3, 4), torch.Tensor(1, 4, 5))))
            .Should().Throw<ArgumentException>().WithMessage("nn.MM: inputs must contain the same number of minibatches*2x3x4*1x4x5*");
        FluentActions.Invoking(() => nn.MV().Forward(new Table(torch.Tensor(2, 3, 4), torch.Tensor(1, 4))))
            .Should().Throw<ArgumentException>().WithMessage("nn.MV: inputs must contain the same number of minibatches*");
        FluentActions.Invoking(() => nn.MM().Forward(new Table(torch.Tensor(3, 4), torch.Tensor(2, 4, 5))))
            .Should().Throw<ArgumentException>().WithMessage("nn.MM: second input tensor must be 2D*");
        FluentActions.Invoking(() => nn.MV().Forward(new Table(torch.Tensor(2, 3, 4), torch.Tensor(4))))
            .Should().Throw<ArgumentException>().WithMessage("nn.MV: vector must be 2D (batch dimension)*");
        FluentActions.Invoking(() => nn.MV(true).Forward(new Table(torch.Tensor(3, 4), torch.Tensor(4))))
            .Should().Throw<ArgumentException>().WithMessage("nn.MV: matrix row count and vector length do not match*");
        // same batch: [[1,2],[3,4]] * [1,1] = [3, 7]
        var y = nn.MV().Forward(new Table(torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } }).View(1, 2, 2), torch.Tensor(new double[,] { { 1, 1 } })));
        Check.Close(y.AsTensor, new[] { 3.0, 7 }, 0);
    }

    [Fact]
    public void ReshapeAcceptsMinusOne()
    {
        // Reshape.lua: nelement is then negative, so the guessed mode is batch mode: {input:size(1), -1, 2}
        var r = nn.Reshape(-1, 2);
        r.Nelement.Should().Be(-2);
        r.ToString().Should().Be("nn.Reshape(-1x2)");
        r.Forward(torch.Range(1, 12).View(2, 6)).AsTensor.Size().Should().Equal(2L, 3, 2);
        r.Forward(torch.Range(1, 12).View(3, 4)).AsTensor.Size().Should().Equal(3L, 2, 2);
        FluentActions.Invoking(() => r.Forward(torch.Range(1, 4))).Should().Throw<ArgumentException>(); // view(4, -1, 2) of 4 elements
        nn.Reshape(new long[] { -1, 2 }, batchMode: false).Forward(torch.Range(1, 4)).AsTensor.Size().Should().Equal(2L, 2);
        Jacobian.TestJacobian(nn.Reshape(new long[] { 3, -1 }, batchMode: true), torch.Rand(2, 6)).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void TransposeSetNumInputDimsAndViewResetSize()
    {
        // Transpose.lua: offset = input:nDimension() - numInputDims added to each dimension
        var t = nn.Transpose(new[] { 1, 2 }).SetNumInputDims(2);
        var x = torch.Range(1, 12).View(2, 2, 3);
        var y = t.Forward(x).AsTensor;
        y.Size().Should().Equal(2L, 3, 2);
        Check.Close(y, new[] { 1.0, 4, 2, 5, 3, 6, 7, 10, 8, 11, 9, 12 }, 0);
        Jacobian.TestJacobian(t, torch.Rand(2, 2, 3)).Should().BeLessThan(Check.Precision);
        // View.lua resetSize: new sizes and numElements, returns self
        var v = nn.View(6);
        v.ResetSize(3, -1).Should().BeSameAs(v);
        v.NumElements.Should().Be(3);
        v.Forward(torch.Range(1, 6)).AsTensor.Size().Should().Equal(3L, 2);
        FluentActions.Invoking(() => v.ResetSize(-1, -1)).Should().Throw<ArgumentException>().WithMessage("*only one dimension can be at -1*");
    }

    [Fact]
    public void SpatialAndVolumetricDropoutAcceptPOfOne()
    {
        // SpatialDropout.lua / VolumetricDropout.lua have no assert on p: p = 1 drops every map, evaluation multiplies by 1-p = 0
        foreach (var (m, size) in new (Module, long[])[] { (nn.SpatialDropout(1), new long[] { 2, 3, 2, 2 }), (nn.VolumetricDropout(1), new long[] { 2, 3, 2, 2, 2 }) })
        {
            m.ToString().Should().EndWith("(1.000000)");
            var x = torch.Tensor(size).Fill(2);
            m.Forward(x).AsTensor.Sum().Should().Be(0);
            m.Backward(x, torch.Tensor(size).Fill(1)).AsTensor.Sum().Should().Be(0);
            m.Evaluate();
            m.Forward(x).AsTensor.Sum().Should().Be(0);
        }
        FluentActions.Invoking(() => nn.Dropout(1)).Should().Throw<ArgumentOutOfRangeException>(); // Dropout.lua asserts 0 <= p < 1
    }

    [Fact]
    public void PixelShuffleAndCollapsePrintTheirTypeOnly()
    {
        // PixelShuffle.lua and Collapse.lua define no __tostring__: Module's prints torch.type(self)
        nn.PixelShuffle(2).ToString().Should().Be("nn.PixelShuffle");
        nn.Collapse(2).ToString().Should().Be("nn.Collapse");
    }
}
