namespace Torch.Tests.Math;

[Collection("Seeded random")]
public class RandomTests
{
    [Fact]
    public void ManualSeed_makes_draws_reproducible()
    {
        torch.ManualSeed(123);
        var a = torch.Rand(5).ToArray(); var b = torch.Randn(3).ToArray(); var p = torch.Randperm(6).ToArray();
        torch.ManualSeed(123);
        torch.Rand(5).ToArray().Should().Equal(a);
        torch.Randn(3).ToArray().Should().Equal(b);
        torch.Randperm(6).ToArray().Should().Equal(p);
    }

    [Fact]
    public void Random_integers_stay_in_their_inclusive_bounds()
    {
        var x = torch.Tensor(2000);
        x.Random(6).ToArray().Should().OnlyContain(v => v >= 1 && v <= 6 && v == System.Math.Floor(v));
        x.ToArray().Distinct().Should().HaveCount(6);
        torch.IntTensor(2000).Random(-2, 2).ToArray().Should().OnlyContain(v => v >= -2 && v <= 2);
        // TH adds a negative lower bound in unsigned arithmetic, so a DoubleTensor gets 2^64 - k where an IntTensor wraps back
        x.Random(-2, 2).ToArray().Should().OnlyContain(v => (v >= 0 && v <= 2) || v == 18446744073709551616.0);
        torch.ByteTensor(100).Random().ToArray().Should().OnlyContain(v => v >= 0 && v <= 255);
        torch.Random(3, 3).Should().Be(3);
        torch.Random(-3, -3).Should().Be(-3);
        var act = () => x.Random(0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Random*positive*");
        var act2 = () => x.Random(3, 2);
        act2.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Random*lower bound*");
    }

    [Fact]
    public void Distributions_have_the_right_support_and_moments()
    {
        torch.ManualSeed(1);
        var x = torch.Tensor(20000);
        x.Uniform(2, 3).ToArray().Should().OnlyContain(v => v >= 2 && v < 3);
        x.Normal(1, 2).Mean().Should().BeApproximately(1, 0.1);
        x.Std().Should().BeApproximately(2, 0.1);
        x.Exponential(2).Mean().Should().BeApproximately(0.5, 0.03);
        x.Geometric(0.5).ToArray().Should().OnlyContain(v => v >= 1 && v == System.Math.Floor(v));
        x.Mean().Should().BeApproximately(2, 0.1);
        x.Bernoulli(0.3).Mean().Should().BeApproximately(0.3, 0.03);
        x.LogNormal(0, 0.5).ToArray().Should().OnlyContain(v => v > 0);
        ((double)x.Cauchy().Median().Values[1]).Should().BeApproximately(0, 0.1);
        var p = torch.Tensor(4).Fill(0);
        p[2] = 1;
        torch.Tensor(4).Bernoulli(p).ShouldEqual(0, 1, 0, 0);
        var act = () => x.Geometric(1.5);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Geometric*");
        var act2 = () => torch.LongTensor(2).Normal();
        act2.Should().Throw<InvalidOperationException>().WithMessage("*Normal*LongTensor*");
    }

    [Fact]
    public void Multinomial_returns_one_based_indices()
    {
        torch.ManualSeed(3);
        var p = M.V(1, 1, 0.5, 0);
        var a = torch.Multinomial(p, 10000, true);
        a.Type().Should().Be("torch.LongTensor");
        a.ToArray().Should().OnlyContain(v => v >= 1 && v <= 3);
        torch.Eq(a, 1).Sum().Should().BeInRange(3700, 4300);
        torch.Eq(a, 3).Sum().Should().BeInRange(1800, 2200);
        var w = torch.Multinomial(M.V(1, 1, 1), 3);
        w.ToArray().OrderBy(v => v).Should().Equal(1, 2, 3);
        var act = () => torch.Multinomial(M.V(1, 1), 3);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Multinomial*3*2*");
        var act2 = () => torch.Multinomial(M.V(1, -1), 1);
        act2.Should().Throw<ArgumentException>().WithMessage("*Multinomial*non-negative*");
    }

    [Fact]
    public void Scalar_draws()
    {
        torch.ManualSeed(5);
        var u = torch.Uniform(1, 2);
        u.Should().BeInRange(1, 2);
        torch.Random(10).Should().BeInRange(1, 10);
        torch.Random().Should().BeInRange(0, uint.MaxValue);
        torch.Bernoulli(1).Should().Be(1);
    }
}

public class AliasAndMatchTests
{
    [Fact]
    public void Alias_method_builds_and_draws_as_Torch7()
    {
        // the real Torch7's tables and draws (torch.multinomialAliasSetup / torch.multinomialAlias) for the same seeds, its
        // off-by-one on the alias branch included (category 4 of {0.1, 0.2, 0.3, 0.4} is never drawn there)
        var state = torch.MultinomialAliasSetup(M.V(0.1, 0.2, 0.3, 0.4));
        state.Length.Should().Be(2);
        state[1].AsTensor.Type().Should().Be("torch.LongTensor");
        state[1].AsTensor.ToArray().Should().Equal(4, 4, 1, 3);
        state[2].AsTensor.ShouldBeClose(1e-15, 0.4, 0.8, 1.0, 0.8);
        torch.ManualSeed(1);
        var output = torch.LongTensor(12);
        torch.MultinomialAlias(output, state).Should().BeSameAs(output);
        output.ToArray().Should().Equal(3, 3, 1, 3, 1, 1, 1, 2, 3, 3, 2, 3);
        var second = torch.MultinomialAliasSetup(M.V(0.5, 0.1, 0.1, 0.3));
        second[1].AsTensor.ToArray().Should().Equal(1, 1, 4, 1);
        second[2].AsTensor.ShouldBeClose(1e-15, 1.0, 1.0, 0.4, 1.0);
        torch.ManualSeed(2);
        torch.MultinomialAlias(torch.LongTensor(12), second).ToArray().Should().Equal(2, 1, 3, 2, 2, 2, 1, 3, 2, 2, 3, 3);
        var act = () => torch.MultinomialAlias(torch.Tensor(3), state);
        act.Should().Throw<ArgumentException>().WithMessage("*MultinomialAlias*LongTensor*");
        var zero = () => torch.MultinomialAliasSetup(M.V(0.2, 0.3, 0.5, 0));
        zero.Should().Throw<ArgumentException>().WithMessage("*q_min*"); // as Torch7 refuses a zero probability
    }

    [Fact]
    public void Match_gives_scaled_squared_distances_between_rows()
    {
        var a = M.Mat(new double[,] { { 0, 0 }, { 1, 1 } });
        var b = M.Mat(new double[,] { { 1, 0 }, { 3, 1 }, { 0, 0 } });
        torch.Match(a, b, 2).ShouldEqual(2, 20, 0, 2, 8, 4);
    }
}
