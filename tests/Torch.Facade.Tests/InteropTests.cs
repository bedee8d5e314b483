using TS = TorchSharp.torch;

namespace Torch.Tests;

/// <summary>Both ways between library tensors, TorchSharp tensors and .NET arrays: shared memory, exact values for every type.</summary>
public class InteropTests
{
    const long TwoPow53Plus1 = (1L << 53) + 1; // the first integer a double cannot hold

    [Fact]
    public void A_TorchSharp_tensor_becomes_a_library_tensor_on_the_same_memory()
    {
        using var raw = TS.zeros(2, 3, TS.ScalarType.Float32);
        var t = torch.Tensor(raw);
        t.Type().Should().Be("torch.FloatTensor");
        t.Size().Should().Equal(2, 3);
        t[1, 2] = 5;
        raw[0, 1].item<float>().Should().Be(5);
        raw.fill_(2);
        ((double)t[2, 3]).Should().Be(2);
        t.Storage().Size().Should().Be(6);
    }

    [Fact]
    public void A_view_keeps_its_geometry_and_a_tensor_that_requires_grad_is_detached()
    {
        using var leaf = TS.arange(0, 12, 1, TS.ScalarType.Float64).reshape(3, 4).requires_grad_(true);
        using var transposed = leaf.t();
        var t = torch.Tensor(transposed);
        t.Size().Should().Equal(4, 3);
        t.Stride().Should().Equal(1, 4);
        ((double)t[2, 3]).Should().Be(9); // leaf[3, 2] in 1-based terms: row 3 (8..11), column 2
        t.Fill(1); // in place on a leaf that requires grad: libtorch refuses this unless the view is detached
        leaf.sum().item<double>().Should().Be(12);
    }

    [Fact]
    public void ToArray_reads_contiguous_views_from_their_offset_and_strided_ones_in_index_order()
    {
        // a contiguous double view is read in one block from its own offset; others element by element
        var m = torch.Tensor(4, 3);
        for (int i = 1; i <= 4; i++)
            for (int j = 1; j <= 3; j++) m[i, j] = 10 * i + j;
        m.Narrow(1, 2, 2).ToArray().Should().Equal(21, 22, 23, 31, 32, 33);
        m.Select(1, 4).ToArray().Should().Equal(41, 42, 43);
        m.Select(2, 2).ToArray().Should().Equal(12, 22, 32, 42);
        m.T().ToArray().Should().Equal(11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43);
        torch.Tensor(0).ToArray().Should().BeEmpty();
    }

    [Fact]
    public void A_TorchSharp_tensor_without_a_Torch7_type_is_refused_by_name()
    {
        using var b = TS.ones(3, TS.ScalarType.Bool);
        var act = () => torch.Tensor(b);
        act.Should().Throw<ArgumentException>().WithMessage("torch.Tensor: a TorchSharp tensor of element type Bool*");
    }

    public static TheoryData<Array> EveryType() => new()
    {
        new[] { System.Math.PI, -1e-300, double.MaxValue, double.Epsilon },
        new[] { 1f / 3, -float.MaxValue, float.Epsilon },
        new[] { TwoPow53Plus1, long.MaxValue, long.MinValue, -TwoPow53Plus1 },
        new[] { int.MaxValue, int.MinValue, 7 },
        new short[] { short.MaxValue, short.MinValue, -3 },
        new sbyte[] { sbyte.MaxValue, sbyte.MinValue, -1 },
        new byte[] { 0, 255, 128 },
        new[] { (Half)0.333, Half.MaxValue, (Half)(-2) },
    };

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Arrays_and_TorchSharp_tensors_round_trip_exactly(Array values) =>
        typeof(InteropTests).GetMethod(nameof(RoundTrip), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(values.GetType().GetElementType()!).Invoke(null, new object[] { values });

    static void RoundTrip<T>(T[] values) where T : unmanaged
    {
        string type = TensorType.Short(TorchType<T>());
        // array -> tensor (the typed constructor of that type; Half through the default type, which holds every Half) -> array
        var fromArray = type == "Half" ? torch.Tensor(values).Half()
            : (Tensor)typeof(torch).GetMethod(type + "Tensor", new[] { typeof(Array) })!.Invoke(null, new object[] { values })!;
        fromArray.ToArray<T>().Should().Equal(values);
        // TorchSharp -> library -> TorchSharp, sharing memory both ways
        using var raw = TS.zeros(values.Length, TorchType<T>());
        var shared = torch.Tensor(raw);
        shared.Type().Should().Be($"torch.{type}Tensor");
        // written through TorchSharp, read through the library, and the other way
        var access = raw.data<T>();
        for (int i = 0; i < values.Length; i++) access[i] = values[i];
        shared.ToArray<T>().Should().Equal(values);
        var copy = new T[values.Length];
        shared.CopyTo<T>(copy);
        copy.Should().Equal(values);
        shared.Zero();
        raw.data<T>().ToArray().Should().Equal(new T[values.Length]);
    }

    static TS.ScalarType TorchType<T>() => typeof(T) == typeof(double) ? TS.ScalarType.Float64 : typeof(T) == typeof(float) ? TS.ScalarType.Float32
        : typeof(T) == typeof(long) ? TS.ScalarType.Int64 : typeof(T) == typeof(int) ? TS.ScalarType.Int32
        : typeof(T) == typeof(short) ? TS.ScalarType.Int16 : typeof(T) == typeof(sbyte) ? TS.ScalarType.Int8
        : typeof(T) == typeof(byte) ? TS.ScalarType.Byte : TS.ScalarType.Float16;

    [Fact]
    public void Sixty_four_bit_integers_stay_exact_through_every_constructor()
    {
        torch.LongTensor(new long[,] { { TwoPow53Plus1, 1 }, { 2, -TwoPow53Plus1 } }).ToArray<long>()
            .Should().Equal(TwoPow53Plus1, 1, 2, -TwoPow53Plus1);
        torch.LongTensor(new[] { new[] { TwoPow53Plus1 }, new[] { long.MaxValue } }).ToArray<long>()
            .Should().Equal(TwoPow53Plus1, long.MaxValue);
        torch.LongTensor(new[] { TwoPow53Plus1, long.MinValue }.AsSpan()).ToArray<long>()
            .Should().Equal(TwoPow53Plus1, long.MinValue);
        (TwoPow53Plus1 == (long)(double)TwoPow53Plus1).Should().BeFalse("a double path would have rounded it");
    }

    [Fact]
    public void Rectangular_arrays_keep_their_shape_and_convert_to_the_constructor_type()
    {
        var bytes = new byte[2, 3, 4];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) bytes[i, j, k] = (byte)(100 * i + 10 * j + k);
        var b = torch.ByteTensor(bytes);
        b.Size().Should().Equal(2, 3, 4);
        ((double)b[2, 3, 4]).Should().Be(123);
        ((double)b[1, 2, 1]).Should().Be(10);
        var d = torch.Tensor(bytes);
        d.Type().Should().Be("torch.DoubleTensor");
        d.ToArray<double>().Should().Equal(b.ToArray<byte>().Select(v => (double)v));
        torch.FloatTensor(new[] { 1, 2, 3 }).ToArray<float>().Should().Equal(1f, 2f, 3f);
        torch.Tensor(new object[] { new object[] { 1, 2.5 }, new[] { 3.0, 4 } }).ToArray<double>().Should().Equal(1, 2.5, 3, 4);
    }

    [Fact]
    public void Span_constructors_take_sizes_and_check_them()
    {
        ReadOnlySpan<float> pixels = stackalloc float[] { 1, 2, 3, 4, 5, 6 };
        var m = torch.FloatTensor(pixels, 2, 3);
        m.Size().Should().Equal(2, 3);
        ((double)m[2, 1]).Should().Be(4);
        torch.ByteTensor(new byte[] { 9, 8 }.AsSpan()).Size().Should().Equal(2);
        var act = () => torch.DoubleTensor(new double[5].AsSpan(), 2, 3);
        act.Should().Throw<ArgumentException>().WithMessage("torch.DoubleTensor: 5 values for sizes 2x3 (6 elements)");
    }

    [Fact]
    public void Ragged_tables_and_nested_grids_are_refused()
    {
        var ragged = () => torch.Tensor(new[] { new[] { 1.0, 2 }, new[] { 3.0 } });
        ragged.Should().Throw<ArgumentException>().WithMessage("*inconsistent table sizes at depth 2: 2 and 1*");
        var mixed = () => torch.Tensor(new object[] { new[] { 1.0 }, 2.0 });
        mixed.Should().Throw<ArgumentException>().WithMessage("*a number where a table was expected*");
    }

    [Fact]
    public void CopyTo_reads_a_view_in_its_own_row_major_order_and_converts()
    {
        var m = torch.Tensor(new double[,] { { 1.5, 2 }, { 3, 4.75 } });
        Span<float> f = stackalloc float[4];
        m.T().CopyTo(f);
        f.ToArray().Should().Equal(1.5f, 3f, 2f, 4.75f);
        m.ToArray<long>().Should().Equal(1, 2, 3, 4); // libtorch's conversion truncates, as TH's does
        var small = () => m.CopyTo(new double[3].AsSpan());
        small.Should().Throw<ArgumentException>().WithMessage("CopyTo: the destination holds 3 elements but the tensor has 4*");
        var wrong = () => m.ToArray<bool>();
        wrong.Should().Throw<NotSupportedException>().WithMessage("Boolean is not a Torch7 element type*");
    }

    [Fact]
    public void What_Forward_returns_prints_through_Console_Write()
    {
        LuaValue v = torch.Tensor(new double[] { 7, 14 });
        var w = new StringWriter();
        w.Write(v); // the same overloads as Console.Write: a LuaValue converting implicitly to bool or double made this ambiguous
        w.ToString().Should().Be("  7\n 14\n[torch.DoubleTensor of size 2]\n");
    }
}
