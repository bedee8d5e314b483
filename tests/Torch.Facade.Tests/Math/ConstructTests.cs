namespace Torch.Tests.Math;

public class ConstructTests
{
    [Fact]
    public void Zeros_ones_eye_of_the_default_type()
    {
        var z = torch.Zeros(2, 3);
        z.Type().Should().Be("torch.DoubleTensor");
        z.Size().Should().Equal(2, 3);
        z.ToArray().Should().OnlyContain(v => v == 0);
        torch.Ones(2).ShouldEqual(1, 1);
        torch.Eye(2).ShouldEqual(1, 0, 0, 1);
        torch.Eye(2, 3).ShouldEqual(1, 0, 0, 0, 1, 0);
        var x = torch.Tensor(5);
        x.Zeros(3, 4).Should().BeSameAs(x);
        x.Size().Should().Equal(3, 4);
        x.Ones(2).ShouldEqual(1, 1);
    }

    [Fact]
    public void Range_is_inclusive_with_a_step()
    {
        torch.Range(2, 5).ShouldEqual(2, 3, 4, 5);
        torch.Range(2, 5, 1.2).ShouldBeClose(1e-15, 2, 3.2, 4.4);
        torch.Range(5, 2, -1).ShouldEqual(5, 4, 3, 2);
        var act = () => torch.Range(1, 5, -1);
        act.Should().Throw<ArgumentException>().WithMessage("*Range*step*");
        torch.LongTensor().Range(1, 3).ShouldEqual(1, 2, 3);
    }

    [Fact]
    public void Linspace_and_logspace()
    {
        torch.Linspace(0, 1, 5).ShouldEqual(0, 0.25, 0.5, 0.75, 1);
        torch.Linspace(0, 1, 11).ToArray()[3].Should().Be(0.3, "TH computes i*(b-a)/(n-1), not i*step (0.30000000000000004)");
        torch.FloatTensor().Linspace(0, 1, 11).ToArray()[3].Should().Be((double)(3f * 1f / 10f));
        torch.Linspace(0, 1).Size().Should().Equal(100);
        torch.Logspace(0, 2, 3).ShouldBeClose(1e-12, 1, 10, 100);
        var act = () => torch.Linspace(0, 1, 1);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Linspace*1*");
    }

    [Fact]
    public void Diag_tril_triu_reshape()
    {
        torch.Diag(M.V(1, 2)).ShouldEqual(1, 0, 0, 2);
        var m = M.Mat(new double[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } });
        torch.Diag(m).ShouldEqual(1, 5, 9);
        torch.Diag(m, 1).ShouldEqual(2, 6);
        torch.Diag(m, -1).ShouldEqual(4, 8);
        torch.Tril(m).ShouldEqual(1, 0, 0, 4, 5, 0, 7, 8, 9);
        torch.Triu(m, 1).ShouldEqual(0, 2, 3, 0, 0, 6, 0, 0, 0);
        var r = torch.Reshape(m, 1, 9);
        r.Size().Should().Equal(1, 9);
        r[1, 1] = 100;
        ((double)m[1, 1]).Should().Be(1, "reshape copies");
        torch.Reshape(m.T(), 9).ShouldEqual(1, 4, 7, 2, 5, 8, 3, 6, 9);
    }

    [Fact]
    public void Cat_documented_examples()
    {
        torch.Cat(torch.Ones(3), torch.Zeros(2)).ShouldEqual(1, 1, 1, 0, 0);
        var c1 = torch.Cat(torch.Ones(3, 2), torch.Zeros(2, 2), 1);
        c1.Size().Should().Equal(5, 2);
        var c2 = torch.Cat(torch.Ones(2, 2), torch.Zeros(2, 2), 2);
        c2.Size().Should().Equal(2, 4);
        c2.ShouldEqual(1, 1, 0, 0, 1, 1, 0, 0);
        var c3 = torch.Cat(new[] { torch.Tensor(), torch.Ones(3, 2) }, 1);
        c3.Size().Should().Equal(3, 2);
        torch.Cat(new[] { torch.Ones(2, 2), torch.Zeros(2, 2), torch.Ones(3, 2) }, 1).Size().Should().Equal(7, 2);
        var act = () => torch.Cat(torch.Ones(2, 2), torch.Zeros(3, 3), 1);
        act.Should().Throw<ArgumentException>().WithMessage("*Cat*inconsistent*");
    }

    [Fact]
    public void Histc_and_bhistc()
    {
        torch.Histc(M.V(1, 2, 1, 4), 4).ShouldEqual(2, 1, 0, 1);
        torch.Histc(M.V(1, 2, 1, 4), 2, 0, 2).ShouldEqual(0, 3);
        torch.Histc(M.V(3, 3), 2).ShouldEqual(0, 2);
        var x = M.Mat(new double[,] { { 2, 4, 2, 2, 5, 4 }, { 3, 5, 1, 5, 3, 5 }, { 3, 4, 2, 5, 5, 1 } });
        torch.Bhistc(x, 5, 1, 5).ShouldEqual(0, 3, 0, 2, 1, 1, 0, 2, 0, 3, 1, 1, 1, 1, 2);
        // maths.md prints 3 0 2 0 1 here, but TH's bhistc bins (x - min) / (max - min) * nbins like histc: 4 falls in bin 4 of [2, 5]
        torch.Bhistc(M.Mat(new double[,] { { 2, 4, 2, 2, 5, 4 } }), 5).ShouldEqual(3, 0, 0, 2, 1);
    }

    [Fact]
    public void RepeatTensor_split_chunk()
    {
        torch.RepeatTensor(M.V(1, 2), 2, 2).ShouldEqual(1, 2, 1, 2, 1, 2, 1, 2);
        torch.RepeatTensor(M.V(1, 2), 2, 2).Size().Should().Equal(2, 4);
        var x = torch.Range(1, 5);
        var parts = torch.Split(x, 2);
        parts.Should().HaveCount(3);
        parts[2].ShouldEqual(5);
        parts[0].Fill(0);
        x.ShouldEqual(0, 0, 3, 4, 5);
        var chunks = torch.Range(1, 5).Chunk(2);
        chunks.Select(c => c.NElement()).Should().Equal(3, 2);
    }

    [Fact]
    public void Randperm_is_a_permutation_of_one_to_n_of_the_default_type()
    {
        torch.ManualSeed(7);
        var p = torch.Randperm(10);
        p.Type().Should().Be("torch.DoubleTensor");
        p.ToArray().OrderBy(v => v).Should().Equal(Enumerable.Range(1, 10).Select(i => (double)i));
        torch.Randperm(4, "torch.LongTensor").Type().Should().Be("torch.LongTensor");
    }
}
