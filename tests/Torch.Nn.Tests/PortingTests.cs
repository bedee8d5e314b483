using Torch.Nn;

namespace Torch.Nn.Tests;

/// <summary>Module-level porting points: torch.typename of modules, a typed Type after torch.Load, fb.resnet's deepCopy.</summary>
public class PortingTests
{
    [Fact]
    public void Typename_of_a_module_is_its_Lua_class()
    {
        torch.Typename(nn.Linear(2, 3)).Should().Be("nn.Linear");
        torch.Type(nn.Sequential()).Should().Be("nn.Sequential");
        torch.Type(nn.MSECriterion()).Should().Be("nn.MSECriterion");
    }

    [Fact]
    public void A_loaded_module_converts_and_comes_back_as_its_own_class()
    {
        string path = Path.Combine(Path.GetTempPath(), $"typed-{Guid.NewGuid():N}.t7");
        try
        {
            var net = nn.Sequential();
            net.Add(nn.Linear(2, 3));
            torch.Save(path, net);
            Sequential back = torch.Load<Module>(path).Type<Sequential>("torch.FloatTensor");
            back.Get(1).Type().Should().Be("torch.FloatTensor");
            var wrong = () => torch.Load<Module>(path).Type<Linear>("torch.FloatTensor");
            wrong.Should().Throw<InvalidCastException>().WithMessage("nn.Sequential.Type<Linear>: the module is a Sequential, not a Linear");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void DeepCopy_makes_new_modules_over_the_same_tensors_as_Luas_does()
    {
        var lin = nn.Linear(3, 2);
        var net = nn.Sequential();
        net.Add(lin);
        net.Add(nn.Tanh());
        var x = torch.Ones(3);
        Tensor y = net.Forward(x);
        var copy = (Sequential)torch.DeepCopy(net)!;
        copy.Should().NotBeSameAs(net);
        var copied = (Linear)copy.Get(1);
        copied.Should().NotBeSameAs(lin);
        copied.Weight.Should().BeSameAs(lin.Weight, "Lua's deepCopy copies tables, not tensors");
        copied.Bias.Should().BeSameAs(lin.Bias);
        lin.Weight.Fill(0.5);
        ((Tensor)copy.Forward(x)).ToArray<double>().Should().Equal(((Tensor)net.Forward(x)).ToArray<double>());
        y.Dim().Should().Be(1);
    }
}
