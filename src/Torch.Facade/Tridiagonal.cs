namespace Torch;

/// <summary>LAPACK's unblocked reduction of a symmetric matrix to tridiagonal form (dsytd2, as dsyev runs it before computing
/// eigenvalues only): Torch7's <c>torch.symeig(a, 'N')</c> returns the matrix as dsyev leaves it, so this reproduces that
/// workspace: the triangle named by uplo holds the tridiagonal matrix and the Householder vectors, the other triangle keeps
/// the input.</summary>
internal static class Tridiagonal
{
    /// <summary>The n x n matrix <paramref name="a"/> (row-major values) after dsytd2 on its upper or lower triangle.</summary>
    internal static double[] Reduce(double[] a, int n, bool upper)
    {
        var m = (double[])a.Clone();
        ref double A(int i, int j) => ref m[i * n + j]; // 0-based A(i, j)
        if (upper)
            for (int i = n - 2; i >= 0; i--)
            {
                // reflector annihilating A(0:i-1, i+1), pivot A(i, i+1); v = A(0:i, i+1) with v(i) = 1
                var v = Enumerable.Range(0, i + 1).Select(r => A(r, i + 1)).ToArray();
                double tau = Reflector(v, i);
                for (int r = 0; r < i; r++) A(r, i + 1) = v[r];
                double e = v[i];
                if (tau != 0)
                {
                    v[i] = 1;
                    var rows = Enumerable.Range(0, i + 1).ToArray();
                    Update(m, n, rows, v, tau, upper: true);
                }
                A(i, i + 1) = e;
            }
        else
            for (int i = 0; i < n - 1; i++)
            {
                // reflector annihilating A(i+2:n-1, i), pivot A(i+1, i); v = A(i+1:n-1, i) with v(0) = 1
                var col = Enumerable.Range(i + 1, n - i - 1).Select(r => A(r, i)).ToArray();
                double tau = Reflector(col, 0);
                for (int r = 1; r < col.Length; r++) A(i + 1 + r, i) = col[r];
                double e = col[0];
                if (tau != 0)
                {
                    col[0] = 1;
                    var rows = Enumerable.Range(i + 1, n - i - 1).ToArray();
                    Update(m, n, rows, col, tau, upper: false);
                }
                A(i + 1, i) = e;
            }
        return m;
    }

    /// <summary>dlarfg with the pivot at <paramref name="p"/> and the other elements of <paramref name="x"/> as the vector: on return
    /// x holds beta at p and v (scaled) elsewhere; returns tau (0 when nothing is to annihilate).</summary>
    static double Reflector(double[] x, int p)
    {
        if (x.Length <= 1) return 0;
        double alpha = x[p], norm = Math.Sqrt(x.Where((_, k) => k != p).Sum(v => v * v));
        if (norm == 0) return 0;
        double beta = -Math.CopySign(Hypot(alpha, norm), alpha);
        double tau = (beta - alpha) / beta, scale = 1 / (alpha - beta);
        for (int k = 0; k < x.Length; k++) if (k != p) x[k] *= scale;
        x[p] = beta;
        return tau;
    }

    /// <summary>dlapy2: sqrt(x² + y²) without overflow.</summary>
    static double Hypot(double x, double y)
    {
        double w = Math.Max(Math.Abs(x), Math.Abs(y)), z = Math.Min(Math.Abs(x), Math.Abs(y));
        return z == 0 ? w : w * Math.Sqrt(1 + z / w * (z / w));
    }

    /// <summary>dsytd2's rank-2 update of the trailing block on <paramref name="rows"/>: w = tau A v, w -= ½ tau (w·v) v,
    /// A -= v wᵀ + w vᵀ on the referenced triangle.</summary>
    static void Update(double[] m, int n, int[] rows, double[] v, double tau, bool upper)
    {
        int k = rows.Length;
        double At(int r, int c) // the symmetric matrix read from the referenced triangle
        {
            int i = rows[r], j = rows[c];
            return upper == (i <= j) ? m[i * n + j] : m[j * n + i];
        }
        var w = new double[k];
        for (int r = 0; r < k; r++)
        {
            double s = 0;
            for (int c = 0; c < k; c++) s += At(r, c) * v[c];
            w[r] = tau * s;
        }
        double alpha = -0.5 * tau * w.Zip(v, (a, b) => a * b).Sum();
        for (int r = 0; r < k; r++) w[r] += alpha * v[r];
        for (int r = 0; r < k; r++)
            for (int c = 0; c < k; c++)
                if (upper ? r <= c : r >= c) m[rows[r] * n + rows[c]] -= v[r] * w[c] + w[r] * v[c];
    }
}
