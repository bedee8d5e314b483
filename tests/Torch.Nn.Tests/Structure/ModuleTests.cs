using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Tests;

public class ModuleTests
{
    [Fact]
    public void GetParametersUsesLuaLayout()
    {
        var net = nn.Sequential().Add(nn.Linear(10, 10));
        var lin = (Linear)net.Get(1);
        var w0 = lin.Weight.Clone();
        var b0 = lin.Bias.Clone();
        var (w, dw) = net.GetParameters();
        w.Size().Should().Equal(110);
        dw.Size().Should().Equal(110);
        Check.Close(w.Narrow(1, 1, 100), w0.ToArray(), 0);
        Check.Close(w.Narrow(1, 101, 10), b0.ToArray(), 0);
        lin.Weight.StorageOffset().Should().Be(1);
        lin.Bias.StorageOffset().Should().Be(101);
        w[101] = 42;
        ((double)lin.Bias[1]).Should().Be(42.0);
        dw.Fill(3);
        ((double)lin.GradWeight[2, 3]).Should().Be(3.0);
        net.ZeroGradParameters();
        dw.ToArray().Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public void GetParametersKeepsSharingAndRejectsHalfShared()
    {
        var a = nn.Linear(4, 3);
        var b = (Linear)a.Clone("weight", "bias", "gradWeight", "gradBias");
        var net = nn.Sequential().Add(a).Add(b);
        var (w, _) = net.GetParameters();
        w.NElement().Should().Be(15);
        a.Weight[1, 1] = 7;
        ((double)b.Weight[1, 1]).Should().Be(7.0);

        var c = nn.Linear(4, 3);
        var d = (Linear)c.Clone("weight", "bias");
        var act = () => nn.Sequential().Add(c).Add(d).GetParameters();
        act.Should().Throw<InvalidOperationException>().WithMessage("*check that you are sharing parameters and gradParameters*");
    }

    [Fact]
    public void GetParametersCompactsHoles()
    {
        var lin = nn.Linear(3, 2);
        var big = torch.Tensor(20).Zero();
        lin.Weight.Set(big.Storage(), 5, new long[] { 2, 3 });
        lin.Weight.Fill(2);
        var (w, dw) = lin.GetParameters();
        w.NElement().Should().Be(8);
        dw.NElement().Should().Be(8);
        lin.Weight.ToArray().Should().OnlyContain(v => v == 2);
    }

    [Fact]
    public void CloneIsDeepAndSharesNamedFields()
    {
        var net = nn.Sequential().Add(nn.Linear(3, 2));
        var deep = (Sequential)net.Clone();
        var shared = (Sequential)net.Clone("weight", "bias");
        var lin = (Linear)net.Get(1);
        lin.Weight.Fill(5);
        ((Linear)deep.Get(1)).Weight.ToArray().Should().NotContain(5);
        ((Linear)shared.Get(1)).Weight.ToArray().Should().OnlyContain(v => v == 5);
        ((Linear)shared.Get(1)).GradWeight.Fill(1);
        lin.GradWeight.ToArray().Should().NotContain(1);
    }

    [Fact]
    public void TypeConvertsAndKeepsSharing()
    {
        var a = nn.Linear(3, 2);
        var b = (Linear)a.Clone("weight");
        var net = nn.Sequential().Add(a).Add(nn.Tanh()).Add(b);
        net.Float();
        net.Type().Should().Be("torch.FloatTensor");
        a.Weight.Type().Should().Be("torch.FloatTensor");
        a.Weight.Fill(0.25);
        b.Weight.ToArray().Should().OnlyContain(v => v == 0.25);
        Tensor y = nn.Sequential().Add(a).Forward(torch.FloatTensor(3).Fill(1));
        y.Type().Should().Be("torch.FloatTensor");
        net.Double();
        a.Weight.Type().Should().Be("torch.DoubleTensor");
        a.Weight.Fill(0.5);
        ((double)b.Weight[1, 1]).Should().Be(0.5);
    }

    [Fact]
    public void ModesApplyListFindReplaceClearState()
    {
        var inner = nn.Sequential().Add(nn.Linear(2, 2)).Add(nn.Tanh());
        var net = nn.Sequential().Add(inner).Add(nn.Linear(2, 1));
        net.Evaluate();
        inner.Get(2).Train.Should().BeFalse();
        net.Training();
        inner.Get(1).Train.Should().BeTrue();
        net.ListModules().Select(m => m.TypeName).Should().Equal("nn.Sequential", "nn.Sequential", "nn.Linear", "nn.Tanh", "nn.Linear");
        var (nodes, containers) = net.FindModules("nn.Linear");
        nodes.Should().HaveCount(2);
        containers[0].Should().BeSameAs(inner);
        containers[1].Should().BeSameAs(net);
        int count = 0;
        net.Apply(_ => count++);
        count.Should().Be(5);
        net.Replace(m => m is Tanh ? nn.Sigmoid() : m);
        inner.Get(2).Should().BeOfType<Sigmoid>();
        net.Forward(torch.Tensor(2).Uniform());
        net.ClearState().Should().BeSameAs(net);
        ((Tensor)inner.Get(1).Output).NElement().Should().Be(0);
    }

    [Fact]
    public void ShareMakesModulesUseTheSameTensors()
    {
        var a = nn.Linear(3, 2);
        var b = nn.Linear(3, 2);
        b.Share(a, "weight", "bias");
        a.Weight.Fill(1);
        b.Weight.ToArray().Should().OnlyContain(v => v == 1);
        a.Bias.Fill(3);
        b.Bias.ToArray().Should().OnlyContain(v => v == 3);
    }

    /// <summary>A module written like a Lua one: only the forward; the backward comes from autograd.</summary>
    sealed class Scale : Module
    {
        public Scale(int n)
        {
            Weight = torch.Tensor(n).Fill(1);
            GradWeight = torch.Tensor(n).Zero();
        }

        public override LuaValue UpdateOutput(LuaValue input) => Emit(input.AsTensor.Raw * Weight.Raw);
    }

    /// <summary>A module with explicit gradients, as Lua's are usually written.</summary>
    sealed class Square : Module
    {
        protected internal override Gradient Gradient => Gradient.Formulas;

        public override LuaValue UpdateOutput(LuaValue input) => Emit(input.AsTensor.Raw.square());

        public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
        {
            TT g = input.AsTensor.Raw * gradOutput.AsTensor.Raw * 2;
            return EmitGradInput(g);
        }
    }

    [Fact]
    public void CustomModuleWithOnlyAForwardGetsAutogradGradients()
    {
        var m = new Scale(4);
        Check.Gradients(m, torch.Tensor(4));
        Check.Gradients(m, torch.Tensor(3, 4));
        var x = torch.Tensor(new[] { 1.0, 2, 3, 4 });
        m.Weight.Fill(2);
        m.ZeroGradParameters();
        Tensor gi = m.Backward(x, torch.Tensor(4).Fill(1));
        gi.ToArray().Should().Equal(2, 2, 2, 2);
        m.GradWeight.ToArray().Should().Equal(1, 2, 3, 4);
        m.TypeName.Should().Be("nn.Scale");
        m.Weight.Raw.requires_grad.Should().BeFalse();
    }

    [Fact]
    public void CustomModuleWithExplicitGradient()
    {
        var m = new Square();
        Jacobian.TestJacobian(m, torch.Tensor(3, 2)).Should().BeLessThan(Check.Precision);
        Tensor y = m.Forward(torch.Tensor(new[] { 3.0 }));
        ((double)y[1]).Should().Be(9.0);
    }

    [Fact]
    public void ExplicitModulesRecordNoGraph()
    {
        var net = nn.Sequential().Add(nn.Linear(3, 2)).Add(nn.Tanh());
        var x = torch.Tensor(3).Uniform();
        Tensor y = net.Forward(x);
        y.Raw.requires_grad.Should().BeFalse();
        net.Backward(x, torch.Tensor(2).Fill(1));
        ((Tensor)net.GradInput).Raw.requires_grad.Should().BeFalse();
        var conv = nn.SpatialConvolution(1, 2, 3, 3);
        Tensor c = conv.Forward(torch.Tensor(1, 5, 5).Uniform());
        c.Raw.requires_grad.Should().BeFalse();
        conv.Backward(torch.Tensor(1, 5, 5).Uniform(), torch.Tensor(2, 3, 3).Fill(1));
        conv.Weight.Raw.requires_grad.Should().BeFalse();
    }
}

public class AutogradRecordingTests
{
    [Fact]
    public void BackwardAfterAnInPlaceWeightUpdateUsesTheCurrentWeightsAndDoesNotCrash()
    {
        var conv = nn.SpatialConvolution(1, 2, 2, 2);
        var x = torch.Tensor(1, 3, 3).Uniform();
        var go = torch.Tensor(2, 2, 2).Uniform();
        conv.Forward(x);
        conv.Weight.Add(0.5);                       // a Hogwild-style update between forward and backward
        conv.ZeroGradParameters();
        Tensor gi = conv.Backward(x, go);
        var fresh = (SpatialConvolution)conv.Clone();
        fresh.Forward(x);
        fresh.ZeroGradParameters();
        Tensor expected = fresh.Backward(x, go);
        Check.Close(gi, expected, 1e-12);           // Lua's backward reads the current weight
        Check.Close(conv.GradWeight, fresh.GradWeight, 1e-12);
        conv.Weight.Raw.requires_grad.Should().BeFalse();
        ((Tensor)conv.Output).Raw.requires_grad.Should().BeFalse();
    }

    [Fact]
    public void InPlaceModuleAfterAnAutogradModuleIsSafe()
    {
        var net = nn.Sequential().Add(nn.SpatialConvolution(1, 2, 2, 2)).Add(nn.ReLU(true)).Add(nn.View(8)).Add(nn.Linear(8, 2));
        var x = torch.Tensor(1, 3, 3).Uniform();
        net.Forward(x);
        net.Backward(x, torch.Tensor(2).Fill(1));
        Jacobian.TestJacobian(nn.Sequential().Add(nn.SpatialConvolution(1, 2, 2, 2)).Add(nn.Tanh()), torch.Tensor(1, 3, 3))
            .Should().BeLessThan(Check.Precision);
    }

    [Fact]
    public void EvaluateModeRecordsNothing()
    {
        var conv = nn.SpatialSubtractiveNormalization(1);   // a module whose backward is autograd's
        conv.Evaluate();
        conv.Forward(torch.Tensor(1, 5, 5).Uniform());
        conv.Recorded.Should().BeNull();
        conv.Training();
        conv.Forward(torch.Tensor(1, 5, 5).Uniform());
        conv.Recorded.Should().NotBeNull();
        conv.ClearState();
        conv.Recorded.Should().BeNull();
    }
}

public class NilGradInputTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NilGradInputSkipsTheInputGradientButNotTheParameterGradients(bool convolution)
    {
        Module first = convolution ? nn.SpatialConvolution(1, 2, 2, 2) : nn.Linear(9, 8);
        var net = nn.Sequential().Add(first).Add(nn.Tanh()).Add(nn.View(8)).Add(nn.Linear(8, 2));
        var reference = (Sequential)net.Clone();
        var x = convolution ? torch.Tensor(1, 3, 3).Uniform() : torch.Tensor(9).Uniform();
        var go = torch.Tensor(2).Uniform();
        first.GradInput = LuaValue.Nil;
        net.Forward(x);
        net.ZeroGradParameters();
        net.Backward(x, go).IsNil.Should().BeTrue();
        reference.Forward(x);
        reference.ZeroGradParameters();
        reference.Backward(x, go);
        var (_, g1) = net.Parameters();
        var (_, g2) = reference.Parameters();
        for (int i = 0; i < g1.Count; i++) Check.Close(g1[i], g2[i], 1e-12);
    }
}

public class HogwildTests
{
    [Fact]
    public void ClonesSharingWeightsTrainOnThreadsWhileTheWeightsChange()
    {
        var net = nn.Sequential().Add(nn.SpatialConvolution(1, 2, 3, 3)).Add(nn.Tanh()).Add(nn.View(18)).Add(nn.Linear(18, 2));
        var crit = nn.MSECriterion();
        var weights = net.Parameters().Params;
        var workers = Enumerable.Range(0, 3).Select(_ => (Sequential)net.Clone("weight", "bias")).ToArray();
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var threads = workers.Select(w => new Thread(() =>
        {
            try
            {
                var c = (Criterion)crit.Clone();
                for (int i = 0; i < 50; i++)
                {
                    var x = torch.Tensor(1, 5, 5).Uniform();
                    var t = torch.Tensor(2).Zero();
                    w.ZeroGradParameters();
                    Tensor o = w.Forward(x);
                    c.Forward(o, t);
                    w.Backward(x, c.Backward(o, t));
                    var (ps, gs) = w.Parameters();
                    for (int k = 0; k < ps.Count; k++) weights[k].Add(-0.01, gs[k]);   // lock-free shared update
                }
            }
            catch (Exception e) { errors.Add(e); }
        })).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());
        errors.Should().BeEmpty();
        ((Tensor)workers[0].Forward(torch.Tensor(1, 5, 5).Fill(0))).NElement().Should().Be(2);
        ((Linear)workers[1].Get(4)).Weight.Storage().Should().NotBeNull();
        Check.Close(((Linear)workers[2].Get(4)).Weight, ((Linear)net.Get(4)).Weight, 0);
    }
}

public class FlattenTests
{
    [Fact]
    public void FlattenGathersSharedStoragesOnce()
    {
        var a = torch.Tensor(2, 3).Fill(1);
        var b = torch.Tensor(a);            // the same storage
        var c = torch.Tensor(4).Fill(2);
        var flat = Module.Flatten(new List<Tensor> { a, b, c });
        flat.NElement().Should().Be(10);
        flat.ToArray().Should().Equal(1, 1, 1, 1, 1, 1, 2, 2, 2, 2);
        flat[7] = 9;
        ((double)c[1]).Should().Be(9);
        b[1, 1] = 5;
        ((double)a[1, 1]).Should().Be(5);
    }
}
