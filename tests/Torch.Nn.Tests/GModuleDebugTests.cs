namespace Torch.Nn.Tests;

/// <summary>nngraph's debug mode, its helper modules, and what a gModule refuses.</summary>
public class GModuleDebugTests
{
    /// <summary>A graph whose second linear layer gets the wrong size: it fails in forward.</summary>
    static (GModule G, Node Bad) Broken()
    {
        var x = nn.Identity().Call();
        var h = nn.Tanh().Call(nn.Linear(4, 3).Call(x).Annotate("hidden", "first layer", ("color", "blue")));
        var bad = nn.Linear(5, 2).Call(h).Annotate("wrong_size");
        return (nn.GModule(new[] { x }, new[] { bad }), bad);
    }

    [Fact]
    public void A_failing_node_is_named_with_its_sizes_and_drawn_red_in_debug_mode()
    {
        string dir = Directory.CreateTempSubdirectory("nngraph-debug-").FullName;
        try
        {
            var (g, bad) = Broken();
            g.Name = Path.Combine(dir, "broken");
            var act = () => g.Forward(torch.Tensor(2, 4).Uniform());
            // without debug: the node and its input sizes, no picture
            act.Should().Throw<InvalidOperationException>()
               .WithMessage($"nn.gModule: in Node{bad.Id} (wrong_size) given torch.DoubleTensor of size 2x3: *")
               .Which.Message.Should().NotContain("in red");
            Directory.GetFiles(dir).Should().BeEmpty();

            g.Debug = true;
            var e = act.Should().Throw<InvalidOperationException>().Which;
            string dot = Path.Combine(dir, "broken.dot"), svg = Path.Combine(dir, "broken.svg");
            File.Exists(dot).Should().BeTrue(e.Message);
            var text = File.ReadAllText(dot);
            text.Should().Contain($"\tn{bad.Id}[style=filled, fillcolor=red];\n}}\n");
            text.Should().Contain("\\nhidden\\nmodule = nn.Linear(4 -> 3)\\ndesc = first layer\\l\", color=\"blue\"];");
            text.Should().Contain("label=\"broken\";");
            if (GraphvizInstalled())
            {
                e.Message.Should().EndWith($"the graph with this node in red is in {svg} (and {dot})");
                var picture = File.ReadAllText(svg);
                picture.Should().Contain("<svg").And.Contain("fill=\"red\"").And.Contain("wrong_size").And.Contain("hidden");
            }
            else
            {
                e.Message.Should().Contain($"is in {dot} (Graphviz's `dot` is not installed (apt-get install graphviz");
                e.Message.Should().Contain($"then: dot -Tsvg -o \"{svg}\" \"{dot}\")");
            }

            // a second failure does not overwrite the first picture
            act.Should().Throw<InvalidOperationException>();
            Directory.GetFiles(dir, "*.dot").Should().HaveCount(2);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void The_global_switch_draws_a_failing_backward_too()
    {
        string dir = Directory.CreateTempSubdirectory("nngraph-debug-").FullName;
        try
        {
            var x = nn.Identity().Call();
            var y = nn.Linear(4, 3).Call(x);
            var g = nn.GModule(new[] { x }, new[] { y });
            g.Name = Path.Combine(dir, "bwd");
            var input = torch.Tensor(4).Uniform();
            g.Forward(input);
            nngraph.SetDebug(true);
            try
            {
                var act = () => g.Backward(input, torch.Tensor(7).Uniform());
                act.Should().Throw<Exception>().WithMessage($"*Node{y.Id}*in red*");
            }
            finally { nngraph.SetDebug(false); }
            File.ReadAllText(Path.Combine(dir, "bwd.dot")).Should().Contain($"n{y.Id}[style=filled, fillcolor=red]");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    static bool GraphvizInstalled()
    {
        try
        {
            using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dot", "-V") { RedirectStandardError = true })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    [Fact]
    public void A_criterion_node_gives_the_loss_and_its_gradient_scaled_by_gradOutput()
    {
        var pred = nn.Identity().Call();
        var target = nn.Identity().Call();
        var loss = nn.ModuleFromCriterion(nn.MSECriterion()).Call(pred, target);
        var g = nn.GModule(new[] { pred, target }, new[] { loss });
        var p = torch.Tensor(new double[] { 1, 2, 4 });
        var t = torch.Tensor(new double[] { 0, 2, 1 });
        Tensor o = g.Forward(new Table(p, t));
        o.Size().Should().Equal(1);
        ((double)o[1]).Should().Be((1 + 0 + 9) / 3.0);
        Table gi = g.Backward(new Table(p, t), torch.Tensor(new double[] { 3 }));
        ((Tensor)gi[1]).ToArray().Should().Equal(new[] { 3 * 2 * 1 / 3.0, 0, 3 * 2 * 3 / 3.0 }); // 3 x 2(p - t)/n
        ((Tensor)gi[2]).ToArray().Should().Equal(0, 0, 0);
    }

    [Fact]
    public void JustTable_and_JustElement_wrap_and_unwrap_one_element()
    {
        var x = torch.Tensor(3).Uniform();
        var jt = nngraph.JustTable();
        Table wrapped = jt.Forward(x);
        wrapped.Length.Should().Be(1);
        wrapped[1].Object.Should().BeSameAs(x);
        var g = torch.Tensor(3).Uniform();
        jt.Backward(x, new Table(g)).Object.Should().BeSameAs(g);

        var je = nngraph.JustElement();
        je.Forward(new Table(x)).Object.Should().BeSameAs(x);
        ((Table)je.Backward(new Table(x), g))[1].Object.Should().BeSameAs(g);
        var act = () => je.Forward(new Table(x, x));
        act.Should().Throw<ArgumentException>().WithMessage("nngraph.JustElement: expecting one element, got table of 2");
        var copy = (JustElement)torch.Deserialize(torch.Serialize(je))!;
        copy.TypeName.Should().Be("nngraph.JustElement");
    }

    [Fact]
    public void A_gmodule_refuses_insert_and_remove()
    {
        var (g, _) = Broken();
        int n = g.Modules.Count;
        var insert = () => g.Insert(nn.Tanh(), 1);
        insert.Should().Throw<InvalidOperationException>().WithMessage("nn.gModule: *Insert*");
        var remove = () => g.Remove();
        remove.Should().Throw<InvalidOperationException>().WithMessage("nn.gModule: *Remove*");
        g.Modules.Should().HaveCount(n);
    }
}
