using Torch.Nn;
using Torch.Optim;

namespace Torch.Optim.Tests;

/// <summary>All of DESIGN.md's code, as written there (the contract), with its comments checked.</summary>
public class TalkTests
{
    [Fact]
    public void The_talks_code_compiles_and_behaves_as_commented()
    {
        var a = torch.Tensor(4, 6).Uniform();          // DoubleTensor, U(0,1)
        Storage s = a.Storage();                       // 24 elements
        var row = a.Select(1, 3);                      // 3rd row: size {6}, stride {1}, StorageOffset() == 13
        row.Fill(3);                                   // a's 3rd row is now 3
        var col = a.Select(2, 3);                      // 3rd column: stride {6}, StorageOffset() == 3
        bool c = col.IsContiguous();                   // false
        double v = a[2, 3];                            // element read (1-based)
        a[2, 3] = 7;                                   // element write
        Tensor r2 = a[2];                              // like Lua a[2]: the 2nd row, a view
        Console.WriteLine(a);                          // Torch7 print format
        a.Type().Should().Be("torch.DoubleTensor");
        s.Size().Should().Be(24);
        (row.Size(1), row.Stride(1), row.StorageOffset()).Should().Be((6L, 1L, 13L));
        a.Select(1, 3).ToArray().Should().OnlyContain(e => e == 3);
        (col.Stride(1), col.StorageOffset()).Should().Be((6L, 3L));
        c.Should().BeFalse();
        v.Should().BeInRange(0, 1);
        ((double)r2[3]).Should().Be(7);
        a.ToString().Should().EndWith("[torch.DoubleTensor of size 4x6]\n");

        var x = torch.Tensor(2, 3, 6, 6).Uniform();
        var targets = torch.Tensor(new double[] { 3, 7 });
        var net = nn.Sequential();
        net.Add(nn.SpatialConvolution(3, 16, 5, 5));
        net.Add(nn.Tanh());
        net.Add(nn.SpatialMaxPooling(2, 2, 2, 2));
        net.Add(nn.View(16));                          // (added: ClassNLL takes 1-D or 2-D input, as in Torch7)
        Tensor y = net.Forward(x);                     // Forward takes and returns a Tensor or a Table
        var crit = nn.ClassNLLCriterion();
        double err = crit.Forward(y, targets);         // targets are 1-based class indices
        net.ZeroGradParameters();
        net.Backward(x, crit.Backward(y, targets));
        var (w, dw) = net.GetParameters();             // one flat storage; every weight is now a view of w
        y.Size().Should().Equal(2, 16);
        err.Should().Be(-((double)y[1, 3] + (double)y[2, 7]) / 2);
        w.NElement().Should().Be(16 * 3 * 5 * 5 + 16);
        net.Get(1).Weight.Storage().Size().Should().Be(w.NElement());
        dw.ToArray().Should().Contain(g => g != 0);

        var x5 = torch.Tensor(5).Uniform();
        var ct = nn.ConcatTable().Add(nn.Linear(5, 3)).Add(nn.Linear(5, 2));
        Table outs = ct.Forward(x5);                   // outs[1], outs[2]
        Tensor joined = nn.JoinTable(1).Forward(outs);
        ((Tensor)outs[1]).NElement().Should().Be(3);
        joined.Size().Should().Equal(5);

        var input = nn.Identity().Call();              // nngraph: nn.Identity()()
        var h1 = nn.Tanh().Call(nn.Linear(20, 10).Call(input));
        var output = nn.Linear(10, 1).Call(h1);
        var mlp = nn.GModule(new[] { input }, new[] { output });
        string dot = Path.Combine(Path.GetTempPath(), $"mlp-{Guid.NewGuid():N}.dot");
        File.WriteAllText(dot, mlp.ToDot());           // and an SVG when Graphviz is installed
        File.ReadAllText(dot).Should().StartWith("digraph G {");
        File.Delete(dot);
        ((Tensor)mlp.Forward(torch.Tensor(20).Uniform())).Size().Should().Equal(1);

        var config = new SgdConfig { LearningRate = 0.01, Momentum = 0.9 };
        (double, Tensor) Feval(Tensor xNew)
        {
            if (!ReferenceEquals(xNew, w)) w.Copy(xNew);
            dw.Zero();
            Tensor o = net.Forward(x);
            double f = crit.Forward(o, targets);
            net.Backward(x, crit.Backward(o, targets));
            return (f, dw);
        }
        var (_, fx) = optim.Sgd(Feval, w, config);     // fx[0] is the loss; config carries the state
        fx[0].Should().Be(err, "fx holds f(x) before the update");
        config.EvalCounter.Should().Be(1);
    }

    [Fact]
    public void The_fixed_signatures_behave_as_commented()
    {
        var a = torch.Tensor(new double[,] { { 1, 5, 2 }, { 4, 0, 6 } });
        var b = torch.Tensor(2, 3).Fill(1);
        long n = a.Size(1); long st = a.Stride(2); int d = a.Dim(); long ne = a.NElement();
        long off = a.StorageOffset();        // 1-based, as in Lua
        Storage s = a.Storage();
        double e = s[5]; long len = s.Size();   // Storage: 1-based indexer and its length
        var (vals, idx) = torch.Max(a, 2);   // idx is a LongTensor of 1-based positions
        Tensor sum = torch.Add(a, b);        // new tensor; a.Add(b) is in place
        torch.ManualSeed(1);
        (n, st, d, ne, off, e, len).Should().Be((2L, 1L, 2, 6L, 1L, 0.0, 6L));
        vals.ToArray().Should().Equal(5, 6);
        idx.Type().Should().Be("torch.LongTensor");
        idx.ToArray().Should().Equal(2, 3);
        vals.Size().Should().Equal(2, 1);
        sum.ToArray().Should().Equal(2, 6, 3, 5, 1, 7);
        a.ToArray().Should().Equal(1, 5, 2, 4, 0, 6);

        var net = nn.Sequential(); net.Add(nn.Linear(3, 2));
        string path = Path.Combine(Path.GetTempPath(), $"m-{Guid.NewGuid():N}.t7");
        torch.Save(path, net);               // Torch7's binary format; torch.Save(path, obj, "ascii") too
        var back = torch.Load<Module>(path);   // object torch.Load(path) for any Lua value
        File.Delete(path);
        back.ToString().Should().Be(net.ToString());
        var module = nn.Linear(4, 3); var input = torch.Tensor(4);
        double maxErr = Jacobian.TestJacobian(module, input);   // nn.Jacobian.testJacobian
        maxErr.Should().BeLessThan(1e-5);
        var lin = nn.Linear(3, 2);
        Tensor wt = lin.Weight; Tensor bb = lin.Bias;            // and GradWeight, GradBias (Lua's fields)
        wt.Size().Should().Equal(2, 3); bb.Size().Should().Equal(2);
        var lin1 = (Linear)net.Get(1);                          // containers: Get(i), Size(), Add, Insert, Remove
        var replica = net.Clone("weight", "bias");              // Lua field names: shares those with net
        ((Sequential)replica).Get(1).Weight.Fill(2);
        lin1.Weight.ToArray().Should().OnlyContain(z => z == 2);
        var x = torch.Tensor(2); var y = torch.Tensor(3);
        var t = new Table(x, y);  Tensor first = t[1];          // a Lua table: 1-based array part ...
        t["full"] = y;
        Tensor full = t["full"];                                 // ... and string keys, as .t7 tables have
        first.Should().BeSameAs(x); full.Should().BeSameAs(y);
        var cfg = new AdamConfig { LearningRate = 0.002 };       // every algorithm: <Name>Config, Lua's fields in PascalCase
        cfg.Beta1.Should().Be(0.9);
    }
}
