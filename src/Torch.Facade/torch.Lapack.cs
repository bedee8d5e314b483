using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's LAPACK functions (TensorMath group N, torch.X only), on libtorch's linalg. Float/Double matrices only.
// As in Torch7, matrix results come in column-major layout (strides 1, m): the values are the same, and
// Contiguous() gives a row-major copy. Results take the input's type.
public static partial class torch
{
    /// <summary>Solves A X = B; returns X and the LU factors of A (Lua's <c>X, LU = torch.gesv(B, A)</c>).
    /// Example: <c>var (x, lu) = torch.Gesv(b, a);</c></summary>
    public static (Tensor X, Tensor LU) Gesv(Tensor b, Tensor a)
    {
        var (B, vector) = Lapack.Rhs("torch.Gesv", b, Lapack.Square("torch.Gesv", a), a);
        var (lu, piv) = Lapack.Run("torch.Gesv", () => TS.linalg.lu_factor(a.Raw));
        using (piv)
        {
            using (B)
            {
                Lapack.NonSingular("torch.Gesv", lu, unit: false);
                using var x = TS.linalg.lu_solve(lu, piv!, B);
                return (Lapack.Out(a, x, vector), Lapack.Out(a, lu));
            }
        }
    }

    /// <summary>Solves the triangular system A X = B (or Aᵀ X = B with trans "T"), using only A's <paramref name="uplo"/> triangle;
    /// returns X and a copy of A. Example: <c>var (x, _) = torch.Trtrs(b, a);</c></summary>
    public static (Tensor X, Tensor A) Trtrs(Tensor b, Tensor a, string uplo = "U", string trans = "N", string diag = "N")
    {
        const string fn = "torch.Trtrs";
        bool upper = Lapack.Flag(fn, uplo, "U", "L"), transpose = Lapack.Flag(fn, trans, "T", "N"), unit = Lapack.Flag(fn, diag, "U", "N");
        var (B, vector) = Lapack.Rhs(fn, b, Lapack.Square(fn, a), a);
        using (B)
        {
            using var tri = upper ? a.Raw.triu() : a.Raw.tril();
            if (!unit) Lapack.NonSingular(fn, tri, unit);
            using var m = transpose ? tri.t() : tri.alias();
            using var x = TS.linalg.solve_triangular(m, B, upper != transpose, unitriangular: unit);
            return (Lapack.Out(a, x, vector), Lapack.Out(a, a.Raw.clone()));
        }
    }

    /// <summary>Least squares (m ≥ n) or minimum norm (m &lt; n) solution of A X = B: X has n rows, as Torch7 returns it
    /// (TH resizes LAPACK's max(m, n) rows to n). Also returns A's QR factors (geqrf layout).
    /// Example: <c>var (x, _) = torch.Gels(b, a);</c></summary>
    public static (Tensor X, Tensor QR) Gels(Tensor b, Tensor a)
    {
        const string fn = "torch.Gels";
        Lapack.Matrix(fn, a);
        var (B, vector) = Lapack.Rhs(fn, b, a.Size(1), a);
        using (B)
        {
            long m = a.Size(1), n = a.Size(2);
            if (m >= n)
            {
                var (qr, tau) = a.Raw.geqrf();
                using (tau)
                {
                    Lapack.NonSingular(fn, qr, unit: false, rows: n);
                    using var qtb = qr.ormqr(tau, B, true, true);
                    using var rows = qr.narrow(0, 0, n);
                    using var square = rows.narrow(1, 0, n);
                    using var r = square.triu();
                    using var top = qtb.narrow(0, 0, n);
                    using var x = TS.linalg.solve_triangular(r, top, true);
                    return (Lapack.Out(a, x, vector), Lapack.Out(a, qr)); // n x k, as TH resizes its result
                }
            }
            using var at = a.Raw.t();
            using var aat = a.Raw.mm(at);
            using var y = Lapack.Run(fn, () => TS.linalg.solve(aat, B));
            using var xmin = at.mm(y);
            var (lqT, tauT) = at.geqrf();
            using (tauT)
            using (lqT)
            using (var lq = lqT.t()) return (Lapack.Out(a, xmin, vector), Lapack.Out(a, lq.clone()));
        }
    }

    /// <summary>Eigenvalues (ascending) and, with jobz "V", eigenvectors (columns) of a symmetric matrix read from its <paramref name="uplo"/> triangle.
    /// With "N" the second result is, as in Torch7, the matrix as LAPACK's dsyev leaves it: its uplo triangle reduced to tridiagonal
    /// form with the Householder vectors, the other triangle as given. Example: <c>var (e, v) = torch.Symeig(a, "V");</c></summary>
    public static (Tensor E, Tensor V) Symeig(Tensor a, string jobz = "N", string uplo = "U")
    {
        const string fn = "torch.Symeig";
        bool vectors = Lapack.Flag(fn, jobz, "V", "N"), upper = Lapack.Flag(fn, uplo, "U", "L");
        Lapack.Square(fn, a);
        var (e, v) = Lapack.Run(fn, () => TS.linalg.eigh(a.Raw, upper ? 'U' : 'L'));
        using (v)
        {
            if (vectors) return (a.Result(e), Lapack.Out(a, v.clone()));
            int n = (int)a.Size(1);
            var reduced = Tridiagonal.Reduce(a.Double().Contiguous().ToArray(), n, upper);
            return (a.Result(e), torch.Tensor(reduced).View(n, n).Type(a.Type()));
        }
    }

    /// <summary>Eigenvalues of a general square matrix as an n x 2 tensor (real, imaginary parts, LAPACK's order) and, with "V",
    /// the eigenvectors in LAPACK's real layout (a complex pair's vector as two columns: real part, imaginary part).
    /// Example: <c>var (e, v) = torch.Eig(a, "V");</c></summary>
    public static (Tensor E, Tensor V) Eig(Tensor a, string jobvr = "N")
    {
        const string fn = "torch.Eig";
        bool vectors = Lapack.Flag(fn, jobvr, "V", "N");
        Lapack.Square(fn, a);
        var (l, v) = Lapack.Run(fn, () => TS.linalg.eig(a.Raw));
        using (l)
        using (v)
        {
            using var re = l.real;
            using var im = l.imag;
            using var e = TS.stack(new[] { re, im }, 1);
            var values = a.Result(e.to_type(a.ScalarType));
            if (!vectors) return (values, a.New());
            using var vr = v.real;
            using var vi = v.imag;
            using var real = vr.to_type(a.ScalarType, copy: true);
            using var imDouble = im.to_type(TS.ScalarType.Float64);
            var imag = imDouble.data<double>().ToArray();
            for (int j = 0; j < imag.Length - 1; j++)
                if (imag[j] > 0 && imag[j + 1] == -imag[j])
                {
                    using var col = real.select(1, j + 1);
                    using var part = vi.select(1, j);
                    col.copy_(part);
                    j++;
                }
            return (values, Lapack.Out(a, real.clone()));
        }
    }

    /// <summary>The singular value decomposition A = U diag(S) Vᵀ: "S" (default) gives the reduced U, "A" the full one.
    /// Example: <c>var (u, s, v) = torch.Svd(a);</c></summary>
    public static (Tensor U, Tensor S, Tensor V) Svd(Tensor a, string jobu = "S")
    {
        const string fn = "torch.Svd";
        bool all = Lapack.Flag(fn, jobu, "A", "S");
        Lapack.Matrix(fn, a);
        var (u, s, vh) = Lapack.Run(fn, () => TS.linalg.svd(a.Raw, all));
        using (u)
        using (vh)
        {
            using var v = vh.t();
            return (Lapack.Out(a, u.clone()), a.Result(s), Lapack.Out(a, v.contiguous()));
        }
    }

    /// <summary>The inverse of a square matrix. Example: <c>var ai = torch.Inverse(a);</c></summary>
    public static Tensor Inverse(Tensor a)
    {
        Lapack.Square("torch.Inverse", a);
        return Lapack.Out(a, Lapack.Run("torch.Inverse", () => TS.linalg.inv(a.Raw)));
    }

    /// <summary>The Cholesky factor of a symmetric positive-definite matrix read from its <paramref name="uplo"/> triangle:
    /// U with A = UᵀU ("U", the default) or L with A = LLᵀ ("L"). Example: <c>var u = torch.Potrf(a);</c></summary>
    public static Tensor Potrf(Tensor a, string uplo = "U")
    {
        const string fn = "torch.Potrf";
        bool upper = Lapack.Flag(fn, uplo, "U", "L");
        Lapack.Square(fn, a);
        using var sym = Lapack.Symmetric(a.Raw, upper);
        var (l, info) = TS.linalg.cholesky_ex(sym);
        using (info)
        using (l)
        {
            if (info.item<int>() != 0) throw new ArgumentException($"{fn}: the matrix is not positive definite (leading minor of order {info.item<int>()})");
            using var u = l.t();
            return Lapack.Out(a, upper ? u.contiguous() : l.clone());
        }
    }

    /// <summary>Solves A X = B given A's Cholesky factor <paramref name="chol"/> (upper unless <paramref name="uplo"/> is "L").
    /// Example: <c>var x = torch.Potrs(b, torch.Potrf(a));</c></summary>
    public static Tensor Potrs(Tensor b, Tensor chol, string uplo = "U")
    {
        const string fn = "torch.Potrs";
        bool upper = Lapack.Flag(fn, uplo, "U", "L");
        var (B, vector) = Lapack.Rhs(fn, b, Lapack.Square(fn, chol), chol);
        using (B)
        {
            Lapack.NonSingular(fn, chol.Raw, unit: false);
            using var x = B.cholesky_solve(chol.Raw, upper);
            return Lapack.Out(chol, x, vector);
        }
    }

    /// <summary>The inverse of A given its Cholesky factor <paramref name="chol"/>. Example: <c>var ai = torch.Potri(torch.Potrf(a));</c></summary>
    public static Tensor Potri(Tensor chol, string uplo = "U")
    {
        const string fn = "torch.Potri";
        bool upper = Lapack.Flag(fn, uplo, "U", "L");
        Lapack.Square(fn, chol);
        Lapack.NonSingular(fn, chol.Raw, unit: false);
        return Lapack.Out(chol, chol.Raw.cholesky_inverse(upper));
    }

    /// <summary>Cholesky factorisation with complete pivoting of a symmetric positive semi-definite matrix: Pᵀ A P = UᵀU ("U") or LLᵀ ("L"),
    /// with P given by the 1-based IntTensor <c>piv</c> (P[piv[k], k] = 1). A negative <paramref name="tol"/> means n·eps·max(diag).
    /// Example: <c>var (u, piv) = torch.Pstrf(a);</c></summary>
    public static (Tensor Factor, Tensor Piv) Pstrf(Tensor a, string uplo = "U", double tol = -1)
    {
        const string fn = "torch.Pstrf";
        bool upper = Lapack.Flag(fn, uplo, "U", "L");
        long n = Lapack.Square(fn, a);
        using var sym = Lapack.Symmetric(a.Raw, upper);
        using var d = sym.to_type(TS.ScalarType.Float64, copy: true);
        var (u, piv) = Lapack.PivotedCholesky(d.data<double>().ToArray(), (int)n, tol);
        using var ut = TS.tensor(u, new[] { n, n }, TS.ScalarType.Float64);
        using var tr = ut.t();
        using var f = upper ? ut.clone() : tr.contiguous();
        var p = IntTensor(n);
        using (var pv = TS.tensor(piv, TS.ScalarType.Int32)) p.Raw.copy_(pv);
        return (Lapack.Out(a, f.to_type(a.ScalarType)), p);
    }

    /// <summary>The reduced QR decomposition A = Q R (Q with orthonormal columns, R upper triangular). Example: <c>var (q, r) = torch.Qr(a);</c></summary>
    public static (Tensor Q, Tensor R) Qr(Tensor a)
    {
        Lapack.Matrix("torch.Qr", a);
        var (q, r) = TS.linalg.qr(a.Raw);
        return (Lapack.Out(a, q), a.Result(r));
    }

    /// <summary>LAPACK's geqrf: the Householder reflectors below the diagonal, R on and above it, and the scalar factors tau.
    /// Example: <c>var (m, tau) = torch.Geqrf(a);</c></summary>
    public static (Tensor M, Tensor Tau) Geqrf(Tensor a)
    {
        Lapack.Matrix("torch.Geqrf", a);
        var (m, tau) = a.Raw.geqrf();
        return (Lapack.Out(a, m), a.Result(tau));
    }

    /// <summary>LAPACK's orgqr: the explicit Q of reflectors from <see cref="Geqrf"/>. Example: <c>var q = torch.Orgqr(m, tau);</c></summary>
    public static Tensor Orgqr(Tensor m, Tensor tau)
    {
        Lapack.Matrix("torch.Orgqr", m);
        Lapack.Reflectors("torch.Orgqr", m, tau);
        return Lapack.Out(m, TS.linalg.householder_product(m.Raw, tau.Raw));
    }

    /// <summary>LAPACK's ormqr: <paramref name="mat"/> multiplied by Q (from <see cref="Geqrf"/>) on the left ("L") or right ("R"), transposed with "T". As in Torch7, <paramref name="m"/>'s memory is read column-major (the layout Geqrf returns), whatever its strides.
    /// Example: <c>var qtc = torch.Ormqr(m, tau, c, "L", "T");</c></summary>
    public static Tensor Ormqr(Tensor m, Tensor tau, Tensor mat, string side = "L", string trans = "N")
    {
        const string fn = "torch.Ormqr";
        bool left = Lapack.Flag(fn, side, "L", "R"), transpose = Lapack.Flag(fn, trans, "T", "N");
        Lapack.Matrix(fn, m);
        Lapack.Matrix(fn, mat);
        Lapack.Reflectors(fn, m, tau);
        long inner = left ? mat.Size(1) : mat.Size(2);
        if (inner != m.Size(1))
            throw new ArgumentException($"{fn}: Q is {m.Size(1)}x{m.Size(1)} but the matrix is {mat.SizeString()} (side {side})");
        // Torch7 hands a's memory to LAPACK as it lies, column-major with leading dimension lda = the rows (L) or columns (R) of
        // mat, whatever a's strides: geqrf's column-major result reads as itself, a row-major copy reads transposed.
        long lda = left ? mat.Size(1) : mat.Size(2), k = tau.NElement();
        using var seen = Lapack.Run(fn, () => m.Raw.as_strided(new[] { lda, k }, new[] { 1L, lda }, m.Raw.storage_offset())); // libtorch refuses a view past the storage
        using var c = mat.Raw.to_type(m.ScalarType);
        return Lapack.Out(m, seen.ormqr(tau.Raw, c, left, transpose));
    }
}
