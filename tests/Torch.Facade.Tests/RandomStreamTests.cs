namespace Torch.Tests;

/// <summary>Torch7's random streams, call for call: tools/torch7/random.lua made tests/fixtures/random/streams.txt with the
/// real Torch7, and each test repeats that script's calls here; every number must be equal, not close.</summary>
public class RandomStreamTests
{
    static readonly Dictionary<string, double[]> Expected = Fixtures.Rows("random", "streams.txt");

    static double[] Values(params object[] items) => items.SelectMany(v => v switch
    {
        Tensor t => t.ToArray(),
        long l => new[] { (double)l },
        _ => new[] { Convert.ToDouble(v) },
    }).ToArray();

    static void Same(string name, params object[] items) => Values(items).Should().Equal(Expected[name], $"{name} is Torch7's stream");

    [Theory]
    [InlineData(1L)]
    [InlineData(123L)]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(4294967303L)]
    public void Scalar_functions_give_Torch7s_numbers(long seed)
    {
        torch.ManualSeed(seed);
        Same($"scalar_{seed}", torch.InitialSeed(), torch.Random(), torch.Random(6), torch.Random(-3, 3), torch.Uniform(),
            torch.Uniform(-2, 5), torch.Normal(), torch.Normal(1, 3), torch.Normal(), torch.Exponential(2), torch.Cauchy(0, 1),
            torch.LogNormal(1, 2), torch.Geometric(0.3), torch.Bernoulli(0.7), torch.Bernoulli());
    }

    static readonly Dictionary<string, Func<Func<long[], Tensor>, Tensor>> Shapes = new()
    {
        ["contiguous"] = T => T([3, 5]),
        ["odd"] = T => T([7]),
        ["transposed"] = T => T([4, 3]).T(),
        ["narrowed"] = T => T([5, 6]).Narrow(2, 2, 3).Select(1, 2),
        ["strided3d"] = T => T([3, 4, 5]).Transpose(1, 3).Narrow(2, 2, 2),
    };

    static readonly Dictionary<string, Func<Tensor, Tensor>> Fills = new()
    {
        ["uniform"] = x => x.Uniform(),
        ["uniformAB"] = x => x.Uniform(-0.0812345678, 0.3),
        ["normal"] = x => x.Normal(),
        ["normalMS"] = x => x.Normal(0.1, 0.0723),
        ["exponential"] = x => x.Exponential(1.5),
        ["cauchy"] = x => x.Cauchy(0.2, 2),
        ["logNormal"] = x => x.LogNormal(1, 0.5),
        ["geometric"] = x => x.Geometric(0.2),
        ["bernoulli"] = x => x.Bernoulli(0.4),
        ["bernoulliDefault"] = x => x.Bernoulli(),
        ["random"] = x => x.Random(),
        ["random10"] = x => x.Random(10),
        ["randomAB"] = x => x.Random(-3, 3),
        ["random5to9"] = x => x.Random(5, 9),
    };

    static Func<long[], Tensor> Maker(string type) => type == "Double" ? s => torch.DoubleTensor(s) : s => torch.FloatTensor(s);

    public static TheoryData<string, string> FillCases()
    {
        var d = new TheoryData<string, string>();
        foreach (var type in new[] { "Double", "Float" })
            foreach (var shape in Shapes.Keys)
                d.Add(type, shape);
        return d;
    }

    [Theory]
    [MemberData(nameof(FillCases))]
    public void Tensor_fills_give_Torch7s_numbers_in_TH_element_order(string type, string shape)
    {
        foreach (var (fill, f) in Fills)
        {
            torch.ManualSeed(42);
            var x = Shapes[shape](Maker(type)).Zero();
            var a = f(x);
            a.Should().BeSameAs(x, "fills return their receiver");
            Same($"fill_{type}_{shape}_{fill}", a, torch.Normal());
        }
    }

    [Theory]
    [InlineData("Double")]
    [InlineData("Float")]
    public void Long_fills_cross_state_refreshes_and_tensor_probabilities_work(string type)
    {
        var T = Maker(type);
        torch.ManualSeed(3);
        Same($"long_{type}", T([1500]).Uniform());
        foreach (var p in new[] { "Float", "Double" })
        {
            torch.ManualSeed(8);
            var probs = Maker(p)([3, 4]).Uniform();
            Same($"bernoulliP_{type}_{p}", probs, T([4, 3]).T().Bernoulli(probs));
        }
    }

    [Theory]
    [InlineData("Byte", "torch.ByteTensor")]
    [InlineData("Char", "torch.CharTensor")]
    [InlineData("Short", "torch.ShortTensor")]
    [InlineData("Int", "torch.IntTensor")]
    [InlineData("Long", "torch.LongTensor")]
    public void Integer_fills_use_THs_modulus_per_type(string name, string type)
    {
        Tensor T() => torch.Tensor(6).Type(type);
        torch.ManualSeed(5);
        Same($"int_{name}", T().Random(), T().Random(7), T().Random(2, 100), T().Bernoulli(0.5), T().Geometric(0.5));
    }

    [Fact]
    public void Rand_randn_and_randperm_give_Torch7s_numbers()
    {
        torch.ManualSeed(17);
        Same("randRandn", torch.Rand(2, 3), torch.Randn(3), torch.Rand(4), torch.Randperm(10), torch.Randperm(1),
            torch.Randperm(7).Float());
    }

    [Theory]
    [InlineData("Double")]
    [InlineData("Float")]
    public void Multinomial_gives_Torch7s_samples_with_and_without_replacement(string type)
    {
        var typeName = $"torch.{type}Tensor";
        torch.ManualSeed(21);
        var p1 = torch.DoubleTensor(new[] { 0.1, 0.2, 0.3, 0.15, 0.25 }).Type(typeName);
        var p2 = torch.DoubleTensor(new double[,] { { 1, 2, 0, 4 }, { 0.5, 0.5, 3, 1 }, { 0, 0, 1, 0 } }).Type(typeName);
        Same($"multinomial_{type}", torch.Multinomial(p1, 12, true), torch.Multinomial(p1, 5, false),
            torch.Multinomial(p2, 6, true), torch.Multinomial(p2, 3), torch.Multinomial(p1, 1));
    }

    [Fact]
    public void A_saved_state_restores_the_stream_and_the_cached_normal_and_has_THs_layout()
    {
        torch.ManualSeed(7);
        torch.Uniform(); torch.Uniform(); torch.Normal();
        var st = torch.GetRNGState();
        double a = torch.Normal(); var b = torch.Rand(5);
        torch.SetRNGState(st);
        Same("state", a, b, torch.Normal(), torch.Rand(5));
        torch.ManualSeed(11);
        torch.Uniform(); torch.Normal();
        Same("stateBytes", torch.GetRNGState());
        var bytes = torch.ByteTensor(Expected["stateBytes"].Select(v => (byte)v).ToArray());
        var g = torch.Generator();
        g.SetRNGState(bytes);
        double fromTorch7 = torch.Uniform(g);
        fromTorch7.Should().Be(torch.Uniform(), "a state saved by Torch7 continues Torch7's stream here");
    }

    [Fact]
    public void Invalid_states_are_refused_with_the_reason()
    {
        var st = torch.GetRNGState();
        var bad = st.Clone();
        bad[9] = 0; bad[10] = 0; bad[11] = 0; bad[12] = 0;   // left = 0
        FluentActions.Invoking(() => torch.SetRNGState(bad)).Should().Throw<ArgumentException>().WithMessage("*invalid RNG state*left 0*");
        FluentActions.Invoking(() => torch.SetRNGState(torch.ByteTensor(10))).Should().Throw<ArgumentException>().WithMessage("*5048-byte*");
        FluentActions.Invoking(() => torch.SetRNGState(torch.DoubleTensor(5048))).Should().Throw<ArgumentException>().WithMessage("*ByteTensor*");
    }

    [Fact]
    public void Generator_objects_are_independent_streams_as_in_Torch7()
    {
        var g1 = torch.Generator(); var g2 = torch.Generator();
        torch.ManualSeed(g1, 5);
        torch.ManualSeed(g2, 5);
        torch.ManualSeed(9);
        var x = torch.Tensor(3);
        // as in Lua, x is read after every argument is evaluated, so both places hold the second fill
        Same("generators", x.Uniform(g1), torch.Uniform(), torch.Normal(g2), x.Normal(g1, 0, 2), torch.Normal(),
            torch.Normal(g2), torch.Random(g1), torch.Random(g2, 1, 6), torch.Rand(g1, 2), torch.Randn(g2, 3), torch.InitialSeed(g1),
            torch.Bernoulli(g1, 0.5), torch.Exponential(g2, 1), torch.Randperm(g1, 4));
        var gs = torch.GetRNGState(g1);
        double c1 = torch.Uniform(g1);
        torch.SetRNGState(g1, gs);
        Same("generatorState", c1, torch.Uniform(g1));
    }

    [Fact]
    public void Interleaved_functions_share_the_cached_normal_as_in_Torch7()
    {
        torch.ManualSeed(2);
        Same("interleave", torch.Normal(), torch.Tensor(3).Normal(), torch.Uniform(), torch.Normal(), torch.Tensor(700).Uniform().Sum(),
            torch.Normal(), torch.Tensor(5).Normal(), torch.Random(), torch.Tensor(2).LogNormal(), torch.Normal());
    }

    [Fact]
    public void Threads_have_their_own_default_generator()
    {
        torch.ManualSeed(1);
        double mine = 0, theirs = 0;
        var t = new Thread(() => { torch.ManualSeed(1); theirs = torch.Uniform(); torch.Uniform(); });
        t.Start(); t.Join();
        mine = torch.Uniform();
        mine.Should().Be(theirs, "the other thread's draws did not advance this thread's stream");
    }

    [Fact]
    public void The_libtorch_generator_is_an_opt_in_for_tensor_fills()
    {
        try
        {
            torch.LibtorchRandom = true;
            torch.ManualSeed(1);
            var a = torch.Tensor(5).Uniform().ToArray();
            torch.ManualSeed(1);
            torch.Tensor(5).Uniform().ToArray().Should().Equal(a, "libtorch's generator is seeded by ManualSeed too");
            torch.ManualSeed(42);
            a.Should().NotEqual(Expected["fill_Double_odd_uniform"].Take(5), "these are libtorch's numbers, not Torch7's");
        }
        finally { torch.LibtorchRandom = false; }
    }
}
