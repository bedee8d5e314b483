namespace Torch.Nn.Tests;

/// <summary>nngraph: graphs give the same numbers as the equivalent containers, and pass the Jacobian check.</summary>
public class GModuleTests
{
    static Tensor Rand(params long[] size) => torch.Tensor(size).Uniform(-1, 1);

    [Fact]
    public void The_design_mlp_equals_its_sequential_and_passes_the_jacobian_check()
    {
        torch.ManualSeed(1);
        var l1 = nn.Linear(20, 10); var th = nn.Tanh(); var l2 = nn.Linear(10, 1);
        var input = nn.Tanh().Call();                    // any module without parents is an input node
        var h1 = th.Call(l1.Call(input));
        var output = l2.Call(h1);
        var mlp = nn.GModule(new[] { input }, new[] { output });

        var x = Rand(20);
        var seq = nn.Sequential(); seq.Add(nn.Tanh()).Add(l1).Add(th).Add(l2);
        Tensor expected = ((Tensor)seq.Forward(x)).Clone();
        Tensor got = mlp.Forward(x);
        got.ToArray().Should().Equal(expected.ToArray());

        var g = Rand(1);
        seq.ZeroGradParameters();
        Tensor expectedGrad = ((Tensor)seq.Backward(x, g)).Clone();
        var expectedGw = l1.GradWeight.Clone();
        mlp.ZeroGradParameters();
        Tensor gotGrad = mlp.Backward(x, g);
        gotGrad.ToArray().Should().Equal(expectedGrad.ToArray());
        l1.GradWeight.ToArray().Should().Equal(expectedGw.ToArray());

        mlp.Parameters().Params.Should().HaveCount(4);
        Jacobian.TestJacobian(mlp, Rand(20)).Should().BeLessThan(1e-5);
        Jacobian.TestJacobianParameters(mlp, Rand(20), l1.Weight, l1.GradWeight).Should().BeLessThan(1e-5);
    }

    [Fact]
    public void Gradients_from_several_consumers_are_summed()
    {
        var input = nn.Tanh().Call();
        var lin = nn.Linear(4, 3);
        var h = lin.Call(input);
        var a = nn.Tanh().Call(h);
        var b = nn.Sigmoid().Call(h);
        var g = nn.GModule(new[] { input }, new[] { a, b });

        var x = Rand(4);
        Table outs = g.Forward(x);
        outs.Length.Should().Be(2);
        var ga = Rand(3); var gb = Rand(3);
        Tensor gx = g.Backward(x, new Table(ga, gb));

        // by hand: d/dh = (1 - tanh(h)^2) * ga + s(h)(1 - s(h)) * gb, then through the linear layer and the input tanh
        var hv = ((Tensor)lin.Output).ToArray();
        var gh = torch.Tensor(3);
        for (int i = 0; i < 3; i++)
        {
            double t = Math.Tanh(hv[i]), s = 1 / (1 + Math.Exp(-hv[i]));
            gh[i + 1] = (1 - t * t) * (double)ga[i + 1] + s * (1 - s) * (double)gb[i + 1];
        }
        var w = lin.Weight.ToArray();
        for (int j = 0; j < 4; j++)
        {
            double sum = 0;
            for (int i = 0; i < 3; i++) sum += w[i * 4 + j] * (double)gh[i + 1];
            double tx = Math.Tanh((double)x[j + 1]);
            ((double)gx[j + 1]).Should().BeApproximately(sum * (1 - tx * tx), 1e-12);
        }
    }

    [Fact]
    public void A_node_sums_its_gradients_in_one_kept_buffer_and_leaves_the_consumers_buffers_alone()
    {
        // as nngraph's gradOutputBuffer: the sum reaching h lives in the node's own tensor, reused call after call
        var id = nn.Identity();
        var input = nn.Identity().Call();
        var h = id.Call(input);
        var tanh = nn.Tanh(); var sigmoid = nn.Sigmoid();
        var g = nn.GModule(new[] { input }, new[] { tanh.Call(h), sigmoid.Call(h) });
        Tensor? first = null;
        for (int call = 0; call < 3; call++)
        {
            var x = Rand(2, 3); var ga = Rand(2, 3); var gb = Rand(2, 3);
            g.Forward(x);
            Tensor gx = g.Backward(x, new Table(ga, gb));
            first ??= (Tensor)id.GradInput;
            ((Tensor)id.GradInput).Should().BeSameAs(first);
            var xs = x.ToArray(); var gas = ga.ToArray(); var gbs = gb.ToArray();
            var expected = new double[6]; var tanhGrad = new double[6];
            for (int i = 0; i < 6; i++)
            {
                double t = Math.Tanh(xs[i]), s = 1 / (1 + Math.Exp(-xs[i]));
                tanhGrad[i] = (1 - t * t) * gas[i];
                expected[i] = tanhGrad[i] + s * (1 - s) * gbs[i];
            }
            Check.Close(gx, expected, 1e-12);
            Check.Close((Tensor)tanh.GradInput, tanhGrad, 1e-12); // the first gradient was copied, not summed into
        }
    }

    [Fact]
    public void Several_inputs_take_a_table()
    {
        var x1 = nn.Tanh().Call(); var x2 = nn.Sigmoid().Call();
        var y1 = nn.Linear(2, 2).Call(x1); var y2 = nn.Linear(3, 2).Call(x2);
        var g = nn.GModule(new[] { x1, x2 }, new[] { y1, y2 });
        Table outs = g.Forward(new Table(Rand(2), Rand(3)));
        ((Tensor)outs[1]).Size().Should().Equal(2);
        Table grads = g.Backward(new Table(Rand(2), Rand(3)), new Table(Rand(2), Rand(2)));
        ((Tensor)grads[2]).Size().Should().Equal(3);
        var act = () => g.Forward(Rand(2));
        act.Should().Throw<ArgumentException>().WithMessage("nn.gModule: expected a table of 2 inputs, got torch.DoubleTensor");
    }

    [Fact]
    public void Badly_wired_graphs_are_refused()
    {
        var x = nn.Tanh().Call(); var unused = nn.Tanh().Call();
        var y = nn.Linear(2, 2).Call(x);
        var act = () => nn.GModule(new[] { x, unused }, new[] { y });
        act.Should().Throw<ArgumentException>().WithMessage("*does not connect to a gmodule output*");
        var stray = nn.Tanh().Call();
        var z = nn.Linear(2, 2).Call(stray);
        var act2 = () => nn.GModule(new[] { x }, new[] { y, z });
        act2.Should().Throw<ArgumentException>().WithMessage("*not among the inputs*");
        var act3 = () => nn.Tanh().Call(x, x);
        act3.Should().Throw<ArgumentException>().WithMessage("*same node is given twice*");
    }

    [Fact]
    public void The_graph_prints_as_dot()
    {
        var input = nn.Tanh().Call();
        var output = nn.Linear(20, 10).Call(input).Annotate("hidden", graphAttributes: ("color", "red"));
        var dot = nn.GModule(new[] { input }, new[] { output }).ToDot("mlp");
        dot.Should().StartWith("digraph G {\n\tlabelloc=\"t\";\n\tlabel=\"mlp\";\n");
        dot.Should().Contain($"n{output.Id}[label=\"Node{output.Id}\\nhidden\\nmodule = nn.Linear(20 -> 10)\\l\", color=\"red\"];");
        dot.Should().Contain($"\tn{input.Id} -> n{output.Id};\n");
    }
}
