namespace Torch.Nn.Tests;

/// <summary>
/// gModules in .t7 files in nngraph's layout: a char-rnn checkpoint written by real Torch7 (fixtures/graph, made by
/// make-charrnn-checkpoint.lua) loads and computes Torch7's numbers, and gModules saved here load back unchanged.
/// </summary>
public class GModuleFileTests
{
    /// <summary>char-rnn's program class OneHot (util/OneHot.lua): rows of an identity matrix; no gradient, as in Lua.</summary>
    sealed class OneHot : Module
    {
        public int OutputSize;
        public OneHot(int outputSize) => OutputSize = outputSize;
        public override string TypeName => "OneHot";
        public override LuaValue UpdateOutput(LuaValue input)
        {
            Output = torch.Eye(OutputSize).Index(1, ((Tensor)input).Long());
            return Output;
        }
        public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) => GradInput;
    }

    static GModuleFileTests() =>
        TorchClasses.AddReader(name => name == "OneHot" ? fields => new OneHot((int)(double)fields["outputSize"]) : null);

    static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "graph", name);

    static void Equal(LuaValue actual, LuaValue expected, double tolerance)
    {
        var (a, e) = ((Tensor)actual, (Tensor)expected);
        a.Size().Should().Equal(e.Size());
        var (av, ev) = (a.Contiguous().ToArray(), e.Contiguous().ToArray());
        for (int i = 0; i < av.Length; i++) av[i].Should().BeApproximately(ev[i], tolerance, $"element {i + 1}");
    }

    [Fact]
    public void A_char_rnn_checkpoint_written_by_torch7_loads_and_computes_torch7s_outputs_and_gradients()
    {
        var checkpoint = (Table)torch.Load(Fixture("charrnn-checkpoint.t7"))!;
        var protos = (Table)checkpoint["protos"];
        var rnn = protos["rnn"].Object.Should().BeOfType<GModule>().Subject;
        protos["criterion"].Object.Should().BeOfType<ClassNLLCriterion>();
        ((Table)checkpoint["opt"])["rnn_size"].Object.Should().Be(8.0);
        ((Table)checkpoint["vocab"])["\n"].Object.Should().Be(5.0);
        ((Table)checkpoint["val_losses"])[2].Object.Should().Be(1.58);
        rnn.Nodes.Should().Contain(n => n.Name == "i2h_2").And.Contain(n => n.Name == "decoder");
        rnn.Modules.Should().HaveCount(5 + 2 * 14 + 3); // as Torch7 counts them: inputs, two layers, OneHot, decoder, LogSoftMax

        var expected = (Table)torch.Load(Fixture("charrnn-outputs.t7"))!;
        Table outputs = rnn.Forward(expected["inputs"]);
        var want = (Table)expected["outputs"];
        outputs.Length.Should().Be(5);
        for (int i = 1; i <= 5; i++) Equal(outputs[i], want[i], 1e-12);
        var (_, gradParams) = rnn.GetParameters();
        gradParams.Zero();
        Table gradInputs = rnn.Backward(expected["inputs"], expected["gradOutputs"]);
        for (int i = 2; i <= 5; i++) Equal(gradInputs[i], ((Table)expected["gradInputs"])[i], 1e-12);
        Equal(gradParams, expected["gradParams"], 1e-12); // same parameter order as Torch7's getParameters
    }

    /// <summary>fixtures/graph/written-here.t7: a gModule (char-rnn's LSTM with OneHot) that this library wrote with its
    /// inputs and what it computed; check-written-here.lua showed Torch7 loads it and computes the same (by hand, once).
    /// Set TORCH_GRAPH_FIXTURES to a folder to write it again.</summary>
    [Fact]
    public void The_gmodule_file_written_here_for_torch7_still_loads_and_computes_what_was_written()
    {
        if (Environment.GetEnvironmentVariable("TORCH_GRAPH_FIXTURES") is { } dir)
        {
            torch.ManualSeed(11);
            var g = GModuleCloneTests.Lstm(5, 6, 2, new OneHot(5));
            g.GetParameters().Params.Uniform(-0.1, 0.1);
            var x = new Table(new LuaValue[] { torch.Tensor(new double[] { 2, 5, 1 }) }
                .Concat(Enumerable.Range(0, 4).Select(_ => (LuaValue)torch.Tensor(3, 6).Uniform(-1, 1))).ToArray());
            var go = new Table(Enumerable.Range(0, 4).Select(_ => (LuaValue)torch.Tensor(3, 6).Uniform())
                .Append(torch.Tensor(3, 5).Uniform()).ToArray());
            var (_, dw) = g.GetParameters();
            dw.Zero();
            var outputs = Copy(g.Forward(x));
            var gradInputs = Copy(g.Backward(x, go));
            ((Table)gradInputs)[1] = LuaValue.Nil;
            torch.Save(Path.Combine(dir, "written-here.t7"), new Table
            {
                ["rnn"] = new LuaValue(g), ["inputs"] = x, ["gradOutputs"] = go, ["outputs"] = outputs, ["gradInputs"] = gradInputs,
                ["gradParams"] = dw.Clone(),
            });
        }
        var file = (Table)torch.Load(Fixture("written-here.t7"))!;
        var rnn = (GModule)file["rnn"].Object!;
        var (_, gradParams) = rnn.GetParameters();
        gradParams.Zero();
        Table o = rnn.Forward(file["inputs"]);
        for (int i = 1; i <= 5; i++) Equal(o[i], ((Table)file["outputs"])[i], 1e-12);
        Table gi = rnn.Backward(file["inputs"], file["gradOutputs"]);
        for (int i = 2; i <= 5; i++) Equal(gi[i], ((Table)file["gradInputs"])[i], 1e-12);
        Equal(gradParams, file["gradParams"], 1e-12);
    }

    static LuaValue Copy(LuaValue v) => new Table(((Table)v).IPairs().Select(t => (LuaValue)((Tensor)t).Clone()).ToArray());

    static void RoundTrips(GModule g, LuaValue input, LuaValue gradOutput)
    {
        var copy = (GModule)torch.Deserialize(torch.Serialize(g))!;
        copy.Should().NotBeSameAs(g);
        copy.Nodes.Select(n => (n.Name, n.Module?.TypeName, n.SelectIndex, n.Parents.Count))
            .Should().Equal(g.Nodes.Select(n => (n.Name, n.Module?.TypeName, n.SelectIndex, n.Parents.Count)));
        var (w, dw) = g.GetParameters();
        var (w2, dw2) = copy.GetParameters();
        w2.ToArray().Should().Equal(w.ToArray());
        foreach (var (m, dwm) in new[] { (g, dw), (copy, dw2) })
        {
            dwm.Zero();
            m.Forward(input);
            m.Backward(input, gradOutput);
        }
        Values(copy.Output).Should().Equal(Values(g.Output));
        Values(copy.GradInput).Should().Equal(Values(g.GradInput));
        dw2.ToArray().Should().Equal(dw.ToArray());
    }

    static double[] Values(LuaValue v) => v.Object is Tensor t ? t.Contiguous().ToArray()
        : ((Table)v).IPairs().SelectMany(Values).ToArray();

    [Fact]
    public void An_lstm_gmodule_round_trips_with_equal_forward_and_backward()
    {
        torch.ManualSeed(7);
        var g = GModuleCloneTests.Lstm(3, 4, 2);
        var input = new Table(new LuaValue[] { torch.Tensor(2, 3).Uniform() }
            .Concat(Enumerable.Range(0, 4).Select(_ => (LuaValue)torch.Tensor(2, 4).Uniform())).ToArray());
        var gradOutput = new Table(Enumerable.Range(0, 4).Select(_ => (LuaValue)torch.Tensor(2, 4).Uniform())
            .Append(torch.Tensor(2, 3).Uniform()).ToArray());
        g.Forward(input); // buffers in the nodes must not disturb the file
        RoundTrips(g, input, gradOutput);
    }

    [Fact]
    public void A_single_input_gmodule_with_a_split_and_annotations_round_trips()
    {
        var x = nn.Identity().Call();
        var parts = nn.SplitTable(1).Call(nn.Linear(3, 4).Call(x).Annotate("lin", "a linear map", ("color", "blue"))).Split(2);
        var y = nn.CMulTable().Call(nn.Tanh().Call(parts[1]), parts[0]);
        var g = nn.GModule(new[] { x }, new[] { y });
        g.Evaluate();
        RoundTrips(g, torch.Tensor(2, 3).Uniform(), torch.Tensor(4).Uniform());
        var copy = (GModule)torch.Deserialize(torch.Serialize(g))!;
        copy.Train.Should().BeFalse();
        var lin = copy.Nodes.Single(n => n.Name == "lin");
        (lin.Description, lin.GraphAttributes["color"]).Should().Be(("a linear map", "blue"));
    }
}
