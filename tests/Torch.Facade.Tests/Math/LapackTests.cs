namespace Torch.Tests.Math;

/// <summary>The LAPACK functions against the examples of Torch7's doc/maths.md (printed to 4 decimals).</summary>
public class LapackTests
{
    static Tensor GesvA() => M.Mat(new double[,] {
        { 6.80, -2.11, 5.66, 5.97, 8.23 }, { -6.05, -3.30, 5.36, -4.44, 1.08 }, { -0.45, 2.58, -2.70, 0.27, 9.04 },
        { 8.32, 2.71, 4.35, -7.17, 2.14 }, { -9.67, -5.14, -7.26, 6.08, -6.87 } }).T();
    static Tensor GesvB() => M.Mat(new double[,] {
        { 4.02, 6.19, -8.22, -7.57, -3.03 }, { -1.56, 4.00, -8.67, 1.75, 2.86 }, { 9.81, -4.09, -4.57, -8.61, 8.99 } }).T();
    static Tensor Spd() => M.Mat(new double[,] {
        { 1.2705, 0.9971, 0.4948, 0.1389, 0.2381 }, { 0.9971, 0.9966, 0.6752, 0.0686, 0.1196 }, { 0.4948, 0.6752, 1.1434, 0.0314, 0.0582 },
        { 0.1389, 0.0686, 0.0314, 0.0270, 0.0526 }, { 0.2381, 0.1196, 0.0582, 0.0526, 0.3957 } });
    static Tensor SymUpper() => M.Mat(new double[,] {
        { 1.96, 0.00, 0.00, 0.00, 0.00 }, { -6.49, 3.80, 0.00, 0.00, 0.00 }, { -0.47, -6.39, 4.17, 0.00, 0.00 },
        { -7.20, 1.50, -1.51, 5.70, 0.00 }, { -0.65, -6.34, 2.67, 1.80, -7.10 } }).T();

    [Fact]
    public void Gesv_documented_example()
    {
        var (x, lu) = torch.Gesv(GesvB(), GesvA());
        x.ShouldBeClose(1e-4, -0.8007, -0.3896, 0.9555, -0.6952, -0.5544, 0.2207, 0.5939, 0.8422, 1.9006,
            1.3217, -0.1038, 5.3577, 0.5658, 0.1057, 4.0406);
        x.Stride().Should().Equal(1, 5);
        (GesvA() * x).ToArray().Zip(GesvB().ToArray()).Should().OnlyContain(p => System.Math.Abs(p.First - p.Second) < 1e-12);
        lu.Size().Should().Equal(5, 5);
        var act = () => torch.Gesv(GesvB(), torch.Zeros(5, 5));
        act.Should().Throw<ArgumentException>().WithMessage("*Gesv*singular*");
    }

    [Fact]
    public void Trtrs_documented_example()
    {
        var a = M.Mat(new double[,] { { 6.80, -2.11, 5.66, 5.97, 8.23 }, { 0, -3.30, 5.36, -4.44, 1.08 }, { 0, 0, -2.70, 0.27, 9.04 },
            { 0, 0, 0, -7.17, 2.14 }, { 0, 0, 0, 0, -6.87 } });
        var (x, _) = torch.Trtrs(GesvB(), a);
        x.ShouldBeClose(1e-4, -3.5416, -0.2514, 3.0847, 4.2072, 2.0391, -4.5146, 4.6399, 1.7804, -2.6077,
            1.1874, -0.3683, 0.8103, 0.4410, -0.4163, -1.3086);
        var (xt, _) = torch.Trtrs(GesvB(), a.T().Contiguous(), "L", "T");
        xt.ShouldBeClose(1e-12, x.ToArray());
    }

    [Fact]
    public void Potrf_potrs_potri_documented_example()
    {
        var u = torch.Potrf(Spd());
        (u.T() * u).ShouldBeClose(1e-12, Spd().ToArray());
        // the doc prints A and U to 4 decimals, so U recomputed from the printed A agrees only to about 2e-3 in its small entries
        u.ShouldBeClose(2e-3, 1.1272, 0.8846, 0.4390, 0.1232, 0.2112, 0, 0.4626, 0.6200, -0.0874, -0.1453, 0, 0, 0.7525, 0.0419, 0.0738,
            0, 0, 0, 0.0491, 0.2199, 0, 0, 0, 0, 0.5255);
        var l = torch.Potrf(Spd(), "L");
        l.ShouldBeClose(1e-12, u.T().Contiguous().ToArray());
        var b = M.Mat(new double[,] { { 0.6219, 0.3439, 0.0431 }, { 0.5642, 0.1756, 0.0153 }, { 0.2334, 0.8594, 0.4103 },
            { 0.7556, 0.1966, 0.9637 }, { 0.1420, 0.7185, 0.7476 } });
        var solve = torch.Potrs(b, u);
        // A is ill-conditioned: the doc's solution cannot be reproduced from its 4-decimal print, so check A X = B itself
        (Spd() * solve).ShouldBeClose(1e-9, b.ToArray());
        torch.Potrs(b, torch.Potrf(Spd(), "L"), "L").ShouldBeClose(1e-6, solve.ToArray());
        var inv = torch.Potri(u);
        inv.ShouldBeClose(1e-9, torch.Inverse(Spd()).ToArray());
        ((double)inv[1, 1]).Should().BeApproximately(42.2781, 1e-3);
        var act = () => torch.Potrf(M.Mat(new double[,] { { 1, 2 }, { 2, 1 } }));
        act.Should().Throw<ArgumentException>().WithMessage("*Potrf*positive definite*");
    }

    [Fact]
    public void Pstrf_documented_example()
    {
        var (u, piv) = torch.Pstrf(Spd());
        piv.Type().Should().Be("torch.IntTensor");
        piv.ShouldEqual(1, 3, 5, 2, 4);
        u.ShouldBeClose(1e-4, 1.1272, 0.4390, 0.2112, 0.8846, 0.1232, 0, 0.9750, -0.0354, 0.2942, -0.0233, 0, 0, 0.5915, -0.0961, 0.0435,
            0, 0, 0, 0.3439, -0.0854, 0, 0, 0, 0, 0.0456);
    }

    [Fact]
    public void Symeig_and_eig_documented_examples()
    {
        var (e, _) = torch.Symeig(SymUpper());
        e.ShouldBeClose(1e-4, -11.0656, -6.2287, 0.8640, 8.8655, 16.0948);
        var (e2, v) = torch.Symeig(SymUpper(), "V");
        v.ShouldBeClose(1e-4, -0.2981, -0.6075, 0.4026, -0.3745, 0.4896, -0.5078, -0.2880, -0.4066, -0.3572, -0.6053,
            -0.0816, -0.3843, -0.6600, 0.5008, 0.3991, -0.0036, -0.4467, 0.4553, 0.6204, -0.4564, -0.8041, 0.4480, 0.1725, 0.3108, 0.1622);
        v.Stride().Should().Equal(1, 5);
        var full = SymUpper() + torch.Triu(SymUpper(), 1).T();
        var rebuilt = v * torch.Diag(e2) * v.T();
        rebuilt.ShouldBeClose(1e-10, full.ToArray());
        var (ev, _) = torch.Eig(full);
        ev.Size().Should().Equal(5, 2);
        ev.Select(2, 1).ShouldBeClose(1e-4, 16.0948, -11.0656, -6.2287, 0.8640, 8.8655); // LAPACK geev's order, as maths.md prints it
        ev.Select(2, 2).ToArray().Should().OnlyContain(x => x == 0);
        torch.Eig(full, "V").V.ShouldBeClose(1e-4, -0.4896, 0.2981, -0.6075, -0.4026, -0.3745, 0.6053, 0.5078, -0.2880, 0.4066, -0.3572,
            -0.3991, 0.0816, -0.3843, 0.6600, 0.5008, 0.4564, 0.0036, -0.4467, -0.4553, 0.6204, -0.1622, 0.8041, 0.4480, -0.1725, 0.3108);
        var rot = M.Mat(new double[,] { { 0, -1 }, { 1, 0 } });
        var (er, vr) = torch.Eig(rot, "V");
        er.ShouldBeClose(1e-12, 0, 1, 0, -1);
        // columns: Re(v), Im(v) of the eigenvector for +i; A (Re + i Im) = i (Re + i Im)
        var re = vr.Select(2, 1); var im = vr.Select(2, 2);
        (rot * re).ShouldBeClose(1e-12, (-im).ToArray());
        (rot * im).ShouldBeClose(1e-12, re.ToArray());
    }

    [Fact]
    public void Svd_and_qr_documented_examples()
    {
        var a = M.Mat(new double[,] { { 8.79, 6.11, -9.15, 9.57, -3.49, 9.84 }, { 9.93, 6.91, -7.93, 1.64, 4.02, 0.15 },
            { 9.83, 5.04, 4.86, 8.83, 9.80, -8.99 }, { 5.45, -0.27, 4.85, 0.74, 10.00, -6.02 }, { 3.16, 7.98, 3.01, 5.80, 4.27, -5.31 } }).T();
        var (u, s, v) = torch.Svd(a);
        u.Size().Should().Equal(6, 5);
        s.ShouldBeClose(1e-4, 27.4687, 22.6432, 8.5584, 5.9857, 2.0149);
        u.ShouldBeClose(1e-4, -0.5911, 0.2632, 0.3554, 0.3143, 0.2299, -0.3976, 0.2438, -0.2224, -0.7535, -0.3636, -0.0335, -0.6003, -0.4508, 0.2334, -0.3055,
            -0.4297, 0.2362, -0.6859, 0.3319, 0.1649, -0.4697, -0.3509, 0.3874, 0.1587, -0.5183, 0.2934, 0.5763, -0.0209, 0.3791, -0.6526);
        v.ShouldBeClose(1e-4, -0.2514, 0.8148, -0.2606, 0.3967, -0.2180, -0.3968, 0.3587, 0.7008, -0.4507, 0.1402, -0.6922, -0.2489, -0.2208, 0.2513, 0.5891,
            -0.3662, -0.3686, 0.3859, 0.4342, -0.6265, -0.4076, -0.0980, -0.4933, -0.6227, -0.4396);
        v.Size().Should().Equal(5, 5);
        (u * torch.Diag(s) * v.T()).ShouldBeClose(1e-10, a.ToArray());
        torch.Svd(a, "A").U.Size().Should().Equal(6, 6);

        var q0 = M.Mat(new double[,] { { 12, -51, 4 }, { 6, 167, -68 }, { -4, 24, -41 } });
        var (q, r) = torch.Qr(q0);
        q.ShouldBeClose(1e-4, -0.8571, 0.3943, 0.3314, -0.4286, -0.9029, -0.0343, 0.2857, -0.1714, 0.9429);
        r.ShouldBeClose(1e-10, -14, -21, 14, 0, -175, 70, 0, 0, -35);
        var (m, tau) = torch.Geqrf(q0);
        torch.Orgqr(m, tau).ShouldBeClose(1e-12, q.ToArray());
        torch.Ormqr(m, tau, torch.Eye(3)).ShouldBeClose(1e-12, q.ToArray());
        torch.Ormqr(m, tau, q0, "L", "T").ShouldBeClose(1e-10, r.ToArray());
        // as Torch7, the reflectors' memory is read column-major whatever the strides: a row-major copy reads transposed
        torch.Ormqr(m.T().Clone().T(), tau, torch.Eye(3)).ShouldBeClose(1e-12, q.ToArray());
        torch.Ormqr(m.Clone(), tau, torch.Eye(3)).Equal(torch.Ormqr(m, tau, torch.Eye(3))).Should().BeFalse();
        var tooSmall = () => torch.Ormqr(torch.Tensor(3).Fill(1).View(1, 3).Expand(3, 3), tau, torch.Eye(3));
        tooSmall.Should().Throw<ArgumentException>().WithMessage("torch.Ormqr*");
    }

    [Fact]
    public void Gels_documented_example()
    {
        var a = M.Mat(new double[,] { { 1.44, -9.96, -7.55, 8.34, 7.08, -5.45 }, { -7.84, -0.28, 3.24, 8.09, 2.52, -5.70 },
            { -4.39, -3.24, 6.27, 5.28, 0.74, -1.19 }, { 4.53, 3.83, -6.64, 2.06, -2.47, 4.70 } }).T();
        var b = M.Mat(new double[,] { { 8.58, 8.26, 8.48, -5.28, 5.72, 8.93 }, { 9.35, -4.43, -0.70, -0.26, -7.36, -2.52 } }).T();
        var (x, _) = torch.Gels(b, a);
        x.Size().Should().Equal(4, 2); // Torch7 keeps the n solution rows only (THTensor_(gels) resizes to n x nrhs)
        x.ShouldBeClose(1e-4, -0.4506, 0.2497, -0.8492, -0.9020, 0.7066, 0.6323, 0.1289, 0.1351);
        b.Dist(a * x).Should().BeApproximately(17.390200628863, 1e-9);
        var (xm, _) = torch.Gels(M.V(1, 2), M.Mat(new double[,] { { 1, 0, 0 }, { 0, 1, 0 } }));
        xm.ShouldBeClose(1e-12, 1, 2, 0);
    }

    [Fact]
    public void Inverse_and_argument_errors()
    {
        var a = M.Mat(new double[,] { { 4, 7 }, { 2, 6 } });
        torch.Inverse(a).ShouldBeClose(1e-12, 0.6, -0.7, -0.2, 0.4);
        var act = () => torch.Inverse(M.Mat(new double[,] { { 1, 2 }, { 2, 4 } }));
        act.Should().Throw<ArgumentException>().WithMessage("*Inverse*singular*");
        var act2 = () => torch.Inverse(torch.Ones(2, 3));
        act2.Should().Throw<ArgumentException>().WithMessage("*Inverse*square*2x3*");
        var act3 = () => torch.Inverse(torch.LongTensor(2, 2));
        act3.Should().Throw<InvalidOperationException>().WithMessage("*Inverse*LongTensor*");
        var act4 = () => torch.Symeig(a, "X");
        act4.Should().Throw<ArgumentException>().WithMessage("*Symeig*'X'*");
    }
}
