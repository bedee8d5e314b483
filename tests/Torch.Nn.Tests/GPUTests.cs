namespace Torch.Nn.Tests;

/// <summary>nn.GPU: on CPU types it is Lua's pass-through (same values and gradients as the bare module); CUDA requests
/// without CUDA fail clearly and leave it working. Its device placement runs where a CUDA build and GPU exist.</summary>
public class GPUTests
{
    [Fact]
    public void OnCpuItComputesExactlyWhatItsModuleComputes()
    {
        torch.ManualSeed(3);
        var lin = nn.Linear(4, 3);
        var bare = lin.Clone();
        var g = nn.GPU(lin, 2, 1);
        var x = torch.Tensor(5, 4).Uniform(-1, 1);
        var go = torch.Tensor(5, 3).Uniform(-1, 1);
        ((Tensor)g.Forward(x)).ToArray().Should().Equal(((Tensor)bare.Forward(x)).ToArray());
        g.ZeroGradParameters();
        bare.ZeroGradParameters();
        ((Tensor)g.Backward(x, go)).ToArray().Should().Equal(((Tensor)bare.Backward(x, go)).ToArray());
        lin.GradWeight.ToArray().Should().Equal(bare.GradWeight.ToArray());
        g.UpdateParameters(0.1);
        bare.UpdateParameters(0.1);
        lin.Weight.ToArray().Should().Equal(bare.Weight.ToArray());
        g.AccUpdateGradParameters(x, go, 0.5);
        bare.AccUpdateGradParameters(x, go, 0.5);
        lin.Weight.ToArray().Should().Equal(bare.Weight.ToArray());
    }

    [Fact]
    public void PassesJacobianAndTablesPassThrough()
    {
        Check.Gradients(nn.GPU(nn.Linear(3, 2), 1), torch.Tensor(2, 3));
        var pair = nn.GPU(nn.CAddTable(), 1);
        var a = torch.Tensor(new double[] { 1, 2 });
        var b = torch.Tensor(new double[] { 10, 20 });
        ((Tensor)pair.Forward(new Table(a, b))).ToArray().Should().Equal(11, 22);
        Table gi = pair.Backward(new Table(a, b), torch.Tensor(new double[] { 1, -1 }));
        ((Tensor)gi[2]).ToArray().Should().Equal(1, -1);
    }

    [Fact]
    public void PrintsAndConvertsLikeTorch7()
    {
        nn.GPU(nn.Linear(3, 2), 2).ToString().Should().Be("nn.GPU(2) @ nn.Linear(3 -> 2)");
        var net = nn.Sequential().Add(nn.GPU(nn.Linear(3, 2), 2)).Add(nn.Tanh());
        net.Float();
        ((Tensor)net.Forward(torch.FloatTensor(3).Uniform())).Type().Should().Be("torch.FloatTensor");
        ((GPU)net.Get(1)).Module.Weight.Type().Should().Be("torch.FloatTensor");
        var bad = () => nn.GPU(nn.Linear(3, 2), 0);
        bad.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*numbered from 1*");
    }

    [SkippableFact]
    public void CudaWithoutCudaFailsClearlyAndLeavesAWorkingModule()
    {
        Skip.If(cutorch.IsAvailable(), "a CUDA build with a device: the GPU path is what runs here");
        var g = nn.GPU(nn.Linear(3, 2), 1);
        var direct = () => g.Cuda();
        direct.Should().Throw<InvalidOperationException>().WithMessage("*CUDA is not available*");
        var nested = () => nn.Sequential().Add(g).Cuda();
        nested.Should().Throw<InvalidOperationException>().WithMessage("*CUDA is not available*");
        ((Tensor)g.Forward(torch.Tensor(3).Uniform())).Type().Should().Be("torch.DoubleTensor");
    }

    [SkippableFact]
    public void OnCudaTheModuleLivesOnItsDeviceAndTheOutputOnOutdevice()
    {
        Skip.IfNot(cutorch.IsAvailable(), "needs a CUDA build (-p:TorchBackend=cuda) and a GPU");
        int last = cutorch.GetDeviceCount();
        var lin = nn.Linear(4, 3);
        var bare = lin.Clone().Float();
        var net = nn.Sequential().Add(nn.GPU(lin, last, 1));
        net.Cuda();
        lin.Weight.GetDevice().Should().Be(last);
        var x = torch.FloatTensor(2, 4).Uniform();
        Tensor y = net.Forward(x.Cuda());
        y.GetDevice().Should().Be(1);
        Check.Close(y.Float(), (Tensor)bare.Forward(x), 1e-6);
        Tensor gi = net.Backward(x.Cuda(), y.Clone().Fill(1));
        gi.GetDevice().Should().Be(1);
        Check.Close(gi.Float(), (Tensor)bare.Backward(x, torch.FloatTensor(2, 3).Fill(1)), 1e-6);
    }

    [Fact]
    public void RoundTripsThroughAFile()
    {
        torch.ManualSeed(5);
        var (fo, bo) = Jacobian.TestIO(nn.GPU(nn.Linear(3, 2), 2, 1), torch.Tensor(4, 3).Uniform());
        fo.Should().Be(0);
        bo.Should().Be(0);
        var back = (GPU)torch.Deserialize(torch.Serialize(nn.GPU(nn.Tanh(), 2, 1)))!;
        (back.Device, back.Outdevice).Should().Be((2, 1));
        back.Module.Should().BeOfType<Tanh>();
    }
}
