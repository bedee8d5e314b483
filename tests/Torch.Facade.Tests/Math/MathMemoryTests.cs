namespace Torch.Tests.Math;

/// <summary>Every libtorch temporary a math call makes is freed before it returns: once the caller disposes the
/// result, the number of live TorchSharp tensors is back where it was (no reliance on the finalizer).</summary>
[Collection("Seeded random")]
public class MathMemoryTests
{
    static readonly Tensor A = torch.Tensor(new double[,] { { 4, 1, 2 }, { 1, 5, 3 }, { 2, 3, 6 } });
    static readonly Tensor V = torch.Tensor(new double[] { 1, -2, 3 });
    static readonly Tensor Idx = torch.LongTensor(new double[] { 3, 1 });
    static readonly Tensor F = torch.FloatTensor(new float[] { 1, 2, 3 });
    static readonly Tensor Twos = torch.Tensor(9).Fill(2), Longs = torch.LongTensor(new double[] { 7, 8 }), Ones2 = torch.Ones(2, 2), Ones3 = torch.Ones(3);
    static readonly Tensor Scratch = torch.Tensor(3, 3), LongScratch = torch.LongTensor(2), TwoRows = torch.Ones(2, 3), Cube = torch.Ones(2, 3, 3), Probs = torch.Ones(3);
    static readonly Tensor ScratchRows = Scratch.Narrow(1, 1, 2);
    static readonly Table Alias = torch.MultinomialAliasSetup(Probs);
    static readonly Tensor Column = torch.LongTensor(new double[,] { { 1 }, { 2 }, { 3 } }), Mask = torch.Gt(A, 2);

    public static IEnumerable<object[]> Calls() => new Func<IDisposable[]>[]
    {
        () => new[] { torch.Exp(V) }, () => new[] { torch.Round(V) }, () => new[] { torch.Cmul(A, Twos) },
        () => new[] { torch.Div(Longs, 2) }, () => new[] { torch.Addcmul(V, 2, V, F) },
        () => new[] { torch.Lerp(V, F, 0.5) }, () => new[] { torch.Clamp(V, 0, 1) }, () => new[] { torch.Addmm(0.5, A, 2, A, A) },
        () => new[] { torch.Sum(A, 1) }, () => new[] { torch.Var(A, 2) }, () => new[] { torch.Norm(A, 3, 1) }, () => new[] { torch.Renorm(A, 2, 1, 1) },
        () => Pair(torch.Max(A, 2)), () => Pair(torch.Sort(A)), () => Pair(torch.Topk(A, 2)), () => Pair(torch.Median(A, 1)), () => Pair(torch.Mode(A)),
        () => new[] { torch.Lt(A, 3) }, () => new[] { A.Index(1, Idx) }, () => new[] { A.Gather(2, Column) },
        () => new[] { A.MaskedSelect(Mask) }, () => new[] { A.Nonzero() }, () => new[] { torch.Range(1, 5) }, () => new[] { torch.Linspace(0, 1, 5) },
        () => new[] { torch.Cat(A, A, 1) }, () => new[] { torch.Histc(V, 4) }, () => new[] { torch.Conv2(A, Ones2, "F") },
        () => Pair(torch.Gesv(A, A)), () => Pair(torch.Symeig(A, "V")), () => Pair(torch.Eig(A, "V")), () => new[] { torch.Inverse(A) },
        () => { var (u, s, v) = torch.Svd(A); return new IDisposable[] { u, s, v }; }, () => Pair(torch.Qr(A)), () => new[] { torch.Potrf(A) },
        () => Pair(torch.Pstrf(A)), () => Pair(torch.Gels(A, A)), () => new[] { torch.Multinomial(Ones3, 2) },
        () => new[] { torch.Cpow(V, V) }, () => new[] { torch.Remainder(V, 2) }, () => new[] { torch.Bitand(Longs, 3) }, () => new[] { torch.Addmv(V, A, V) },
        () => new[] { torch.Ger(V, V) }, () => new[] { torch.Bmm(Cube, Cube) }, () => new[] { torch.Addbmm(A, Cube, Cube) }, () => new[] { torch.Cumsum(A) },
        () => new[] { torch.Mean(A, 1) }, () => { A.Std(); A.Dot(A); A.Equal(A); Mask.All(); A.Max(); A.Norm(); A.Dist(A); A.Trace(); return Array.Empty<IDisposable>(); },
        () => new[] { torch.Cross(A, A) }, () => Pair(torch.Kthvalue(A, 2)), () => new[] { torch.Logspace(0, 1, 3) }, () => new[] { torch.Eye(3) },
        () => new[] { torch.Randperm(4) }, () => new[] { torch.Diag(A) }, () => new[] { torch.Tril(A) }, () => new[] { torch.Reshape(A, 9) },
        () => new[] { torch.Bhistc(A, 3) }, () => new[] { A.RepeatTensor(2, 1) }, () => new[] { torch.Xcorr3(Cube, Cube) },
        () => Pair(torch.Trtrs(A, A)), () => new[] { torch.Potrs(A, A) }, () => new[] { torch.Potri(A) }, () => Pair(torch.Geqrf(A)),
        () => new[] { torch.Orgqr(A, V) }, () => new[] { torch.Ormqr(A, V, A) }, () => new[] { torch.Match(A, A) },
        () => { Scratch.Copy(A).Exp().Round().Cmul(A).Addcdiv(2, A, A).Clamp(0, 9).Lerp(A, 0.5).Csub(1).Pow(2); return Array.Empty<IDisposable>(); },
        () => { Scratch.Copy(A).IndexCopy(1, Idx, TwoRows); return Array.Empty<IDisposable>(); },
        () => { Scratch.IndexFill(2, Idx, 0).IndexAdd(1, Idx, ScratchRows).MaskedFill(Mask, 1).MaskedCopy(Mask, A).Scatter(2, Column, 3.0); return Array.Empty<IDisposable>(); },
        () => { Scratch.Uniform().Normal().Random(1, 3).Bernoulli(0.5).Bernoulli(Scratch).Exponential(); torch.MultinomialAlias(LongScratch, Alias); return Array.Empty<IDisposable>(); },
        () => { Scratch.Sum(A, 2); return Array.Empty<IDisposable>(); }, () => { Scratch.Mm(A, A); return Array.Empty<IDisposable>(); },
        () => { Scratch.Addmm(0.5, 2, A, A); return Array.Empty<IDisposable>(); }, () => { Scratch.Lt(A, A); return Array.Empty<IDisposable>(); },
        () => { Scratch.Zeros(3, 3); return Array.Empty<IDisposable>(); },
    }.Select((f, i) => new object[] { i, f });

    static IDisposable[] Pair((Tensor, Tensor) p) => new IDisposable[] { p.Item1, p.Item2 };

    [Theory]
    [MemberData(nameof(Calls))]
    public void A_call_leaves_no_live_temporary(int call, Func<IDisposable[]> run)
    {
        foreach (var r in run()) r.Dispose(); // warm-up: lazy statics, cached scalars
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = TorchSharp.torch.Tensor.TotalCount;
        foreach (var r in run()) r.Dispose();
        long after = TorchSharp.torch.Tensor.TotalCount;
        after.Should().BeLessThanOrEqualTo(before, $"call #{call} must free its temporaries");
    }
}
