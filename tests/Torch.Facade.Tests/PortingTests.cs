namespace Torch.Tests;

/// <summary>What line-by-line ports of Lua scripts (dcgan.torch, fb.resnet.torch) lean on: storages compared with ==,
/// torch.type/typename, tensor methods on what an indexer or Forward returns, torch.Timer, torch.CmdLine.</summary>
public class PortingTests
{
    [Fact]
    public void Two_wrappers_of_one_storage_are_equal_as_in_Lua()
    {
        var a = torch.Tensor(4, 6);
        var row = a.Select(1, 3);
        (a.Storage() == row.Storage()).Should().BeTrue(); // fb.resnet's train.lua asserts this of its parameters
        a.Storage().Equals(torch.Tensor(a).Storage()).Should().BeTrue();
        a.Storage().GetHashCode().Should().Be(row.Storage().GetHashCode());
        (a.Storage() != a.Clone().Storage()).Should().BeTrue();
        (a.Storage() == a.Float().Storage()).Should().BeFalse();
        (torch.DoubleStorage(0) == torch.DoubleStorage(0)).Should().BeFalse("two empty storages are still two storages");
    }

    [Fact]
    public void Typename_and_Type_answer_as_Lua()
    {
        torch.Typename(torch.FloatTensor(2)).Should().Be("torch.FloatTensor");
        torch.Typename(torch.LongStorage(2)).Should().Be("torch.LongStorage");
        torch.Typename(3.0).Should().BeNull();
        torch.Typename(new Table()).Should().BeNull();
        torch.Type(3).Should().Be("number");
        torch.Type("s").Should().Be("string");
        torch.Type(null).Should().Be("nil");
        torch.Type(new Table()).Should().Be("table");
        torch.Type(torch.Tensor(1)).Should().Be("torch.DoubleTensor");
    }

    [Fact]
    public void Indexed_rows_and_Lua_values_take_tensor_methods_without_a_cast()
    {
        var inputs = torch.Zeros(3, 2);
        inputs[2].Copy(torch.Tensor(new double[] { 5, 6 })); // Lua: inputs[2]:copy(x)
        inputs[3].Fill(1);
        ((double)inputs[2, 2]).Should().Be(6);
        inputs.Sum().Should().Be(13);
        LuaValue output = inputs;
        output.Float().Type().Should().Be("torch.FloatTensor");
        output.Size(1).Should().Be(3);
        var (_, idx) = output.Max(2);
        idx.ToArray<long>().Should().Equal(1, 2, 1);
        var clone = output.Clone();
        (clone.Storage() == inputs.Storage()).Should().BeFalse();
        var number = () => inputs[1, 1].Float();
        number.Should().Throw<InvalidCastException>().WithMessage("*the result is a number*");
        var nil = () => LuaValue.Nil.Clone();
        nil.Should().Throw<InvalidCastException>().WithMessage("expected a Tensor, got nil");
    }

    [Fact]
    public void Lua_truth_decides_conditions_while_numbers_and_booleans_need_a_cast()
    {
        var t = new Table { ["yes"] = true, ["no"] = false, ["zero"] = 0.0 };
        bool Truth(LuaValue v) => v ? true : false;
        Truth(t["yes"]).Should().BeTrue();
        Truth(t["no"]).Should().BeFalse();
        Truth(t["zero"]).Should().BeTrue("0 is true in Lua");
        Truth(t["missing"]).Should().BeFalse();
        (!t["missing"]).Should().BeTrue();
        ((double)t["zero"]).Should().Be(0);
    }

    [Fact]
    public void Timer_counts_real_time_only_while_running()
    {
        var timer = torch.Timer();
        Thread.Sleep(30);
        timer.Stop();
        double stopped = timer.Time().Real;
        stopped.Should().BeGreaterThanOrEqualTo(0.025);
        Thread.Sleep(30);
        timer.Time().Real.Should().Be(stopped);
        timer.Resume();
        Thread.Sleep(10);
        timer.Time().Real.Should().BeGreaterThan(stopped);
        timer.Reset().Time().Real.Should().BeLessThan(stopped);
        var (_, user, sys) = timer.Time();
        (user >= 0 && sys >= 0).Should().BeTrue();
    }

    static CmdLine DcganOptions() => torch.CmdLine()
        .Text().Text("Options:")
        .Option("-batchSize", 64, "batch size")
        .Option("-dataset", "lsun", "imagenet / lsun / folder")
        .Option("-gpu", false, "use the GPU")
        .Argument("-name", "experiment name");

    [Fact]
    public void CmdLine_parses_as_Lua_and_prints_Luas_help()
    {
        Table opt = DcganOptions().Parse(new[] { "-batchSize", "16", "run1", "-gpu" });
        ((double)opt["batchSize"]).Should().Be(16);
        ((string)opt["dataset"]).Should().Be("lsun");
        ((bool)opt["gpu"]).Should().BeTrue();
        ((string)opt["name"]).Should().Be("run1");
        // Torch7: cmd:help() of the same declarations
        DcganOptions().Help().Should().Be(
            "Usage: [options] <name>\n\nOptions:\n  -batchSize batch size [64]\n  -dataset   imagenet / lsun / folder [lsun]\n" +
            "  -gpu       use the GPU [false]\n  <name>     experiment name\n");
        var unknown = () => DcganOptions().Parse(new[] { "run1", "-lr", "1" });
        unknown.Should().Throw<ArgumentException>().WithMessage("torch.CmdLine: unknown option -lr*Usage:*");
        var notNumber = () => DcganOptions().Parse(new[] { "-batchSize", "many", "run1" });
        notNumber.Should().Throw<ArgumentException>().WithMessage("torch.CmdLine: invalid type for option -batchSize (should be number)*");
        var missing = () => DcganOptions().Parse(Array.Empty<string>());
        missing.Should().Throw<ArgumentException>().WithMessage("torch.CmdLine: not enough arguments*");
    }
}
