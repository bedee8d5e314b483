using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

/// <summary>Argument checks and layout helpers shared by the LAPACK functions.</summary>
internal static class Lapack
{
    /// <summary>Runs a libtorch linalg call, turning its native error (singular matrix, no convergence) into an ArgumentException naming <paramref name="fn"/>.</summary>
    internal static T Run<T>(string fn, Func<T> call)
    {
        try { return call(); }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            var first = e.Message.Split('\n')[0];
            throw new ArgumentException($"{fn}: {(first.Contains("singular") || first.Contains("is zero") ? "the matrix is singular" : "LAPACK failed")} ({first})", e);
        }
    }

    internal static void Matrix(string fn, Tensor a)
    {
        a.Need(Tensor.Kind.Floating, fn).NeedDim(2, fn, "the matrix");
        if (a.ScalarType == TorchSharp.torch.ScalarType.Float16) // as Torch7, which has no LAPACK for HalfTensor
            throw new NotSupportedException($"{fn}: expected a Float or Double matrix, got a {a.Type()}");
        if (a.NElement() == 0) throw new ArgumentException($"{fn}: empty matrix");
    }

    internal static long Square(string fn, Tensor a)
    {
        Matrix(fn, a);
        if (a.Size(1) != a.Size(2)) throw new ArgumentException($"{fn}: expected a square matrix, got {a.SizeString()}");
        return a.Size(1);
    }

    /// <summary>The right-hand side as an m x k matrix in the matrix's type (a 1-D b becomes one column).</summary>
    internal static (TT B, bool Vector) Rhs(string fn, Tensor b, long rows, Tensor like)
    {
        b.Need(Tensor.Kind.Floating, fn);
        if (b.Dim() != 1 && b.Dim() != 2) throw new ArgumentException($"{fn}: expected B to be 1-D or 2-D, got {b.Dim()} dimensions");
        if (b.Size(1) != rows) throw new ArgumentException($"{fn}: B has {b.Size(1)} rows but A has {rows}");
        using var typed = b.Raw.to_type(like.ScalarType);
        return (b.Dim() == 1 ? typed.unsqueeze(1) : typed.alias(), b.Dim() == 1);
    }

    internal static bool Flag(string fn, string value, string yes, string no)
    {
        if (value == yes) return true;
        if (value == no) return false;
        throw new ArgumentException($"{fn}: option '{value}' (expected '{yes}' or '{no}')");
    }

    /// <summary>Throws when a triangular (or LU) factor has a zero on its diagonal, as LAPACK reports a singular matrix.</summary>
    internal static void NonSingular(string fn, TT factor, bool unit, long rows = -1)
    {
        if (unit) return;
        using var diag = factor.diagonal();
        using var d = rows > 0 ? diag.narrow(0, 0, rows) : diag.alias();
        using var zero = d.Eq(0);
        using var any = zero.any();
        if (any.item<bool>()) throw new ArgumentException($"{fn}: the matrix is singular (a zero on the diagonal of its factor)");
    }

    internal static void Reflectors(string fn, Tensor m, Tensor tau)
    {
        if (tau.Dim() != 1 || tau.Size(1) > Math.Min(m.Size(1), m.Size(2)))
            throw new ArgumentException($"{fn}: tau must be 1-D with at most {Math.Min(m.Size(1), m.Size(2))} elements, got {tau.SizeString()}");
        if (tau.ScalarType != m.ScalarType) throw new ArgumentException($"{fn}: tau is a {tau.Type()} but the matrix a {m.Type()}");
    }

    /// <summary>The symmetric matrix Torch7's LAPACK call sees: A's upper (or lower) triangle mirrored.</summary>
    internal static TT Symmetric(TT a, bool upper)
    {
        using var tri = upper ? a.triu() : a.tril();
        using var strict = upper ? a.triu(1) : a.tril(-1);
        using var mirror = strict.t();
        return tri.add(mirror, ScalarLease.One);
    }

    /// <summary>A result matrix in <paramref name="like"/>'s type, in Torch7's column-major layout (a 1-column result of a 1-D B back to 1-D).</summary>
    internal static Tensor Out(Tensor like, TT result, bool vector = false)
    {
        using (result)
        {
            if (vector)
                using (var flat = result.reshape(-1)) return like.Result(flat.clone());
            if (result.dim() != 2) return like.Result(result.clone());
            using var typed = result.to_type(like.ScalarType);
            using var t = typed.t();
            using var c = t.contiguous();
            return torch.Wrap(c.t());
        }
    }

    /// <summary>LAPACK's pstf2 (unblocked Cholesky with complete pivoting, upper form) on a row-major n x n matrix:
    /// returns U (zeros below the diagonal and in the rows past the computed rank) and the 1-based pivots.</summary>
    internal static (double[] U, int[] Piv) PivotedCholesky(double[] a, int n, double tol)
    {
        var piv = Enumerable.Range(1, n).ToArray();
        var work = new double[n];
        double maxDiag = Enumerable.Range(0, n).Max(i => a[i * n + i]);
        double stop = tol < 0 ? n * 2.220446049250313e-16 * maxDiag : tol;
        int rank = n;
        for (int j = 0; j < n; j++)
        {
            int p = j;
            double best = double.NegativeInfinity;
            for (int i = j; i < n; i++)
            {
                double v = a[i * n + i] - work[i];
                if (v > best) { best = v; p = i; }
            }
            if (best <= stop || double.IsNaN(best)) { rank = j; break; }
            if (p != j)
            {
                for (int k = 0; k < n; k++) (a[j * n + k], a[p * n + k]) = (a[p * n + k], a[j * n + k]);
                for (int k = 0; k < n; k++) (a[k * n + j], a[k * n + p]) = (a[k * n + p], a[k * n + j]);
                (work[j], work[p]) = (work[p], work[j]);
                (piv[j], piv[p]) = (piv[p], piv[j]);
            }
            double ajj = Math.Sqrt(best);
            a[j * n + j] = ajj;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[j * n + i];
                for (int k = 0; k < j; k++) s -= a[k * n + j] * a[k * n + i];
                a[j * n + i] = s / ajj;
                work[i] += a[j * n + i] * a[j * n + i];
            }
        }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                if (k < i || i >= rank) a[i * n + k] = 0;
        return (a, piv);
    }
}
