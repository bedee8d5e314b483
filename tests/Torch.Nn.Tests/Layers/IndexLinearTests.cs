namespace Torch.Nn.Tests;

/// <summary>nn.IndexLinear against an equivalent nn.Linear on the dense input (torch/nn's testIndexLinear), THNN's normalisation and
/// update formulas worked by hand, and finite differences of the loss gradOutput · output.</summary>
public class IndexLinearTests
{
    const double Tight = 1e-12;

    /// <summary>B samples of nnz distinct 1-based keys with U(0,1) values, as tables, as the flat form, and as a dense B x ini matrix.</summary>
    static (Table Tables, Table Flat, Tensor Dense) Sparse(int batch, int ini, int nnz)
    {
        var keys = new Table();
        var values = new Table();
        var dense = torch.Zeros(batch, ini);
        for (int i = 1; i <= batch; i++)
        {
            var k = torch.Randperm(ini).Narrow(1, 1, nnz).Long();
            var v = torch.Tensor(nnz).Uniform();
            keys.Insert(k);
            values.Insert(v);
            dense.Select(1, i).Scatter(1, k, v);
        }
        var flat = new Table(torch.Cat(keys.IPairs().Select(k => (Tensor)k), 1), torch.Cat(values.IPairs().Select(v => (Tensor)v), 1),
            torch.LongTensor(batch).Fill(nnz));
        return (new Table(keys, values), flat, dense);
    }

    static IndexLinear LikeLinear(Linear linear, bool doGradInput = true)
    {
        var il = nn.IndexLinear((int)linear.Weight.Size(2), (int)linear.Weight.Size(1), doGradInput);
        il.Weight.Copy(linear.Weight.T());
        il.Bias = linear.Bias.Clone();
        il.ZeroGradParameters();
        return il;
    }

    static void SameParameters(IndexLinear il, Linear linear)
    {
        Check.Close(il.Weight.T(), linear.Weight, Tight);
        Check.Close(il.Bias, linear.Bias, Tight);
        Check.Close(il.GradBias, linear.GradBias, Tight);
    }

    [Theory]
    [InlineData(4, 40, 10, 30)]
    [InlineData(4, 40, 60, 30)]
    [InlineData(3, 200, 1, 50)]
    public void MatchesALinearLayerOnTheDenseInputInEveryInputForm(int batch, int ini, int inj, int nnz)
    {
        torch.ManualSeed(7);
        var linear = nn.Linear(ini, inj);
        var tables = LikeLinear(linear);
        var flat = LikeLinear(linear);
        linear.ZeroGradParameters();
        var (input, flatInput, dense) = Sparse(batch, ini, nnz);
        var gradOutput = torch.Rand(batch, inj);

        // one sample: {keys, values} and the flat form with a number of keys
        Tensor keys1 = ((Table)input[1])[1], values1 = ((Table)input[2])[1];
        Tensor y = tables.Forward(new Table(keys1, values1));
        Tensor y2 = flat.Forward(new Table(keys1, values1, (double)nnz));
        Tensor expected = linear.Forward(dense.Select(1, 1));
        y.Size().Should().Equal(inj);
        Check.Close(y, expected, Tight);
        Check.Close(y2, expected, Tight);
        Table gi = tables.Backward(new Table(keys1, values1), gradOutput.Select(1, 1));
        Table gi2 = flat.Backward(new Table(keys1, values1, (double)nnz), gradOutput.Select(1, 1));
        Tensor expectedGi = linear.Backward(dense.Select(1, 1), gradOutput.Select(1, 1));
        Check.Close(gi[2], expectedGi, Tight);
        Check.Close(gi2[2], expectedGi, Tight);
        foreach (var m in new Module[] { tables, flat, linear }) m.UpdateParameters(1);
        SameParameters(tables, linear);
        SameParameters(flat, linear);
        foreach (var m in new Module[] { tables, flat, linear }) m.ZeroGradParameters();

        // batches, accumulated over n forward-backward passes before one update
        for (int n = 1; n <= 3; n++)
        {
            Tensor actual = null!, actual2 = null!, expectedOut = null!, expectedGradIn = null!;
            Table gradIn = null!, gradIn2 = null!;
            for (int i = 0; i < n; i++)
            {
                actual = tables.Forward(input);
                actual2 = flat.Forward(flatInput);
                expectedOut = linear.Forward(dense);
                gradIn = tables.Backward(input, gradOutput);
                gradIn2 = flat.Backward(flatInput, gradOutput);
                expectedGradIn = linear.Backward(dense, gradOutput);
            }
            foreach (var m in new Module[] { tables, flat, linear }) m.UpdateParameters(1);
            Check.Close(actual, expectedOut, Tight);
            Check.Close(actual2, expectedOut, Tight);
            Check.Close(torch.Cat(((Table)gradIn[2]).IPairs().Select(g => (Tensor)g), 1), expectedGradIn, Tight);
            Check.Close(gradIn2[2], expectedGradIn, Tight);
            SameParameters(tables, linear);
            SameParameters(flat, linear);
            foreach (var m in new Module[] { tables, flat, linear }) m.ZeroGradParameters();
            tables.GradBias.Sum().Should().Be(0);
        }
    }

    [Fact]
    public void GradInputTakesTheFormatOfTheInput()
    {
        var il = nn.IndexLinear(5, 2, doGradInput: true);
        il.Reset();
        var keys = torch.LongTensor(new[] { 2.0, 4 });
        var values = torch.Tensor(new[] { 0.5, -1.0 });
        var go = torch.Tensor(new[] { 1.0, -2 });
        var expected = torch.Mv(il.Weight, go); // d(go·y)/dx = W go, for all 5 features
        il.Forward(new Table(keys, values));
        Table single = il.Backward(new Table(keys, values), go);
        ((Tensor)single[1]).ToArray().Should().Equal(1, 2, 3, 4, 5);
        ((Tensor)single[1]).Type().Should().Be("torch.LongTensor");
        Check.Close(single[2], expected, Tight);

        var batch = new Table(new Table(keys, keys), new Table(values, values));
        il.Forward(batch);
        Table tables = il.Backward(batch, torch.RepeatTensor(go, 2, 1));
        ((Table)tables[1]).Length.Should().Be(2);
        ((Tensor)((Table)tables[1])[2]).ToArray().Should().Equal(1, 2, 3, 4, 5);
        Check.Close(((Table)tables[2])[2], expected, Tight);

        var flat = new Table(torch.Cat(keys, keys), torch.Cat(values, values), torch.LongTensor(new[] { 2.0, 2 }));
        il.Forward(flat);
        Table flatGi = il.Backward(flat, torch.RepeatTensor(go, 2, 1));
        ((Tensor)flatGi[1]).Size().Should().Equal(2, 5);
        ((Tensor)flatGi[2]).Size().Should().Equal(2, 5);
        Check.Close(((Tensor)flatGi[2]).Select(1, 2), expected, Tight);

        var without = nn.IndexLinear(5, 2);
        without.Forward(new Table(keys, values));
        ((Table)without.Backward(new Table(keys, values), go)).Length.Should().Be(0);
        var normalized = nn.IndexLinear(5, 2, doGradInput: true, normalize: true);
        normalized.Forward(new Table(keys, values));
        var act = () => normalized.Backward(new Table(keys, values), go);
        act.Should().Throw<NotSupportedException>().WithMessage("nn.IndexLinear*max-normalize*");
    }

    [Fact]
    public void KeysOffsetShiftsTheKeysAndKeysOutOfRangeAreRefused()
    {
        var oneBased = nn.IndexLinear(4, 3);
        oneBased.Reset();
        var zeroBased = nn.IndexLinear(4, 3, keysOffset: 1, weight: oneBased.Weight, bias: oneBased.Bias);
        var values = torch.Tensor(new[] { 0.5, 2, -1 });
        Tensor y = oneBased.Forward(new Table(torch.LongTensor(new[] { 1.0, 4, 2 }), values));
        Check.Close(zeroBased.Forward(new Table(torch.LongTensor(new[] { 0.0, 3, 1 }), values)), y, 0);
        var tooBig = () => zeroBased.Forward(new Table(torch.LongTensor(new[] { 4.0 }), torch.Tensor(new[] { 1.0 })));
        tooBig.Should().Throw<IndexOutOfRangeException>().WithMessage("nn.IndexLinear: key 4 out of range (expected an integer in 0..3, keysOffset 1)");
        var zero = () => oneBased.Forward(new Table(torch.LongTensor(new[] { 0.0 }), torch.Tensor(new[] { 1.0 })));
        zero.Should().Throw<IndexOutOfRangeException>().WithMessage("*key 0 out of range (expected an integer in 1..4, keysOffset 0)");
        var fractional = () => oneBased.Forward(new Table(torch.Tensor(new[] { 1.5 }), torch.Tensor(new[] { 1.0 })));
        fractional.Should().Throw<IndexOutOfRangeException>().WithMessage("*key 1.5*");
    }

    [Fact]
    public void MaxNormalisationFollowsThnnInTrainingAndEvaluation()
    {
        var il = nn.IndexLinear(5, 2, normalize: true);
        il.Weight.Size().Should().Equal(5, 6);
        il.Weight.Select(2, 4).Copy(torch.Tensor(new[] { 0.0, 0.1, 0, -0.2, 0 }));      // learned offsets
        il.Weight.Narrow(2, 5, 2).Copy(torch.Tensor(new double[,] { { 0, 0 }, { 1, 2 }, { 0, 0 }, { -3, 0.5 }, { 0, 0 } }));
        il.Bias.Copy(torch.Tensor(new[] { 0.25, -0.5 }));

        // training: key 2 (0.5), key 4 (-2), key 2 again (-1, a new max)
        Tensor y = il.Forward(new Table(torch.LongTensor(new[] { 2.0, 4, 2 }), torch.Tensor(new[] { 0.5, -2, -1 })));
        double a = 0.5 * (1 / 0.5) + 0.1, b = -2 * (1 / 2.0) - 0.2, c = -1 * (1 / 1.0) + 0.1;
        Check.Close(y, new[] { 0.25 + a * 1 + b * -3 + c * 1, -0.5 + a * 2 + b * 0.5 + c * 2 }, Tight);
        Check.Close(il.Weight.Select(1, 2).Narrow(1, 1, 4), new[] { 1.0, 1, 1, 0.1 }, 0);
        Check.Close(il.Weight.Select(1, 4).Narrow(1, 1, 4), new[] { 2.0, 0.5, 1, -0.2 }, 0);
        Check.Close(il.Weight.Select(1, 1).Narrow(1, 1, 4), new[] { 0.0, 0, 0, 0 }, 0);

        // evaluation: the max is kept; beyond it the value clamps to its sign
        il.Evaluate();
        y = il.Forward(new Table(torch.LongTensor(new[] { 2.0, 4 }), torch.Tensor(new[] { 3.0, -1 })));
        double d = 1 + 0.1, e = -1 * 0.5 - 0.2;
        Check.Close(y, new[] { 0.25 + d * 1 + e * -3, -0.5 + d * 2 + e * 0.5 }, Tight);
        Check.Close(il.Weight.Select(1, 2).Narrow(1, 1, 3), new[] { 1.0, 1, 1 }, 0);
    }

    [Fact]
    public void UpdatesFollowThnnFormulasWithWeightDecay()
    {
        // one key, no normalisation: w -= w wd; w -= lr v go; b -= lr go
        var il = nn.IndexLinear(3, 2);
        il.Weight.Copy(torch.Tensor(new double[,] { { 0, 0 }, { 0.5, -1 }, { 0, 0 } }));
        il.WeightDecay = 0.1;
        var x = new Table(torch.LongTensor(new[] { 2.0 }), torch.Tensor(new[] { 3.0 }));
        il.Forward(x);
        il.Backward(x, torch.Tensor(new[] { 1.0, 2 }));
        il.UpdateParameters(0.01);
        Check.Close(il.Weight.Select(1, 2), new[] { 0.5 - 0.5 * 0.1 - 0.01 * 3, -1 + 0.1 - 0.01 * 6 }, Tight);
        Check.Close(il.Bias, new[] { -0.01, -0.02 }, Tight);
        Check.Close(il.GradWeight, new[] { 3.0, 6 }, Tight);

        // normalised: offset -= lr s Σ go W; w -= lr s (w wd) then lr s go v̂ (v̂ = v / max + offset)
        var n = nn.IndexLinear(3, 2, normalize: true);
        n.Weight.Select(1, 2).Copy(torch.Tensor(new[] { 0, 0, 0, 0.2, 0.5, -1 }));
        n.WeightDecay = 0.1;
        n.Forward(x);
        n.Backward(x, torch.Tensor(new[] { 1.0, 2 }));
        n.UpdateParameters(0.01);
        double vhat = 3 * (1 / 3.0) + 0.2; // max 3 after the training forward
        Check.Close(n.Weight.Select(1, 2), new[]
        {
            3, 1 / 3.0, 1, 0.2 - 1 * 0.5 * 0.01 - 2 * -1 * 0.01,
            0.5 - 0.5 * 0.1 - 1 * vhat * 0.01, -1 + 0.1 - 2 * vhat * 0.01,
        }, 1e-15);
    }

    public static IEnumerable<object[]> Modes() => new[] { new object[] { false, 0.0 }, new object[] { true, 0.0 }, new object[] { false, 0.05 }, new object[] { true, 0.05 } };

    [Theory]
    [MemberData(nameof(Modes))]
    public void AccUpdateGradParametersEqualsAccGradParametersThenUpdateParameters(bool normalize, double weightDecay)
    {
        torch.ManualSeed(3);
        var a = nn.IndexLinear(6, 3, normalize: normalize);
        a.Reset();
        if (normalize) a.Weight.Narrow(2, 1, 4).Uniform(); // non-zero offsets and update scales
        a.WeightDecay = weightDecay;
        var b = (IndexLinear)a.Clone();
        var keys = new Table(torch.LongTensor(new[] { 1.0, 3, 1 }), torch.LongTensor(new[] { 3.0, 6 })); // repeated keys
        var x = new Table(keys, new Table(torch.Tensor(new[] { 0.5, -2, 1.5 }), torch.Tensor(new[] { 4.0, -0.25 })));
        var go = torch.Randn(2, 3);
        a.Forward(x);
        b.Forward(x);
        a.ZeroGradParameters();
        a.Backward(x, go);
        a.UpdateParameters(0.1);
        b.AccUpdateGradParameters(x, go, 0.1);
        Check.Close(b.Weight, a.Weight, Tight);
        Check.Close(b.Bias, a.Bias, Tight);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnUpdateStepsAlongTheNumericalGradient(bool normalize)
    {
        torch.ManualSeed(5);
        var il = nn.IndexLinear(6, 3, normalize: normalize);
        il.Reset();
        if (normalize) il.Weight.Select(2, 4).Uniform(-0.5, 0.5);
        var x = new Table(torch.LongTensor(new[] { 2.0, 5, 2 }), torch.Tensor(new[] { 0.5, -2, 1.5 }));
        var go = torch.Randn(3);
        il.Forward(x); // training: sets the normalisation columns (the update scale to 1)
        il.Evaluate(); // the loss below must not move them
        var before = il.Weight.Clone();
        double Loss() => ((Tensor)il.Forward(x)).Dot(go);
        const double h = 1e-6;
        var numeric = torch.Zeros(il.Weight.Size());
        foreach (long r in new long[] { 2, 5 })
            for (long c = normalize ? 4 : 1; c <= il.Weight.Size(2); c++)
            {
                double w = il.Weight[r, c];
                il.Weight[r, c] = w + h;
                double up = Loss();
                il.Weight[r, c] = w - h;
                double down = Loss();
                il.Weight[r, c] = w;
                numeric[r, c] = (up - down) / (2 * h);
            }
        il.Forward(x);
        il.ZeroGradParameters();
        il.Backward(x, go);
        // a small step: key 2 occurs twice and THNN updates occurrence by occurrence, so the offset's second step sees the
        // weights the first moved (a second-order term, lr times the first)
        const double lr = 1e-6;
        il.UpdateParameters(lr);
        Check.Close((before - il.Weight) / lr, numeric, 1e-5);
    }

    [Fact]
    public void RepeatedKeyUpdatesAccumulateAsInTorch7sThreadingTest()
    {
        foreach (int osize in new[] { 1, 10, 100 })
        {
            var il = nn.IndexLinear(1000, osize);
            const int nnz = 2000, bsize = 2, idx = 100;
            var batch = new Table(new Table(), new Table());
            for (int i = 0; i < bsize; i++)
            {
                ((Table)batch[1]).Insert(torch.LongTensor(nnz).Fill(idx));
                ((Table)batch[2]).Insert(torch.DoubleTensor(nnz).Fill(1));
            }
            const double lr = 0.01;
            Tensor output = il.UpdateOutput(batch);
            output.Fill(1);
            il.BackwardUpdate(batch, output, lr);
            il.Backward(batch, output, 1);
            il.UpdateParameters(lr);
            foreach (var w in il.Weight.Select(1, idx).ToArray()) w.Should().BeApproximately(-bsize * nnz * lr * 2, 1e-9);
        }
    }

    [Fact]
    public void ConstructionResetAndParameters()
    {
        var il = nn.IndexLinear(50, 3, normalize: true);
        il.Weight.Sum().Should().Be(0, "Lua's constructor leaves the weight at zero");
        il.Reset();
        double stdv = 1 / Math.Sqrt(7);
        il.Weight.Narrow(2, 1, 4).Clone().Abs().Sum().Should().Be(0);
        il.Weight.Narrow(2, 5, 3).Clone().Abs().Max().Should().BeLessThanOrEqualTo(stdv).And.BeGreaterThan(stdv / 2);
        il.Bias.Clone().Abs().Max().Should().BeLessThanOrEqualTo(stdv * 1e-6);
        il.Reset(0.1);
        il.Weight.Clone().Abs().Max().Should().BeLessThanOrEqualTo(0.1 * Math.Sqrt(3));

        var (ps, gs) = il.Parameters();
        (ps[0], ps[1], gs[0], gs[1]).Should().Be((il.Weight, il.Bias, il.GradWeight, il.GradBias));
        var flat = () => il.GetParameters();
        flat.Should().Throw<InvalidOperationException>().WithMessage("nn.IndexLinear.GetParameters*");

        // ZeroGradParameters and ClearState drop the accumulated rows: an update then changes nothing
        var x = new Table(torch.LongTensor(new[] { 3.0 }), torch.Tensor(new[] { 1.0 }));
        foreach (var drop in new Action[] { () => il.ZeroGradParameters(), () => il.ClearState() })
        {
            il.Forward(x);
            il.Backward(x, torch.Tensor(new[] { 1.0, 1, 1 }));
            drop();
            var w = il.Weight.Clone();
            il.UpdateParameters(1);
            Check.Close(il.Weight, w, 0);
        }
    }

    [Fact]
    public void FloatModulesRunAndFilesRoundTrip()
    {
        var il = nn.IndexLinear(8, 2, doGradInput: false, keysOffset: 1, normalize: true);
        il.Reset();
        il.WeightDecay = 0.01;
        var x = new Table(torch.LongTensor(new[] { 0.0, 7 }), torch.Tensor(new[] { 0.5, 2 }));
        Tensor y = il.Forward(x);
        var copy = (IndexLinear)torch.Deserialize(torch.Serialize(il))!;
        (copy.Offset, copy.Normalize, copy.WeightDecay, copy.InputSize, copy.OutputSize).Should().Be((0L, 4, 0.01, 8L, 2L));
        Check.Close(copy.Forward(x), y, 0);

        il.Float();
        Tensor yf = il.Forward(x);
        yf.Type().Should().Be("torch.FloatTensor");
        Check.Close(yf, y, 1e-6);
    }

    [Fact]
    public void WrongInputsGiveClearErrors()
    {
        var il = nn.IndexLinear(5, 2);
        var keys = torch.LongTensor(new[] { 1.0, 2 });
        var values = torch.Tensor(new[] { 1.0, 2 });
        var backwardFirst = () => il.Backward(new Table(keys, values), torch.Tensor(2));
        backwardFirst.Should().Throw<InvalidOperationException>().WithMessage("nn.IndexLinear*forward first*");
        var cases = new (LuaValue Input, string Message)[]
        {
            (keys, "nn.IndexLinear: expected {keys, values}*got torch.LongTensor of size 2"),
            (new Table(keys), "nn.IndexLinear: expected {keys, values}*"),
            (new Table(keys, new Table(values)), "nn.IndexLinear: expected {keys, values}*"),
            (new Table(keys, torch.Tensor(3)), "*keys and values of the input should be 1-D and of the same size, got 2 and 3*"),
            (new Table(new Table(keys, keys), new Table(values)), "*as many key tensors as value tensors*2 and 1*"),
            (new Table(new Table(keys), new Table(torch.Tensor(2, 1))), "*keys and values of sample 1 should be 1-D*"),
            (new Table(keys, values, torch.LongTensor(new[] { 1.0, 2 })), "*sizes of the flat input (1, 2) should be counts summing to the 2 keys*"),
            (new Table(keys, values, "x"), "*sizes of the flat input*should be a tensor or a number, got string*"),
        };
        foreach (var (input, message) in cases)
            il.Invoking(m => m.Forward(input)).Should().Throw<ArgumentException>().WithMessage(message);
        il.Forward(new Table(keys, values));
        var badGrad = () => il.Backward(new Table(keys, values), torch.Tensor(3));
        badGrad.Should().Throw<ArgumentException>().WithMessage("nn.IndexLinear: expected a gradOutput of 1x2 elements*got size 3*");
    }
}
