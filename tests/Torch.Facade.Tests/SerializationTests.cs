namespace Torch.Tests;

/// <summary>.t7 files written by real Torch7 (fixtures/t7), and our own round trips.</summary>
public class SerializationTests
{
    static string T7(string name) => Fixtures.Path_("t7", name);

    [Theory]
    [InlineData("double_4x6.t7", "torch.DoubleTensor", 4, 6)]
    [InlineData("double_4x6_ascii.t7", "torch.DoubleTensor", 4, 6)]
    [InlineData("float_3x5.t7", "torch.FloatTensor", 3, 5)]
    [InlineData("float_3x5_ascii.t7", "torch.FloatTensor", 3, 5)]
    public void Tensors_from_Torch7_hold_the_fixture_values(string file, string type, int rows, int cols)
    {
        string format = file.Contains("ascii") ? "ascii" : "binary";
        var t = torch.Load<Tensor>(T7(file), format);
        t.Type().Should().Be(type);
        t.Size().Should().Equal(rows, cols);
        var expected = Fixtures.Numbers("t7", file.Replace("_ascii", "").Replace(".t7", ".txt"));
        t.ToArray().Should().Equal(expected);
    }

    [Fact]
    public void Byte_tensor_from_Torch7()
    {
        var t = torch.Load<Tensor>(T7("byte_10.t7"));
        t.Type().Should().Be("torch.ByteTensor");
        t.ToArray().Should().Equal(Fixtures.Numbers("t7", "byte_10.txt"));
    }

    [Theory]
    [InlineData("double_4x6.t7", "binary")]
    [InlineData("float_3x5.t7", "binary")]
    [InlineData("byte_10.t7", "binary")]
    [InlineData("double_4x6_ascii.t7", "ascii")]
    [InlineData("float_3x5_ascii.t7", "ascii")]
    public void Saving_a_loaded_tensor_gives_Torch7s_bytes_back(string file, string format)
    {
        var bytes = File.ReadAllBytes(T7(file));
        var t = torch.Deserialize(bytes, format);
        torch.Serialize(t, format).Should().Equal(bytes);
    }

    [Theory]
    [InlineData("table_mixed.t7", "binary")]
    [InlineData("table_mixed_ascii.t7", "ascii")]
    public void Lua_tables_of_every_value_kind(string file, string format)
    {
        var t = torch.Load<Table>(T7(file), format);
        ((double)t[1]).Should().Be(10);
        ((double)t[2]).Should().Be(20);
        ((string)t[3]).Should().Be("thirty");
        t.Length.Should().Be(3);
        ((double)t["num"]).Should().Be(3.25);
        ((double)t["int"]).Should().Be(42);
        ((double)t["neg"]).Should().Be(-7);
        ((double)t["big"]).Should().Be(System.Math.Pow(2, 53));
        ((double)t["tiny"]).Should().Be(1e-300);
        ((string)t["str"]).Should().Be("hello torch");
        ((string)t["empty"]).Should().Be("");
        ((bool)t["yes"]).Should().BeTrue();
        t["no"].Object.Should().Be(false);
        Table nested = t["nested"];
        ((double)nested["a"]).Should().Be(1);
        Table list = nested["list"];
        list.IPairs().Select(v => (string)v).Should().Equal("x", "y", "z");
        Table deeper = nested["deeper"];
        ((bool)deeper["flag"]).Should().BeTrue();
        ((double)deeper["pi"]).Should().Be(System.Math.PI);
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("ascii")]
    public void Round_trip_keeps_values_types_and_shared_storage(string format)
    {
        var a = torch.Tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var col = a.Select(2, 2);
        var t = new Table(a, col, torch.IntTensor(new[] { 7, -8 }), "s", 2.5, true);
        t["f"] = torch.FloatTensor(new[] { 0.1f, 1e-30f });
        string path = Path.GetTempFileName();
        try
        {
            torch.Save(path, t, format);
            var back = torch.Load<Table>(path, format);
            Tensor a2 = back[1], col2 = back[2];
            a2.ToArray().Should().Equal(1, 2, 3, 4, 5, 6);
            col2.ToArray().Should().Equal(2, 5);
            col2.Stride().Should().Equal(3);
            col2.StorageOffset().Should().Be(2);
            col2[1] = 99;
            ((double)a2[1, 2]).Should().Be(99, "the column still views the matrix's storage after loading");
            ((Tensor)back[3]).Type().Should().Be("torch.IntTensor");
            ((Tensor)back[3]).ToArray().Should().Equal(7, -8);
            ((Tensor)back["f"]).ToArray().Should().Equal(0.1f, 1e-30f);
            ((string)back[4]).Should().Be("s");
            ((double)back[5]).Should().Be(2.5);
            ((bool)back[6]).Should().BeTrue();
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Damaged_files_raise_clear_errors_and_never_crash()
    {
        var good = File.ReadAllBytes(T7("table_mixed.t7"));
        var rng = new Random(7);
        for (int cut = 0; cut < good.Length; cut += 7)
        {
            var act = () => torch.Deserialize(good[..cut]);
            act.Should().Throw<InvalidDataException>();
        }
        for (int trial = 0; trial < 300; trial++)
        {
            var bad = (byte[])good.Clone();
            for (int k = 0; k < 3; k++) bad[rng.Next(bad.Length)] = (byte)rng.Next(256);
            try { torch.Deserialize(bad); }
            catch (InvalidDataException) { }
            catch (ArgumentException) { }
            catch (OverflowException) { }
        }
    }

    [Fact]
    public void Unknown_classes_are_named()
    {
        var act = () => torch.Load(T7("linear_5_3.t7"));
        act.Should().Throw<InvalidDataException>().WithMessage("*unknown Torch class <nn.Linear>*");
    }
}
