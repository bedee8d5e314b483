namespace Torch.Nn.Tests;

/// <summary>
/// Clones of a gModule own their graph: an LSTM built as char-rnn's model/LSTM.lua, cloned once per time step with shared
/// parameters, gives the numerical gradient of a several-step loss, and no clone touches its prototype's nodes or buffers.
/// </summary>
public class GModuleCloneTests
{
    const int InputSize = 3, RnnSize = 4, Layers = 2, Batch = 2, Steps = 3;

    /// <summary>char-rnn's LSTM.lstm(input_size, rnn_size, n); the first layer's input is <paramref name="embed"/> of x
    /// (char-rnn's OneHot), else x itself.</summary>
    internal static GModule Lstm(int inputSize, int rnnSize, int n, Module? embed = null)
    {
        var inputs = new List<Node> { nn.Identity().Call() };
        for (int l = 1; l <= n; l++) { inputs.Add(nn.Identity().Call()); inputs.Add(nn.Identity().Call()); }
        var outputs = new List<Node>();
        Node x = embed is null ? inputs[0] : embed.Call(inputs[0]);
        for (int l = 1; l <= n; l++)
        {
            var prevH = inputs[l * 2];
            var prevC = inputs[l * 2 - 1];
            int sizeL = l == 1 ? inputSize : rnnSize;
            if (l > 1) x = outputs[(l - 1) * 2 - 1];
            var i2h = nn.Linear(sizeL, 4 * rnnSize).Call(x).Annotate("i2h_" + l);
            var h2h = nn.Linear(rnnSize, 4 * rnnSize).Call(prevH).Annotate("h2h_" + l);
            var sums = nn.CAddTable().Call(i2h, h2h);
            var reshaped = nn.Reshape(4, rnnSize).Call(sums);
            var gates = nn.SplitTable(2).Call(reshaped).Split(4);
            var inGate = nn.Sigmoid().Call(gates[0]);
            var forgetGate = nn.Sigmoid().Call(gates[1]);
            var outGate = nn.Sigmoid().Call(gates[2]);
            var inTransform = nn.Tanh().Call(gates[3]);
            var nextC = nn.CAddTable().Call(nn.CMulTable().Call(forgetGate, prevC), nn.CMulTable().Call(inGate, inTransform));
            var nextH = nn.CMulTable().Call(outGate, nn.Tanh().Call(nextC));
            outputs.Add(nextC);
            outputs.Add(nextH);
        }
        var proj = nn.Linear(rnnSize, inputSize).Call(outputs[^1]).Annotate("decoder");
        outputs.Add(nn.LogSoftMax().Call(proj));
        return nn.GModule(inputs.ToArray(), outputs.ToArray());
    }

    static Module[] CloneManyTimes(Module net, int t) =>
        Enumerable.Range(0, t).Select(_ => net.Clone("weight", "bias", "gradWeight", "gradBias")).ToArray();

    /// <summary>The summed NLL loss of the unrolled sequence; with <paramref name="backward"/>, also its gradient (char-rnn's feval).</summary>
    static double Loss(Module[] clones, Tensor[] xs, Tensor[] ys, bool backward)
    {
        var crit = nn.ClassNLLCriterion();
        var state = new List<LuaValue>[Steps + 1];
        state[0] = Enumerable.Range(0, 2 * Layers).Select(_ => (LuaValue)torch.Zeros(Batch, RnnSize)).ToList();
        var preds = new Tensor[Steps];
        double loss = 0;
        for (int t = 0; t < Steps; t++)
        {
            Table lst = clones[t].Forward(new Table(state[t].Prepend(xs[t]).ToArray()));
            state[t + 1] = Enumerable.Range(1, 2 * Layers).Select(i => lst[i]).ToList();
            preds[t] = (Tensor)lst[2 * Layers + 1];
            loss += crit.Forward(preds[t], ys[t]);
        }
        if (!backward) return loss;
        var dstate = Enumerable.Range(0, 2 * Layers).Select(_ => (LuaValue)torch.Zeros(Batch, RnnSize)).ToList();
        for (int t = Steps - 1; t >= 0; t--)
        {
            var doutput = ((Tensor)crit.Backward(preds[t], ys[t])).Clone();
            Table dlst = clones[t].Backward(new Table(state[t].Prepend(xs[t]).ToArray()), new Table(dstate.Append(doutput).ToArray()));
            dstate = Enumerable.Range(2, 2 * Layers).Select(i => (LuaValue)((Tensor)dlst[i]).Clone()).ToList();
        }
        return loss;
    }

    [Fact]
    public void An_unrolled_lstm_of_clones_sharing_get_parameters_gives_the_numerical_gradient()
    {
        torch.ManualSeed(3);
        var proto = Lstm(InputSize, RnnSize, Layers);
        var (w, dw) = proto.GetParameters();
        w.Uniform(-0.5, 0.5);
        var clones = CloneManyTimes(proto, Steps);
        var xs = Enumerable.Range(0, Steps).Select(_ => torch.Tensor(Batch, InputSize).Uniform(-1, 1)).ToArray();
        var ys = Enumerable.Range(0, Steps).Select(t => torch.Tensor(new double[] { 1 + t % InputSize, 1 + (t + 1) % InputSize })).ToArray();

        dw.Zero();
        Loss(clones, xs, ys, backward: true);
        var analytic = dw.Clone();
        analytic.Clone().Abs().Max().Should().BeGreaterThan(1e-3, "the check must test a real gradient");

        const double eps = 1e-6;
        double worst = 0;
        for (int i = 1; i <= w.NElement(); i += 4) // a quarter of the parameters, from every layer, keeps it fast
        {
            double orig = (double)w[i];
            w[i] = orig + eps;
            double plus = Loss(clones, xs, ys, backward: false);
            w[i] = orig - eps;
            double minus = Loss(clones, xs, ys, backward: false);
            w[i] = orig;
            worst = Math.Max(worst, Math.Abs((plus - minus) / (2 * eps) - (double)analytic[i]));
        }
        worst.Should().BeLessThan(1e-7);
    }

    [Fact]
    public void A_clone_shares_no_node_module_or_buffer_with_its_prototype_and_exactly_the_named_tensors()
    {
        var proto = Lstm(InputSize, RnnSize, Layers);
        var clone = (GModule)proto.Clone("weight", "bias");
        clone.Nodes.Should().HaveSameCount(proto.Nodes);
        for (int i = 0; i < proto.Nodes.Count; i++)
        {
            var (p, c) = (proto.Nodes[i], clone.Nodes[i]);
            c.Should().NotBeSameAs(p);
            c.Id.Should().Be(p.Id);
            c.Name.Should().Be(p.Name);
            c.Parents.Should().NotIntersectWith(p.Parents);
            if (p.Module is null) { c.Module.Should().BeNull(); continue; }
            c.Module.Should().NotBeSameAs(p.Module).And.BeOfType(p.Module.GetType());
            clone.Modules.Should().Contain(c.Module!);
            if (p.Module.Weight is not null)
            {
                c.Module!.Weight!.IsSetTo(p.Module.Weight).Should().BeTrue();
                c.Module.Bias!.IsSetTo(p.Module.Bias!).Should().BeTrue();
                c.Module.GradWeight.IsSetTo(p.Module.GradWeight).Should().BeFalse("gradWeight was not named");
            }
        }

        // run both on different inputs, then scribble on every buffer of the clone: the prototype's stay as they were
        var input = new Table(new LuaValue[] { torch.Tensor(Batch, InputSize).Uniform() }
            .Concat(Enumerable.Range(0, 2 * Layers).Select(_ => (LuaValue)torch.Tensor(Batch, RnnSize).Uniform())).ToArray());
        Table protoOut = proto.Forward(input);
        var expected = ((Tensor)protoOut[5]).Clone();
        clone.Forward(new Table(Enumerable.Range(1, 5).Select(i => (LuaValue)((Tensor)input[i]).Clone().Mul(2)).ToArray()));
        proto.Backward(input, new Table(Enumerable.Range(1, 5).Select(i => (LuaValue)((Tensor)protoOut[i]).Clone()).ToArray()));
        var protoGradIn = ((Tensor)((Table)proto.GradInput)[2]).Clone();
        foreach (var n in clone.Nodes)
            if (n.Module?.Output.Object is Tensor o) o.Fill(42);
        ((Tensor)((Table)proto.Output)[5]).ToArray().Should().Equal(expected.ToArray());
        ((Tensor)((Table)proto.GradInput)[2]).ToArray().Should().Equal(protoGradIn.ToArray());
    }

    [Fact]
    public void A_clone_converts_to_float_alone_and_computes_what_its_prototype_computes()
    {
        torch.ManualSeed(5);
        var proto = Lstm(InputSize, RnnSize, 1);
        var input = new Table(torch.Tensor(Batch, InputSize).Uniform(), torch.Tensor(Batch, RnnSize).Uniform(),
                              torch.Tensor(Batch, RnnSize).Uniform());
        var expected = ((Tensor)((Table)proto.Forward(input))[3]).Clone();
        var clone = (GModule)proto.Clone();
        clone.Float();
        foreach (var (c, p) in clone.Modules.Zip(proto.Modules).Where(m => m.Second.Output.Object is Tensor))
            (c.Type(), p.Type()).Should().Be(("torch.FloatTensor", "torch.DoubleTensor"));
        var floatInput = new Table(Enumerable.Range(1, 3).Select(i => (LuaValue)((Tensor)input[i]).Float()).ToArray());
        var got = (Tensor)((Table)clone.Forward(floatInput))[3];
        got.Type().Should().Be("torch.FloatTensor");
        var g = got.Double();
        for (int i = 1; i <= g.NElement(); i++) ((double)g.View(-1)[i]).Should().BeApproximately((double)expected.View(-1)[i], 1e-5);
        // the prototype still runs in double on its own modules
        ((Tensor)((Table)proto.Forward(input))[3]).ToArray().Should().Equal(expected.ToArray());
    }
}
