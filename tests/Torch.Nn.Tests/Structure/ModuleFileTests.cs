namespace Torch.Nn.Tests;

/// <summary>nn modules in .t7 files: Torch7's own files load and compute Torch7's numbers; ours round-trip.</summary>
public class ModuleFileTests
{
    static string T7(string name) => Path.Combine(Fixtures.Root, "t7", name);

    [Fact]
    public void Torch7s_linear_loads_and_gives_Torch7s_output_and_gradients()
    {
        var lin = torch.Load<Module>(T7("linear_5_3.t7"));
        lin.Should().BeOfType<Linear>();
        lin.ToString().Should().Be("nn.Linear(5 -> 3)");
        lin.Weight.ToArray().Should().Equal(Fixtures.Numbers("linear_5_3_param1"));
        var x = torch.Load<Tensor>(T7("linear_5_3_input.t7"));
        Tensor y = lin.Forward(x);
        Check.Close(y, Fixtures.Numbers("linear_5_3_output"), 1e-10);
        lin.ZeroGradParameters();
        Tensor gi = lin.Backward(x, torch.Load<Tensor>(T7("linear_5_3_gradOutput.t7")));
        Check.Close(gi, Fixtures.Numbers("linear_5_3_gradInput"), 1e-10);
        Check.Close(lin.GradWeight, Fixtures.Numbers("linear_5_3_gradparam1"), 1e-10);
    }

    [Fact]
    public void Fields_with_underscores_in_Lua_keep_Luas_names_in_files()
    {
        var bytes = torch.Serialize(nn.Sequential().Add(nn.HardTanh(-2, 3)).Add(nn.AddConstant(4)).Add(nn.SpatialAveragePooling(2, 2)));
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        text.Should().Contain("min_val").And.Contain("max_val").And.Contain("constant_scalar").And.Contain("count_include_pad");
        var back = (Sequential)torch.Deserialize(bytes)!;
        var h = (HardTanh)back.Get(1);
        (h.MinVal, h.MaxVal).Should().Be((-2, 3));
        ((AddConstant)back.Get(2)).ConstantScalar.Should().Be(4);
    }

    [Fact]
    public void Torch7s_convolutional_sequential_loads_and_gives_Torch7s_output()
    {
        var net = torch.Load<Module>(T7("seq_conv.t7"));
        var seq = net.Should().BeOfType<Sequential>().Subject;
        seq.Size().Should().Be(6);
        seq.Get(1).Should().BeOfType<SpatialConvolution>();
        seq.Get(6).Should().BeOfType<LogSoftMax>();
        var x = torch.Load<Tensor>(T7("seq_conv_input.t7"));
        Tensor y = net.Forward(x);
        Check.Close(y, Fixtures.Numbers("seq_conv_output"), 1e-10);
        net.ZeroGradParameters();
        Tensor gi = net.Backward(x, torch.Load<Tensor>(T7("seq_conv_gradOutput.t7")));
        Check.Close(gi, Fixtures.Numbers("seq_conv_gradInput"), 1e-10);
        var (_, grads) = net.Parameters();
        for (int k = 0; k < 4; k++) Check.Close(grads[k], Fixtures.Numbers($"seq_conv_gradparam{k + 1}"), 1e-10);
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("ascii")]
    public void Our_modules_round_trip_with_their_parameters(string format)
    {
        torch.ManualSeed(5);
        var net = nn.Sequential();
        net.Add(nn.SpatialConvolution(2, 3, 3, 3, 1, 1, 1));
        net.Add(nn.ReLU());
        net.Add(nn.SpatialMaxPooling(2, 2));
        net.Add(nn.View(3 * 2 * 2));
        net.Add(nn.Linear(12, 4).NoBias());
        net.Add(nn.LogSoftMax());
        var x = torch.Tensor(2, 2, 4, 4).Uniform();
        Tensor before = ((Tensor)net.Forward(x)).Clone();
        string path = Path.GetTempFileName();
        try
        {
            torch.Save(path, net, format);
            var back = torch.Load<Module>(path, format);
            back.ToString().Should().Be(net.ToString());
            ((Tensor)back.Forward(x)).ToArray().Should().Equal(before.ToArray());
            ((Linear)((Sequential)back).Get(5)).Bias.Should().BeNull("a bias-free layer stays bias-free");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Shared_weights_stay_shared_through_a_file()
    {
        var a = nn.Linear(3, 3);
        var b = a.Clone("weight", "bias");
        var net = nn.Sequential(); net.Add(a).Add(b);
        var back = (Sequential)torch.Deserialize(torch.Serialize(net))!;
        back.Get(2).Weight.Fill(7);
        back.Get(1).Weight.ToArray().Should().OnlyContain(v => v == 7);
    }
}
