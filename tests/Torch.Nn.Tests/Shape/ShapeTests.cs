namespace Torch.Nn.Tests;

/// <summary>Shape and simple layers checked against torch/nn's Lua sources; expected values are worked out by hand from the Lua
/// formulas.</summary>
public class ShapeTests
{
    static Tensor Seq(long n) => torch.Range(1, n);

    [Fact]
    public void NarrowResolvesNegativeOffsetsAndLengthsAsTorch7()
    {
        // Narrow.lua (nn 8726825): length = size - offset + length + 2 when length < 0; then offset < 0 gives 1 .. size - length.
        // The values are the real Torch7's (nn.Narrow(d, o, l):forward(torch.range(1, 6))).
        Check.Close(nn.Narrow(1, -3, 2).Forward(Seq(6)).AsTensor, new[] { 1.0, 2, 3, 4 }, 0);
        Check.Close(nn.Narrow(1, 2, -1).Forward(Seq(6)).AsTensor, new[] { 2.0, 3, 4, 5, 6 }, 0);
        Check.Close(nn.Narrow(-1, -2, 2).Forward(Seq(6)).AsTensor, new[] { 1.0, 2, 3, 4 }, 0);
        var m = nn.Narrow(-1, 4, -1);
        var x = torch.Rand(2, 5);
        m.Forward(x);
        Check.Close(m.Backward(x, torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } })).AsTensor, new[] { 0.0, 0, 0, 1, 2, 0, 0, 0, 3, 4 }, 0);
        Jacobian.TestJacobian(nn.Narrow(2, -3, 2), torch.Rand(2, 5)).Should().BeLessThan(Check.Precision);
        // Torch7 fails on these ("out of range"): 1 .. size - (size + 4 - 1 + 2) is no range
        FluentActions.Invoking(() => nn.Narrow(1, -4, -1).Forward(Seq(6))).Should().Throw<ArgumentException>().WithMessage("*out of range*");
    }

    [Fact]
    public void PaddingInsertsBeforeItsIndex()
    {
        // Padding.lua: pad < 0 pads before slice index; pad > 0 before slice size - index + 2 (index counts from the right)
        Check.Close(nn.Padding(1, -2, null, 9, 2).Forward(Seq(3)).AsTensor, new[] { 1.0, 9, 9, 2, 3 }, 0);
        Check.Close(nn.Padding(1, 1, null, 9, 2).Forward(Seq(3)).AsTensor, new[] { 1.0, 2, 9, 3 }, 0);
        Check.Close(nn.Padding(1, 1, null, 9, 4).Forward(Seq(3)).AsTensor, new[] { 9.0, 1, 2, 3 }, 0);
        Check.Close(nn.Padding(1, 1, null, 9).Forward(Seq(3)).AsTensor, new[] { 1.0, 2, 3, 9 }, 0);
        Check.Close(nn.Padding(1, -1, 1, 9, 2).Forward(torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } })).AsTensor, new[] { 1.0, 9, 2, 3, 9, 4 }, 0);
        var m = nn.Padding(1, -2, null, 0, 3);
        m.Forward(Seq(4));
        Check.Close(m.Backward(Seq(4), torch.Range(10, 15)).AsTensor, new[] { 10.0, 11, 14, 15 }, 0);
        Jacobian.TestJacobian(nn.Padding(2, 2, 2, 0, 2), torch.Rand(3, 4)).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void SpatialAndVolumetricDropoutScaleLikeVersion1()
    {
        // SpatialDropout.lua / VolumetricDropout.lua: noise is bernoulli(1-p) unscaled in training; output * (1-p) in evaluation
        var sd = nn.SpatialDropout(0.25);
        Tensor y = sd.Forward(torch.Tensor(2, 3, 2, 2).Fill(1));
        y.ToArray().Should().OnlyContain(v => v == 0 || v == 1);
        sd.Evaluate();
        ((Tensor)sd.Forward(torch.Tensor(3, 2, 2).Fill(1))).ToArray().Should().OnlyContain(v => v == 0.75);
        FluentActions.Invoking(() => sd.Backward(torch.Tensor(3, 2, 2), torch.Tensor(3, 2, 2))).Should().Throw<InvalidOperationException>();
        var vd = nn.VolumetricDropout(0.5).Evaluate();
        ((Tensor)vd.Forward(torch.Tensor(2, 2, 2, 2).Fill(4))).ToArray().Should().OnlyContain(v => v == 2);
    }

    [Fact]
    public void DropoutStochasticInferenceLeavesTheGradientUnmasked()
    {
        // Dropout.lua: updateGradInput masks by the noise only when self.train
        var d = nn.Dropout(0.5, stochasticInference: true).Evaluate();
        var x = torch.Tensor(50).Fill(1);
        d.Forward(x);
        ((Tensor)d.Backward(x, torch.Tensor(50).Fill(3))).ToArray().Should().OnlyContain(v => v == 3);
    }

    [Fact]
    public void CMulAndCAddExpandSingletonDimensionsOfTheirWeight()
    {
        // CMul.lua / CAdd.lua: a weight with the input's rank is expanded along its size-1 dimensions
        var m = nn.CMul(2, 1);
        m.Weight.Copy(torch.Tensor(new double[,] { { 2 }, { 3 } }));
        Check.Close(m.Forward(torch.Tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } })).AsTensor, new[] { 2.0, 4, 6, 12, 15, 18 }, 0);
        var a = nn.CAdd(2, 1);
        a.Bias.Copy(torch.Tensor(new double[,] { { 10 }, { 20 } }));
        Check.Close(a.Forward(torch.Tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } })).AsTensor, new[] { 11.0, 12, 13, 24, 25, 26 }, 0);
        Jacobian.TestJacobian(nn.CMul(2, 1), torch.Rand(2, 3)).Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void ReshapeAndViewViewTheInputOfEachCall()
    {
        // Reshape.lua and View.lua: output = input:view(...) on every call, gradInput = gradOutput:view(input sizes); the output
        // tensor kept between calls must still follow whichever input (and gradOutput) the call got
        foreach (var m in new Module[] { nn.Reshape(3, 2), nn.View(3, 2) })
        {
            var a = torch.Range(1, 6);
            var b = torch.Range(7, 12);
            m.Forward(a);
            Tensor again = m.Forward(a);
            a.Fill(0);
            Check.Close(again, new double[6], 0);
            Tensor other = m.Forward(b);
            b[1] = 100;
            other.IsSize(3, 2).Should().BeTrue();
            ((double)other[1, 1]).Should().Be(100, $"{m} views its latest input");
            var g1 = torch.Range(1, 6).View(3, 2);
            var g2 = torch.Range(1, 6).View(3, 2);
            m.Backward(b, g1);
            Tensor gi = m.Backward(b, g2);
            g2.Fill(5);
            gi.IsSize(6).Should().BeTrue();
            Check.Close(gi, Enumerable.Repeat(5.0, 6).ToArray(), 0);
        }
    }

    [Fact]
    public void TransposeOutputIsAContiguousCopy()
    {
        // Transpose.lua: self.output:resizeAs(input):copy(input) after the transposes
        var x = torch.Tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Tensor y = nn.Transpose(new[] { 1, 2 }).Forward(x);
        y.IsContiguous().Should().BeTrue();
        x.Fill(0);
        Check.Close(y, new[] { 1.0, 4, 2, 5, 3, 6 }, 0);
    }

    [Fact]
    public void UnsqueezeAndSqueezeFollowLuasBatchRules()
    {
        // Unsqueeze.lua: numInputDims defaults to the first input's rank; the offset is input:dim() - numInputDims
        var u = nn.Unsqueeze(2);
        ((Tensor)u.Forward(torch.Tensor(3, 4))).Size().Should().Equal(3, 1, 4);
        ((Tensor)u.Forward(torch.Tensor(5, 6, 3, 4))).Size().Should().Equal(5, 6, 3, 1, 4);
        ((Tensor)nn.Unsqueeze(1, 1).Forward(torch.Tensor(2, 3, 4))).Size().Should().Equal(2, 3, 1, 4);
        // Squeeze.lua: with numInputDims and no dim, a minibatch of size 1 keeps its batch dimension
        ((Tensor)nn.Squeeze(null, 2).Forward(torch.Tensor(1, 3, 1))).Size().Should().Equal(1, 3);
        ((Tensor)nn.Squeeze().Forward(torch.Tensor(1, 3, 1))).Size().Should().Equal(3);
    }

    [Fact]
    public void MaskedSelect_converted_keeps_its_index_buffers_long_as_Lua_type_does()
    {
        // MaskedSelect.lua's type(): _maskIndexBuffer and _maskIndices :long(), _gradMask :byte() (Torch7's scatter needs them so)
        var m = nn.MaskedSelect();
        m.Type("torch.FloatTensor");
        var fields = Internal.Writing.Write(m);
        fields["_maskIndices"].AsTensor.Type().Should().Be("torch.LongTensor");
        fields["_maskIndexBuffer"].AsTensor.Type().Should().Be("torch.LongTensor");
        fields["_gradMask"].AsTensor.Type().Should().Be("torch.ByteTensor");
        fields["_gradBuffer"].AsTensor.Type().Should().Be("torch.FloatTensor");
    }
}
