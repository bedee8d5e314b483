using System.Text;

namespace Torch.Tests;

/// <summary>Issue 13's findings outside files: printing cycles, element access of empty and hostile views, sizes no
/// machine holds, Renorm(NaN). Each once crashed the process or returned a wrong value.</summary>
public class ReliabilityTests
{
    [Fact]
    public void A_table_that_contains_itself_prints_its_address()
    {
        var t = new Table();
        t["self"] = t;
        t["n"] = 1;
        var inner = new Table(t);
        t["inner"] = inner;
        t[new LuaValue(t)] = true; // as a key too
        string text = t.ToString();
        string address = Table.Address(t);
        address.Should().MatchRegex("^table: 0x[0-9a-f]{8}$");
        text.Should().Contain($"self : {address}").And.Contain($"1 : {address}").And.Contain($"{address} : true").And.Contain("n : 1");
    }

    [Fact]
    public void A_32_byte_file_of_a_table_holding_itself_loads_and_prints()
    {
        // {self = <itself>}: table 1 with one entry, key "self", value a reference to table 1
        var m = new MemoryStream();
        foreach (var v in new[] { 3, 1, 1, 2, 4 }) m.Write(BitConverter.GetBytes(v));
        m.Write("self"u8);
        foreach (var v in new[] { 3, 1 }) m.Write(BitConverter.GetBytes(v));
        m.Length.Should().Be(32);
        var t = (Table)torch.Deserialize(m.ToArray())!;
        ReferenceEquals((Table)t["self"], t).Should().BeTrue();
        t.ToString().Should().Be($"{{\n  self : {Table.Address(t)}\n}}");
        torch.Serialize(t).Should().Equal(m.ToArray(), "the cycle is written as a reference, as Torch7 does");
    }

    [Fact]
    public void Nested_tables_print_indented_and_deep_ones_stop_at_addresses()
    {
        var t = new Table();
        t["a"] = new Table { ["b"] = 2 };
        t.ToString().Should().Be("{\n  a : \n    {\n      b : 2\n    }\n}");
        var deep = new Table();
        var c = deep;
        for (int i = 0; i < 5000; i++) { var n = new Table(); c[1] = n; c = n; }
        deep.ToString().Should().Contain("1 : table: 0x");
    }

    [Fact]
    public void Element_access_of_a_tensor_without_elements_is_an_error_not_a_stale_value()
    {
        var empty = torch.DoubleTensor(4).Fill(7).Narrow(1, 1, 0);
        var read = () => (double)empty[new long[0]];
        read.Should().Throw<IndexOutOfRangeException>().WithMessage("Tensor index: the tensor has no elements*");
        var write = () => empty[new long[0]] = 3;
        write.Should().Throw<IndexOutOfRangeException>();
    }

    [Fact]
    public void Views_beyond_their_storage_are_refused_even_when_empty_or_when_sizes_overflow()
    {
        var s = torch.DoubleStorage(1);
        var far = () => torch.Tensor(s, 1L << 40, new long[] { 0 });
        far.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Set: storage offset 1099511627776 beyond the storage's 1 elements*");
        var wrapped = () => torch.Tensor(torch.DoubleStorage(4), 1, new long[] { 1L << 62, 4 }, new long[] { 4, 1 });
        wrapped.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Set: the view reaches element 18446744073709551616*");
        torch.Tensor(s, 2, new long[] { 0 }).NElement().Should().Be(0, "an empty view just past the end is still valid");
    }

    [Fact]
    public void A_long_array_of_values_is_sizes_and_an_impossible_size_is_named_before_allocating()
    {
        var act = () => torch.LongTensor(new long[] { 9007199254740993 });
        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("torch.LongTensor: sizes 9007199254740993 need more than 281474976710656 bytes*a long[] argument means sizes*");
        var product = () => torch.Tensor(1L << 20, 1L << 20, 1L << 20, 1L << 20);
        product.Should().Throw<ArgumentOutOfRangeException>().WithMessage("torch.DoubleTensor: sizes 1048576x1048576x1048576x1048576 need more*");
        var resize = () => torch.Tensor(2).Resize(1L << 40, 1L << 40);
        resize.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Resize: sizes*");
        var storage = () => torch.FloatStorage(1L << 62);
        storage.Should().Throw<ArgumentOutOfRangeException>().WithMessage("torch.FloatStorage: sizes 4611686018427387904*");
    }

    [Fact]
    public void Fuzzer_findings_raise_clear_errors_instead_of_crashing_or_leaking_libtorch_text()
    {
        // each of these crashed the process (Randperm) or surfaced libtorch's C++ text, in Torch.Fuzz's API cases
        var cases = new (string Fn, Action Call)[]
        {
            ("torch.Randperm", () => torch.Randperm(1L << 40)),
            ("torch.Linspace", () => torch.Linspace(0, 1, 1L << 40)),
            ("torch.Logspace", () => torch.Logspace(0, 1, 1L << 62)),
            ("torch.Eye", () => torch.Eye(2, long.MaxValue)),
            ("torch.Zeros", () => torch.Zeros(3, 2, 1L << 40, 3)),
            ("torch.Diag", () => torch.Diag(torch.Tensor(3), 1L << 62)),
            ("RepeatTensor", () => torch.Tensor(3, 3).RepeatTensor(3, 3, long.MaxValue, 3)),
            ("Narrow", () => torch.Tensor(3).Narrow(1, long.MaxValue, long.MaxValue)),
            ("Unfold", () => torch.Tensor(2, 2, 2, 2).Unfold(3, 1, 1L << 62)),
            ("torch.Bhistc", () => torch.Bhistc(torch.Tensor(2, 3).Zero(), 1L << 40)),
            ("Neg", () => torch.Tensor(1).Fill(2).Expand(4).Neg()),
            ("Add", () => torch.Tensor(1).Fill(2).Expand(4).Add(1)),
            ("Cmax", () => torch.Tensor(1).Fill(2).Expand(4).Cmax(0.5)),
            ("torch.Orgqr", () => torch.Orgqr(torch.HalfTensor(4, 4), torch.HalfTensor(3))),
        };
        foreach (var (fn, call) in cases)
        {
            var e = call.Should().Throw<Exception>().Which;
            e.Should().Match<Exception>(x => x is ArgumentException || x is InvalidOperationException || x is OutOfMemoryException || x is IndexOutOfRangeException
                || x is NotSupportedException, fn);
            e.Message.Should().StartWith(fn).And.NotContain("Exception raised from").And.NotContain("frame #");
        }
        var expanded = torch.Tensor(1).Fill(2).Expand(4);
        var failed = () => expanded.Neg();
        failed.Should().Throw<InvalidOperationException>();
        expanded.ToArray().Should().Equal(2, 2, 2, 2);
    }

    [Fact]
    public void Renorm_with_a_NaN_norm_is_refused_as_Torch7_refuses_it()
    {
        // Torch7: x:renorm(0/0, 1, 1) raises "non-positive-norm not supported"; a NaN maxnorm leaves x unchanged
        var x = torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } });
        var act = () => x.Renorm(double.NaN, 1, 1);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Renorm: non-positive norm NaN*");
        x.Renorm(2, 1, double.NaN).ToArray().Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public void Renorm_with_an_infinite_or_large_norm_gives_Torch7s_values()
    {
        // Torch7 sums |x|^p and raises the sum to 1/p: with p = inf every row's "norm" is pow(sum, 0) = 1, so maxnorm 0.5 halves
        // every row and maxnorm 1 changes nothing; with p = 1000, 3^1000 overflows and the row is scaled by 0 (values printed by
        // Torch7's torch.renorm on this matrix)
        var x = torch.Tensor(new double[,] { { 1, 2, 3 }, { 0.1, 0.2, 0.3 }, { -4, 5, 0 } });
        double half = 0.5 / (1 + 1e-7);
        torch.Renorm(x, double.PositiveInfinity, 1, 0.5).ToArray().Should().Equal(x.ToArray().Select(v => v * half));
        torch.Renorm(x, double.PositiveInfinity, 1, 1).ToArray().Should().Equal(x.ToArray());
        torch.Renorm(x, double.PositiveInfinity, 1, double.PositiveInfinity).ToArray().Should().Equal(x.ToArray());
        torch.Renorm(x, 1000, 1, 2).ToArray().Should().Equal(0, 0, 0, 0.1, 0.2, 0.3, -0.0, 0, 0);
        var y = torch.Tensor(new double[,] { { double.PositiveInfinity, 1 }, { 2, 3 } });
        torch.Renorm(y, 2, 1, 1).ToArray().Should().Equal(double.NaN, 0, 2 / (System.Math.Sqrt(13) + 1e-7), 3 / (System.Math.Sqrt(13) + 1e-7));
        torch.Renorm(y, 2, 1, double.PositiveInfinity).ToArray().Should().Equal(double.PositiveInfinity, 1, 2, 3);
    }

    [Fact]
    public void The_smallest_integer_divided_by_minus_one_is_refused_instead_of_trapping()
    {
        // the fuzzer's api case: IntTensor{int.MinValue}:div(-1) ended the process with SIGFPE (exit 136), as it does in Torch7
        var x = torch.IntTensor(new[] { int.MinValue, 6 });
        var div = () => x.Div(-1);
        div.Should().Throw<ArgumentException>().WithMessage("Div: -2147483648 divided by -1 does not fit a torch.IntTensor*");
        x.ToArray().Should().Equal(int.MinValue, 6);
        var fmod = () => torch.LongTensor(new[] { (double)long.MinValue }).Fmod(-1);
        fmod.Should().Throw<ArgumentException>().WithMessage("Fmod: *divided by -1*");
        var cdiv = () => x.Clone().Cdiv(torch.IntTensor(new[] { -1, 2 }));
        cdiv.Should().Throw<ArgumentException>();
        x.Clone().Cdiv(torch.IntTensor(new[] { 2, -1 })).ToArray().Should().Equal(new double[] { int.MinValue / 2, -6 }, "-1 elsewhere divides as usual");
    }

    [Fact]
    public void Errors_the_api_fuzzer_met_name_the_function_without_libtorch_text()
    {
        // seed 4242's api cases 2594, 6252 and 9460 passed libtorch's text and C++ frames through
        var permute = () => torch.HalfTensor(2, 3).Permute(-1, 2);
        permute.Should().Throw<ArgumentException>().WithMessage("Permute: expected a permutation of 1..2, got (-1, 2)");
        var empty = () => torch.CharTensor().Permute(int.MinValue, 1, 1); // seed 99's case 4947
        empty.Should().Throw<ArgumentException>().WithMessage("Permute: expected a permutation of 1..0, got*");
        torch.CharTensor().Permute().Dim().Should().Be(0);
        var uniform = () => torch.HalfTensor(1).Expand(4).Uniform(null, 3, 0); // seed 99's case 3703
        uniform.Should().Throw<InvalidOperationException>().WithMessage("Uniform: cannot write into*");
        var expanded = torch.ByteTensor(new byte[] { 3 }).Expand(4);
        var mul = () => expanded.Mul(1);
        mul.Should().Throw<InvalidOperationException>().WithMessage("Mul: cannot write into this torch.ByteTensor of size 4: its elements share memory*");
        var repeat = () => torch.HalfTensor(4).RepeatTensor(3, 1, 3, 1L << 40);
        repeat.Should().Throw<OutOfMemoryException>().WithMessage("RepeatTensor: *").Which.Message.Should().NotContain("frame #");
    }

    [Fact]
    public void Printing_a_tensor_with_more_elements_than_an_array_holds_says_so()
    {
        // a stride-0 view (as a .t7 file can hold) with 2^40 elements over one number: printing it once raised a bare OverflowException
        var huge = torch.Tensor(torch.DoubleStorage(1), 1, new[] { 1L << 40 }, new[] { 0L });
        var print = () => huge.ToString();
        print.Should().Throw<InvalidOperationException>().WithMessage("ToArray: 1099511627776 elements do not fit in one .NET array");
    }

    [Fact]
    public void Lua_byte_strings_compare_by_content()
    {
        var a = new LuaValue(new LuaBytes(new byte[] { 0xFF, 0x00 }));
        var b = new LuaValue(new LuaBytes(new byte[] { 0xFF, 0x00 }));
        a.Equals(b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Describe().Should().Be("string");
        LuaBytes.Of("ok"u8).Should().Be("ok");
        LuaBytes.Of(new byte[] { 0xC0, 0x80 }).Should().BeOfType<LuaBytes>("an overlong encoding is not text");
        Encoding.UTF8.GetString(LuaBytes.BytesOf("é")).Should().Be("é");
    }
}
