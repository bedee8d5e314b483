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

    static CmdLine DcganNaming(string sep = ",", string key = "=") => torch.CmdLine(sep, key)
        .Text().Text("Options:")
        .Option("-batchSize", 64, "batch size")
        .Option("-lr", 0.0002, "learning rate")
        .Option("-dataset", "lsun", "imagenet / lsun / folder")
        .Option("-gpu", false, "use the GPU")
        .Option("-noise", "normal", "uniform / normal")
        .Argument("-name", "experiment name");

    [Fact]
    public void CmdLine_string_names_a_run_as_Lua_and_log_writes_Luas_records()
    {
        // every expected text below is what the real Torch7 printed and wrote for the same calls
        var cmd = DcganNaming();
        Table opt = cmd.Parse(new[] { "-batchSize", "16", "run1", "-gpu", "-lr", "1e-05" });
        var console = new StringWriter();
        var saved = Console.Out;
        Console.SetOut(console);
        string s1, s2, s3, s4;
        try
        {
            s1 = cmd.String("exp", opt, new Table());
            s2 = cmd.String("exp", opt, new Table { ["gpu"] = true, ["noise"] = false });
            var cmd2 = DcganNaming("_", ":");
            s3 = cmd2.String("", cmd2.Parse(new[] { "run2" }), new Table());
            s4 = cmd2.String("p", new Table { ["name"] = "x", ["other"] = 3 }, new Table());
        }
        finally { Console.SetOut(saved); }
        s1.Should().Be("exp,name=run1,batchSize=16,gpu=t,lr=1e-05");
        s2.Should().Be("exp,name=run1,batchSize=16,lr=1e-05,noise=normal");
        s3.Should().Be("_name:run2_");
        s4.Should().Be("p_name:x_");
        var printed = console.ToString().Split('\n');
        printed.Should().Contain(new[] { "batchSize\t16\t64", "lr\t1e-05\t0.0002", "gpu\tt\tfalse", "-- ignore option gpu", "noise\tnormal\tnormal",
            "WARNING: unknown option/argument: other IGNORING for DIRECTORY NAME" });

        var dir = Directory.CreateTempSubdirectory("cmdline");
        try
        {
            string file = Path.Combine(dir.FullName, "log"), quiet = Path.Combine(dir.FullName, "quiet");
            Console.SetOut(console = new StringWriter());
            try
            {
                using (cmd.AddTime("dcgan", "%Y").Log(file, new Table { ["a"] = 1 }))
                {
                    Console.WriteLine("hello");
                    Console.Write("x");
                    Console.WriteLine();
                }
                Console.Write("after");
                console.ToString().Should().EndWith("x\nafter", "disposing the log gives the console back");
                using (torch.CmdLine().Silent().Log(quiet)) Console.WriteLine("only in the file");
            }
            finally { Console.SetOut(saved); }
            string year = DateTime.Now.ToString("yyyy"), started = File.ReadAllLines(file)[0];
            started.Should().MatchRegex($@"^{year}\[dcgan\]:  \[program started on \w{{3}} \w{{3}} [ \d]\d \d\d:\d\d:\d\d {year}\] $");
            File.ReadAllText(file).Should().EndWith(
                $"{year}[dcgan]:  [command line arguments] \n{year}[dcgan]:  a 1 \n{year}[dcgan]:  [----------------------] \n" +
                $"{year}[dcgan]:  hello \n{year}[dcgan]:  x \n");
            console.ToString().Should().Be(started[(year.Length + 10)..^1] + "\n[command line arguments]\na\t1\n[----------------------]\nhello\nx\nafter");
            File.ReadAllLines(quiet)[^1].Should().Be("only in the file ");
        }
        finally { dir.Delete(true); }
    }
}
