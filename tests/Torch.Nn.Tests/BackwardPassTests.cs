namespace Torch.Nn.Tests;

/// <summary>Backward as Lua's classes write it (Module.BackwardPass): Sequential runs each child's backward in turn and
/// BatchNormalization computes its three gradients in one pass; both must give exactly what UpdateGradInput followed by
/// AccGradParameters gives, which the oracle fixtures check against Torch7.</summary>
public class BackwardPassTests
{
    static Module Net()
    {
        torch.ManualSeed(11);
        return nn.Sequential()
            .Add(nn.SpatialConvolution(3, 4, 3, 3, 1, 1, 1, 1)).Add(nn.SpatialBatchNormalization(4)).Add(nn.ReLU())
            .Add(nn.View(4 * 5 * 5)).Add(nn.Linear(100, 6)).Add(nn.BatchNormalization(6)).Add(nn.LogSoftMax());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    public void Backward_equals_the_two_halves_bit_for_bit(double scale)
    {
        torch.ManualSeed(12);
        var x = torch.Tensor(4, 3, 5, 5).Uniform(-1, 1);
        var g = torch.Tensor(4, 6).Uniform(-1, 1);
        var (a, b) = (Net(), Net());
        a.Forward(x);
        b.Forward(x);
        Tensor byPass = a.Backward(x, g, scale);
        b.UpdateGradInput(x, g);
        b.AccGradParameters(x, g, scale);
        byPass.ToArray().Should().Equal(((Tensor)b.GradInput).ToArray());
        a.GetParameters().GradParams.ToArray().Should().Equal(b.GetParameters().GradParams.ToArray());
        a.GetParameters().GradParams.Abs().Sum().Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_batch_normalization_without_affine_parameters_or_gradInput_takes_the_halves()
    {
        torch.ManualSeed(13);
        var x = torch.Tensor(5, 3).Uniform(-1, 1);
        var g = torch.Tensor(5, 3).Uniform(-1, 1);
        var plain = nn.BatchNormalization(3, affine: false);
        plain.Forward(x);
        Tensor gi = plain.Backward(x, g);
        var halves = nn.BatchNormalization(3, affine: false);
        halves.Forward(x);
        gi.ToArray().Should().Equal(((Tensor)halves.UpdateGradInput(x, g)).ToArray());

        var first = nn.BatchNormalization(3);
        first.GradInput = LuaValue.Nil;                   // Lua's idiom for a first layer
        first.Forward(x);
        first.Backward(x, g).IsNil.Should().BeTrue();
        first.GradWeight.Abs().Sum().Should().BeGreaterThan(0);
    }
}
