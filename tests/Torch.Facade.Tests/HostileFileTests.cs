using System.Text;

namespace Torch.Tests;

/// <summary>Issue 13's .t7 findings: every bad file raises one exception type (InvalidDataException) that names the file, the
/// byte offset and what was expected; Lua's byte strings survive a round trip; valid files Torch7 reads load here too.</summary>
public class HostileFileTests
{
    static string Made(string name) => Path.Combine(Processes.RepoRoot(), "tests", "Torch.Facade.Tests", "Reliability", name);

    /// <summary>Builds binary .t7 bytes by hand (4-byte ints, 8-byte longs, strings as length + bytes).</summary>
    sealed class Bytes
    {
        readonly MemoryStream m = new();
        public Bytes Int(int v) { m.Write(BitConverter.GetBytes(v)); return this; }
        public Bytes Long(long v) { m.Write(BitConverter.GetBytes(v)); return this; }
        public Bytes Str(string s) { var b = Encoding.ASCII.GetBytes(s); Int(b.Length); m.Write(b); return this; }
        public Bytes Raw(params byte[] b) { m.Write(b); return this; }
        /// <summary>The header of a Torch object: tag 4, reference, version, class name.</summary>
        public Bytes Torch(int index, string className) => Int(4).Int(index).Str("V 1").Str(className);
        public byte[] ToArray() => m.ToArray();
    }

    static InvalidDataException LoadFails(byte[] bytes, string format = "binary")
    {
        string path = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.t7");
        File.WriteAllBytes(path, bytes);
        try
        {
            var act = () => torch.Load(path, format);
            var e = act.Should().Throw<InvalidDataException>().Which;
            e.Message.Should().Contain(path).And.MatchRegex("at byte [0-9]+ of [0-9]+: ");
            return e;
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Lua_byte_strings_stay_bytes_keys_stay_distinct_and_text_stays_a_string()
    {
        var t = torch.Load<Table>(Made("bytes.t7")); // written by Torch7: see tools/torch7/reliability-fixtures.lua
        t[new LuaValue(new LuaBytes(new byte[] { 0xFF }))].Object.Should().Be(1.0);
        t[new LuaValue(new LuaBytes(new byte[] { 0xFE }))].Object.Should().Be(2.0);
        ((LuaBytes)t["s"].Object!).ToArray().Should().Equal(0x41, 0x80, 0xC0, 0x42);
        ((string)t["u"]).Should().Be("héllo");
        t.Count().Should().Be(4);

        var again = (Table)torch.Deserialize(torch.Serialize(t))!;
        again[new LuaValue(new LuaBytes(new byte[] { 0xFF }))].Object.Should().Be(1.0);
        again[new LuaValue(new LuaBytes(new byte[] { 0xFE }))].Object.Should().Be(2.0);
        ((LuaBytes)again["s"].Object!).ToArray().Should().Equal(0x41, 0x80, 0xC0, 0x42);
        ((string)again["u"]).Should().Be("héllo");
        torch.Serialize(t).Length.Should().Be((int)new FileInfo(Made("bytes.t7")).Length, "the same entries take Torch7's bytes");
        var cast = () => (string)t["s"];
        cast.Should().Throw<InvalidCastException>().WithMessage("*A\\x80\\xC0B*");
    }

    [Fact]
    public void Bytes_after_the_object_are_ignored_as_Torch7_does()
    {
        torch.Load<Tensor>(Made("trailing.t7")).ToArray().Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Nesting_deeper_than_a_thousand_levels_loads_and_saves_from_a_small_stack()
    {
        object? loaded = null;
        byte[]? saved = null;
        Exception? error = null;
        var small = new Thread(() =>
        {
            try
            {
                loaded = torch.Load(Made("deep.t7"));
                saved = torch.Serialize(loaded);
            }
            catch (Exception e) { error = e; }
        }, 256 * 1024);
        small.Start();
        small.Join();
        error.Should().BeNull();
        var t = (Table)loaded!;
        for (int i = 0; i < 2000; i++) t = t[1];
        ((double)t[1]).Should().Be(42);
        saved!.Length.Should().Be((int)new FileInfo(Made("deep.t7")).Length);
    }

    [Fact]
    public void Nesting_beyond_the_bound_is_refused_with_the_offset()
    {
        var b = new Bytes();
        for (int i = 0; i < 20_000; i++) b.Int(3).Int(i + 1).Int(1).Int(1).Raw(BitConverter.GetBytes(1.0));
        LoadFails(b.Int(0).ToArray()).Message.Should().Contain("nested deeper than 10000");
        var deep = new Table();
        var c = deep;
        for (int i = 0; i < 20_000; i++) { var n = new Table(); c[1] = n; c = n; }
        var save = () => torch.Serialize(deep);
        save.Should().Throw<InvalidOperationException>().WithMessage("torch.Serialize: objects nested deeper than 10000*");
    }

    [Fact]
    public void A_storage_count_whose_byte_size_overflows_is_refused_before_allocating()
    {
        var e = LoadFails(new Bytes().Torch(1, "torch.DoubleStorage").Long((1L << 61) + 1).Raw(new byte[8]).ToArray());
        e.Message.Should().Contain("<torch.DoubleStorage>: expected 0..1 elements").And.Contain("got 2305843009213693953");
    }

    [Fact]
    public void Ascii_integers_beyond_their_type_raise_the_file_error()
    {
        LoadFails(Encoding.ASCII.GetBytes("99999999999\n"), "ascii").Message.Should().Contain("expected an int: an integer in -2147483648..2147483647, got '99999999999'");
        var longStorage = "4\n1\n3\nV 1\n17\ntorch.LongStorage\n2\n9007199254740993 -9223372036854775808\n";
        var s = (Storage)torch.Deserialize(Encoding.ASCII.GetBytes(longStorage), "ascii")!;
        s.AsSpan<long>().ToArray().Should().Equal(9007199254740993, long.MinValue); // exactly, not through a double
    }

    [Fact]
    public void Unknown_tensor_classes_are_named()
    {
        var e = LoadFails(new Bytes().Torch(1, "torch.BoolTensor").Int(1).Long(1).Long(1).Long(1).Int(0).ToArray());
        e.Message.Should().Contain("unknown Torch class <torch.BoolTensor>");
    }

    [Fact]
    public void A_text_file_is_not_a_Torch7_file()
    {
        LoadFails(Encoding.ASCII.GetBytes("hello, this is a text file\n")).Message.Should().Contain("this is not a Torch7 file: it starts with text");
    }

    [Fact]
    public void A_tensor_beyond_its_storage_is_refused()
    {
        // 70 bytes that crashed the process: an empty view at offset 2^40 of a 1-element storage, then indexed
        var bytes = new Bytes().Torch(1, "torch.DoubleTensor").Int(1).Long(0).Long(1).Long(1L << 40)
            .Torch(2, "torch.DoubleStorage").Long(1).Raw(BitConverter.GetBytes(7.0)).ToArray();
        LoadFails(bytes).Message.Should().Contain("storage offset 1099511627776");
        var wrapped = new Bytes().Torch(1, "torch.DoubleTensor").Int(2).Long(1L << 62).Long(4).Long(4).Long(1).Long(1)
            .Torch(2, "torch.DoubleStorage").Long(1).Raw(BitConverter.GetBytes(7.0)).ToArray();
        LoadFails(wrapped).Message.Should().Contain("reaches element");
    }

    [Fact]
    public void Every_truncation_and_mutation_of_a_Torch7_file_raises_only_the_file_error()
    {
        var good = File.ReadAllBytes(Fixtures.Path_("t7", "table_mixed.t7"));
        for (int cut = 0; cut < good.Length; cut += 5)
        {
            var act = () => torch.Deserialize(good[..cut]);
            act.Should().Throw<InvalidDataException>().WithMessage("torch.Load: <bytes>: at byte *");
        }
        var rng = new Random(13);
        for (int trial = 0; trial < 300; trial++)
        {
            var bad = (byte[])good.Clone();
            for (int k = 0; k < 3; k++) bad[rng.Next(bad.Length)] = (byte)rng.Next(256);
            try { torch.Deserialize(bad); }
            catch (InvalidDataException) { }
        }
    }

    [Fact]
    public void A_class_name_never_loads_an_assembly()
    {
        var loaded = new List<string>();
        AssemblyLoadEventHandler record = (_, e) => loaded.Add(e.LoadedAssembly.GetName().Name!);
        AppDomain.CurrentDomain.AssemblyLoad += record;
        try
        {
            foreach (var name in new[] { "nn.Linear", "optim.State", "xunit.Fact", "fluentAssertions.X", "system.IO" })
                LoadFails(new Bytes().Torch(1, name).Int(0).ToArray()).Message.Should().Contain($"unknown Torch class <{name}>");
        }
        finally { AppDomain.CurrentDomain.AssemblyLoad -= record; }
        loaded.Should().BeEmpty();
    }
}
