using System.Runtime.InteropServices;
using TorchSharp;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Native;

/// <summary>
/// Torch7's BLAS: the system's OpenBLAS (Torch7 links it; Debian's <c>libopenblas0</c>), called directly on the memory of CPU
/// float and double tensors for the matrix products of the nn layers. On char-rnn's shapes (batch 50, 128 units, double,
/// one thread) its gemm is 1.2 to 2 times faster than libtorch's MKL for the products whose inner size is the batch
/// (the weight gradient) and for gradInput, and as fast for the forward; MKL's own dgemm_ called directly is as slow as
/// libtorch's addmm_, so the gap is the kernel, not the dispatch (docs/benchmarks.md). Where OpenBLAS is absent (another
/// system, or <c>TORCH_NET_BLAS=libtorch</c> in the environment), or a layout does not fit BLAS, callers use libtorch.
/// </summary>
internal static unsafe class Blas
{
    const int RowMajor = 101, ColMajor = 102, NoTrans = 111, Trans = 112;

    sealed class Api
    {
        public delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dgemm;
        public delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm;
        public delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dgemv;
        public delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemv;
        public delegate* unmanaged<int, void> SetThreads;
    }

    static readonly Lazy<Api?> Loaded = new(Load);

    /// <summary>Whether the products go to OpenBLAS (loaded, and not switched off). Tests switch it to compare both routes.</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>Whether OpenBLAS was found. Example: <c>if (Blas.Available) ...</c></summary>
    internal static bool Available => Loaded.Value is not null;

    static Api? Load()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("TORCH_NET_BLAS"), "libtorch", StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var name in new[] { "libopenblas.so.0", "libopenblas.so", "libopenblas.dylib", "libopenblas", "openblas" })
        {
            if (!NativeLibrary.TryLoad(name, out var lib)) continue;
            if (!NativeLibrary.TryGetExport(lib, "cblas_dgemm", out var d) || !NativeLibrary.TryGetExport(lib, "cblas_sgemm", out var s)
                || !NativeLibrary.TryGetExport(lib, "cblas_dgemv", out var dv) || !NativeLibrary.TryGetExport(lib, "cblas_sgemv", out var sv)) continue;
            var api = new Api
            {
                Dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)d,
                Sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)s,
                Dgemv = (delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)dv,
                Sgemv = (delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sv,
                SetThreads = NativeLibrary.TryGetExport(lib, "openblas_set_num_threads", out var t) ? (delegate* unmanaged<int, void>)t : null,
            };
            // as many threads as libtorch's ops use (Torch7's torch.setnumthreads sets OpenBLAS's)
            if (api.SetThreads != null) api.SetThreads(TorchSharp.torch.get_num_threads());
            return api;
        }
        return null;
    }

    /// <summary>Whether products of <paramref name="t"/>'s type and device go to OpenBLAS (CPU float or double, OpenBLAS present
    /// and switched on): a cheap test before preparing a result buffer. Example: <c>if (Blas.Serves(a)) ...</c></summary>
    internal static bool Serves(TT t) =>
        Enabled && Available && t.device_type == DeviceType.CPU
        && (t.dtype == TorchSharp.torch.ScalarType.Float64 || t.dtype == TorchSharp.torch.ScalarType.Float32);

    /// <summary>Sets OpenBLAS's thread count with libtorch's (<see cref="torch.SetNumThreads"/>).</summary>
    internal static void SetThreads(int n)
    {
        if (Loaded.Value is { SetThreads: not null } api) api.SetThreads(n);
    }

    /// <summary>c = beta c + alpha (a b) for 2-D CPU tensors of one type, float or double, each with a unit stride in one
    /// dimension (any transposed view), c not overlapping a or b; false, having done nothing, where that does not hold or
    /// OpenBLAS is absent: the caller then asks libtorch. With beta = 0, c is not read (BLAS's rule, as addmm_'s).
    /// Example: <c>if (!Blas.TryGemm(o, x, wT, 0, 1)) o.addmm_(x, wT, 0, 1);</c></summary>
    internal static bool TryGemm(TT c, TT a, TT b, double beta, double alpha)
    {
        if (!Enabled || Loaded.Value is not { } api) return false;
        var type = c.dtype;
        if (type != TorchSharp.torch.ScalarType.Float64 && type != TorchSharp.torch.ScalarType.Float32) return false;
        if (a.dtype != type || b.dtype != type || c.device_type != DeviceType.CPU || a.device_type != DeviceType.CPU
            || b.device_type != DeviceType.CPU || c.dim() != 2 || a.dim() != 2 || b.dim() != 2) return false;
        long m = c.size(0), n = c.size(1), k = a.size(1);
        if (a.size(0) != m || b.size(0) != k || b.size(1) != n || m == 0 || n == 0 || k == 0
            || m > int.MaxValue || n > int.MaxValue || k > int.MaxValue) return false;
        // c's layout sets BLAS's order; a and b are then "as stored" or "transposed" in that order
        var (cRow, ldc) = Layout(c, m, n, rowMajor: true);
        var (aSame, lda) = Layout(a, m, k, cRow);
        var (bSame, ldb) = Layout(b, k, n, cRow);
        if (ldc == 0 || lda == 0 || ldb == 0) return false;
        int elem = type == TorchSharp.torch.ScalarType.Float64 ? 8 : 4;
        IntPtr pc = THS.THSTensor_data(c.Handle), pa = THS.THSTensor_data(a.Handle), pb = THS.THSTensor_data(b.Handle);
        if (Overlap(pc, Extent(c, elem), pa, Extent(a, elem)) || Overlap(pc, Extent(c, elem), pb, Extent(b, elem))) return false;
        int order = cRow ? RowMajor : ColMajor, ta = aSame ? NoTrans : Trans, tb = bSame ? NoTrans : Trans;
        if (elem == 8)
            api.Dgemm(order, ta, tb, (int)m, (int)n, (int)k, alpha, (double*)pa, lda, (double*)pb, ldb, beta, (double*)pc, ldc);
        else
            api.Sgemm(order, ta, tb, (int)m, (int)n, (int)k, (float)alpha, (float*)pa, lda, (float*)pb, ldb, (float)beta, (float*)pc, ldc);
        return true;
    }

    /// <summary>y = beta y + alpha (a x) for a 2-D CPU tensor a with a unit stride in one dimension and vectors x, y with
    /// non-zero strides, all of one type, float or double, y not overlapping a or x; the call Torch7's addmv makes (a
    /// column-major "n" product when a's first stride is 1, else the transposed one). False, having done nothing, otherwise.
    /// Example: <c>if (!Blas.TryGemv(gradBias, goT, ones, 1, scale)) gradBias.addmv_(goT, ones, 1, (float)scale);</c></summary>
    internal static bool TryGemv(TT y, TT a, TT x, double beta, double alpha)
    {
        if (!Enabled || Loaded.Value is not { } api) return false;
        var type = y.dtype;
        if (type != TorchSharp.torch.ScalarType.Float64 && type != TorchSharp.torch.ScalarType.Float32) return false;
        if (a.dtype != type || x.dtype != type || y.device_type != DeviceType.CPU || a.device_type != DeviceType.CPU
            || x.device_type != DeviceType.CPU || y.dim() != 1 || a.dim() != 2 || x.dim() != 1) return false;
        long m = a.size(0), n = a.size(1), s0 = a.stride(0), s1 = a.stride(1), incx = x.stride(0), incy = y.stride(0);
        if (y.size(0) != m || x.size(0) != n || m == 0 || n == 0 || m > int.MaxValue || n > int.MaxValue
            || incx <= 0 || incy <= 0 || incx > int.MaxValue || incy > int.MaxValue) return false;
        // Torch7's choice: a column-major matrix as it is, a row-major one as the transpose of a column-major n x m
        bool colMajor = s0 == 1 && s1 >= Math.Max(m, 1);
        if (!colMajor && !(s1 == 1 && s0 >= Math.Max(n, 1))) return false;
        long lda = colMajor ? s1 : s0;
        if (lda > int.MaxValue) return false;
        int elem = type == TorchSharp.torch.ScalarType.Float64 ? 8 : 4;
        IntPtr py = THS.THSTensor_data(y.Handle), pa = THS.THSTensor_data(a.Handle), px = THS.THSTensor_data(x.Handle);
        long ny = ((m - 1) * incy + 1) * elem;
        if (Overlap(py, ny, pa, Extent(a, elem)) || Overlap(py, ny, px, ((n - 1) * incx + 1) * elem)) return false;
        int rows = (int)(colMajor ? m : n), cols = (int)(colMajor ? n : m), trans = colMajor ? NoTrans : Trans;
        if (elem == 8)
            api.Dgemv(ColMajor, trans, rows, cols, alpha, (double*)pa, (int)lda, (double*)px, (int)incx, beta, (double*)py, (int)incy);
        else
            api.Sgemv(ColMajor, trans, rows, cols, (float)alpha, (float*)pa, (int)lda, (float*)px, (int)incx, (float)beta, (float*)py, (int)incy);
        return true;
    }

    /// <summary>How a rows x cols matrix lies for BLAS: (whether it is stored in the wanted order, its leading dimension), or
    /// a leading dimension of 0 when neither order fits (no unit stride, or a stride below BLAS's minimum).</summary>
    static (bool Same, int Ld) Layout(TT t, long rows, long cols, bool rowMajor)
    {
        long s0 = rows == 1 ? Math.Max(cols, 1) : t.stride(0), s1 = cols == 1 ? Math.Max(rows, 1) : t.stride(1);
        // row-major storage: unit stride across columns, rows s0 apart (s0 >= cols); column-major the mirror
        bool row = (cols == 1 || s1 == 1) && s0 >= cols, col = (rows == 1 || s0 == 1) && s1 >= rows;
        if (row && (rowMajor || !col)) return (rowMajor, (int)Math.Min(s0, int.MaxValue));
        if (col) return (!rowMajor, (int)Math.Min(s1, int.MaxValue));
        return (false, 0);
    }

    /// <summary>The bytes from a tensor's first element to one past its last (strides are non-negative here).</summary>
    static long Extent(TT t, int elem) => ((t.size(0) - 1) * t.stride(0) + (t.size(1) - 1) * t.stride(1) + 1) * elem;

    static bool Overlap(IntPtr p, long np, IntPtr q, long nq) => (long)p < (long)q + nq && (long)q < (long)p + np;
}
