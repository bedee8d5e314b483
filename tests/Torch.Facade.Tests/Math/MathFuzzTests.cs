using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace Torch.Tests.Math;

/// <summary>Random calls of the math library with random, often invalid, arguments: the process must survive and
/// every failure must be a .NET exception raised by the facade's own checks (not a libtorch error passed through).</summary>
public class MathFuzzTests(ITestOutputHelper output)
{
    static readonly string[] Types = { "torch.DoubleTensor", "torch.FloatTensor", "torch.LongTensor", "torch.IntTensor", "torch.ByteTensor", "torch.CharTensor", "torch.ShortTensor" };

    sealed class Gen(int seed)
    {
        readonly Random r = new(seed);
        public int Int(int lo, int hi) => r.Next(lo, hi + 1);
        public double Num() => r.Next(6) switch { 0 => 0, 1 => -1, 2 => 2.5, 3 => double.NaN, 4 => 1e300, _ => r.NextDouble() * 10 - 5 };
        public bool Coin() => r.Next(2) == 0;
        public string Mode() => r.Next(4) switch { 0 => "V", 1 => "F", 2 => "X", _ => "U" };

        long[] last = Array.Empty<long>();

        /// <summary>A random tensor; half the time with the previous one's sizes, so that calls get past the size checks.</summary>
        public Tensor Tensor(string? type = null)
        {
            int dims = Int(0, 4);
            var sizes = Coin() ? last : Enumerable.Range(0, dims).Select(_ => (long)Int(0, 3)).ToArray();
            last = sizes;
            dims = sizes.Length;
            var t = dims == 0 ? torch.Tensor() : torch.Tensor(sizes);
            if (t.NElement() > 0) t.Uniform(-4, 4);
            return t.Type(type ?? Types[r.Next(Types.Length)]);
        }

        public Tensor Index()
        {
            var t = torch.LongTensor(Coin() ? last : Enumerable.Range(0, Int(0, 2)).Select(_ => (long)Int(0, 3)).ToArray());
            if (t.NElement() > 0) t.Random(-1, 4);
            return Coin() ? t : t.Type(Types[r.Next(Types.Length)]);
        }
    }

    static readonly Action<Gen>[] Calls =
    {
        g => torch.Exp(g.Tensor()), g => g.Tensor().Abs(), g => g.Tensor().Round(), g => g.Tensor().Neg(), g => torch.Sign(g.Tensor()),
        g => torch.Cinv(g.Tensor()), g => g.Tensor().Sqrt(g.Tensor()),
        g => torch.Cmul(g.Tensor(), g.Tensor()), g => torch.Cdiv(g.Tensor(), g.Tensor()), g => torch.Cpow(g.Tensor(), g.Tensor()),
        g => torch.Cremainder(g.Tensor(), g.Tensor()), g => torch.Cfmod(g.Tensor(), g.Tensor()), g => torch.Atan2(g.Tensor(), g.Tensor()),
        g => torch.Div(g.Tensor(), g.Num()), g => torch.Remainder(g.Tensor(), g.Num()), g => torch.Fmod(g.Tensor(), g.Num()),
        g => torch.Pow(g.Tensor(), g.Num()), g => torch.Pow(g.Num(), g.Tensor()), g => torch.Cmax(g.Tensor(), g.Num()),
        g => torch.Lshift(g.Tensor(), g.Int(-2, 70)), g => torch.Cbitand(g.Tensor(), g.Tensor()), g => torch.Bitxor(g.Tensor(), g.Num()),
        g => torch.Clamp(g.Tensor(), g.Num(), g.Num()), g => torch.Lerp(g.Tensor(), g.Tensor(), g.Num()),
        g => torch.Addcmul(g.Tensor(), g.Num(), g.Tensor(), g.Tensor()), g => torch.Addcdiv(g.Tensor(), g.Num(), g.Tensor(), g.Tensor()),
        g => g.Tensor().Csub(g.Tensor()), g => _ = g.Tensor() * g.Tensor(), g => _ = g.Tensor() % g.Num(), g => _ = -g.Tensor(),
        g => g.Tensor().Dot(g.Tensor()), g => torch.Mv(g.Tensor(), g.Tensor()), g => torch.Mm(g.Tensor(), g.Tensor()),
        g => torch.Bmm(g.Tensor(), g.Tensor()), g => torch.Ger(g.Tensor(), g.Tensor()),
        g => torch.Addmm(g.Num(), g.Tensor(), g.Num(), g.Tensor(), g.Tensor()), g => torch.Addmv(g.Tensor(), g.Tensor(), g.Tensor()),
        g => torch.Addr(g.Tensor(), g.Tensor(), g.Tensor()), g => torch.Addbmm(g.Tensor(), g.Tensor(), g.Tensor()), g => torch.Baddbmm(g.Tensor(), g.Tensor(), g.Tensor()),
        g => g.Tensor().Sum(), g => g.Tensor().Sum(g.Int(-3, 5)), g => g.Tensor().Prod(g.Int(-3, 5)), g => g.Tensor().Mean(),
        g => g.Tensor().Mean(g.Int(-3, 5)), g => g.Tensor().Cumsum(g.Int(-3, 5)), g => g.Tensor().Cumprod(g.Int(-3, 5)),
        g => g.Tensor().Max(), g => g.Tensor().Min(g.Int(-3, 5)), g => g.Tensor().Var(g.Int(-3, 5), g.Coin()), g => g.Tensor().Std(),
        g => g.Tensor().Norm(g.Num()), g => g.Tensor().Norm(g.Num(), g.Int(-3, 5)), g => g.Tensor().Renorm(g.Num(), g.Int(-3, 5), g.Num()),
        g => g.Tensor().Dist(g.Tensor(), g.Num()), g => g.Tensor().Trace(), g => torch.Cross(g.Tensor(), g.Tensor(), g.Int(-1, 4)),
        g => g.Tensor().Sort(g.Int(-3, 5), g.Coin()), g => g.Tensor().Topk(g.Int(-1, 4), g.Int(-3, 5), g.Coin()),
        g => g.Tensor().Kthvalue(g.Int(-1, 4), g.Int(-3, 5)), g => g.Tensor().Median(), g => g.Tensor().Median(g.Int(-3, 5)), g => g.Tensor().Mode(g.Int(-3, 5)),
        g => torch.Lt(g.Tensor(), g.Tensor()), g => torch.Eq(g.Tensor(), g.Num()), g => g.Tensor().Gt(g.Tensor(), g.Tensor()),
        g => g.Tensor().Equal(g.Tensor()), g => g.Tensor().All(), g => g.Tensor().Any(),
        g => g.Tensor().Index(g.Int(-3, 5), g.Index()), g => g.Tensor().IndexCopy(g.Int(-3, 5), g.Index(), g.Tensor()),
        g => g.Tensor().IndexAdd(g.Int(-3, 5), g.Index(), g.Tensor()), g => g.Tensor().IndexFill(g.Int(-3, 5), g.Index(), g.Num()),
        g => g.Tensor().Gather(g.Int(-3, 5), g.Index()), g => g.Tensor().Scatter(g.Int(-3, 5), g.Index(), g.Tensor()),
        g => g.Tensor().Scatter(g.Int(-3, 5), g.Index(), g.Num()), g => g.Tensor().MaskedSelect(g.Tensor("torch.ByteTensor")),
        g => g.Tensor().MaskedCopy(g.Tensor("torch.ByteTensor"), g.Tensor()), g => g.Tensor().MaskedFill(g.Tensor(), g.Num()), g => g.Tensor().Nonzero(),
        g => torch.Range(g.Num(), g.Num(), g.Num()), g => torch.Linspace(g.Num(), g.Num(), g.Int(-1, 5)), g => torch.Logspace(g.Num(), g.Num(), g.Int(-1, 5)),
        g => torch.Eye(g.Int(-1, 4), g.Int(-1, 4)), g => torch.Diag(g.Tensor(), g.Int(-4, 4)), g => torch.Tril(g.Tensor(), g.Int(-4, 4)),
        g => torch.Reshape(g.Tensor(), g.Int(-1, 4), g.Int(-1, 4)), g => torch.Cat(g.Tensor(), g.Tensor(), g.Int(-2, 5)),
        g => torch.Histc(g.Tensor(), g.Int(-1, 5), g.Num(), g.Num()), g => torch.Bhistc(g.Tensor(), g.Int(-1, 5)),
        g => g.Tensor().RepeatTensor(g.Int(-1, 3), g.Int(-1, 3)), g => g.Tensor().Split(g.Int(-1, 3), g.Int(-3, 5)), g => g.Tensor().Chunk(g.Int(-1, 3), g.Int(-3, 5)),
        g => torch.Randperm(g.Int(-1, 5)), g => g.Tensor().Random(g.Int(-3, 300), g.Int(-3, 300)), g => g.Tensor().Random(),
        g => g.Tensor().Geometric(g.Num()), g => g.Tensor().Bernoulli(g.Num()), g => g.Tensor().Bernoulli(g.Tensor()),
        g => g.Tensor().Exponential(g.Num()), g => g.Tensor().LogNormal(g.Num(), g.Num()), g => g.Tensor().Multinomial(g.Int(-1, 5), g.Coin()),
        g => torch.Conv2(g.Tensor(), g.Tensor(), g.Mode()), g => torch.Xcorr3(g.Tensor(), g.Tensor(), g.Mode()),
        g => torch.Gesv(g.Tensor(), g.Tensor()), g => torch.Trtrs(g.Tensor(), g.Tensor()), g => torch.Gels(g.Tensor(), g.Tensor()),
        g => torch.Symeig(g.Tensor(), "V"), g => torch.Eig(g.Tensor(), "V"), g => torch.Svd(g.Tensor()), g => torch.Inverse(g.Tensor()),
        g => torch.Potrf(g.Tensor()), g => torch.Potrs(g.Tensor(), g.Tensor()), g => torch.Potri(g.Tensor()), g => torch.Pstrf(g.Tensor()),
        g => torch.Match(g.Tensor(), g.Tensor(), g.Num()), g => torch.MultinomialAliasSetup(g.Tensor()),
        g => torch.MultinomialAlias(g.Index(), new Table(g.Index(), g.Tensor())), g => torch.All(g.Tensor()),
        g => torch.Sort(g.Tensor(), g.Index(), g.Tensor(), g.Int(-3, 5)), g => torch.Mode(g.Tensor(), g.Index(), g.Tensor()),
        g => torch.Max(g.Tensor(), g.Index(), g.Tensor(), g.Int(-3, 5)), g => g.Tensor()[g.Tensor("torch.ByteTensor")] = g.Num(),
        g => g.Tensor().Lerp(g.Tensor(), g.Num()), g => g.Tensor().Addmv(g.Num(), g.Num(), g.Tensor(), g.Tensor()),
        g => torch.Qr(g.Tensor()), g => torch.Geqrf(g.Tensor()), g => torch.Orgqr(g.Tensor(), g.Tensor()), g => torch.Ormqr(g.Tensor(), g.Tensor(), g.Tensor()),
    };

    [Theory]
    [InlineData(20261124)]
    [InlineData(7)]
    [InlineData(4242)]
    public void Random_bad_calls_only_raise_managed_exceptions(int seed)
    {
        var g = new Gen(seed);
        var passedThrough = new List<string>();
        int failures = 0;
        for (int i = 0; i < 15000; i++)
        {
            int which = g.Int(0, Calls.Length - 1);
            try { Calls[which](g); }
            catch (ExternalException e) { passedThrough.Add($"call #{which}: {e.Message.Split('\n')[0]}"); }
            catch (Exception) { failures++; }
        }
        foreach (var p in passedThrough.Distinct()) output.WriteLine(p);
        failures.Should().BeGreaterThan(100, "most random calls are invalid and must be refused");
        passedThrough.Distinct().Should().BeEmpty("every invalid argument is caught before libtorch sees it");
    }
}
