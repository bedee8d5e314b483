using System.Runtime.InteropServices;

namespace Torch.Distributed.Native;

/// <summary>
/// The MPI C API of Open MPI's libmpi, bound by hand: MPI.NET (the NuGet binding) speaks MS-MPI's ABI only (integer
/// handles, msmpi.dll). Open MPI's handles (MPI_COMM_WORLD, MPI_DOUBLE, MPI_SUM, ...) are the addresses of global
/// objects of the library (<c>ompi_mpi_comm_world</c>, ...), read with dlsym; the functions are called through pointers.
/// </summary>
internal static unsafe class OpenMpi
{
    /// <summary>Where Open MPI's library is looked for: TORCH_MPI_LIBRARY when set, else the names Debian installs.</summary>
    internal const string LibraryVariable = "TORCH_MPI_LIBRARY";
    static readonly string[] Names = { "libmpi.so.40", "libmpi.so" };

    internal const int Success = 0;
    internal const int ThreadSerialized = 2;
    internal static readonly IntPtr InPlace = 1;   // Open MPI's MPI_IN_PLACE

    internal static IntPtr CommWorld, ErrorsReturn;
    internal static IntPtr OpSum, OpMax, OpMin, OpProd;
    internal static IntPtr Double, Float, Int64, Int32, Int16, SignedChar, UnsignedChar;

    internal static delegate* unmanaged<IntPtr, IntPtr, int, int*, int> InitThread;
    internal static delegate* unmanaged<int> Finalize;
    internal static delegate* unmanaged<IntPtr, int, int> Abort;
    internal static delegate* unmanaged<IntPtr, int*, int> CommRank, CommSize;
    internal static delegate* unmanaged<IntPtr, IntPtr, int> CommSetErrhandler;
    internal static delegate* unmanaged<int, byte*, int*, int> ErrorString;
    internal static delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, IntPtr, IntPtr, int> Allreduce;
    internal static delegate* unmanaged<IntPtr, int, IntPtr, int, IntPtr, int> Bcast;
    internal static delegate* unmanaged<IntPtr, int, IntPtr, IntPtr, int, IntPtr, IntPtr, int> Allgather;
    internal static delegate* unmanaged<IntPtr, int> Barrier;

    static IntPtr library;

    /// <summary>Loads libmpi once and reads its handles and functions, or throws naming the packages to install.</summary>
    internal static void Load(string fn)
    {
        if (library != IntPtr.Zero) return;
        string? chosen = Environment.GetEnvironmentVariable(LibraryVariable);
        var tried = chosen is { Length: > 0 } ? new[] { chosen } : Names;
        IntPtr h = IntPtr.Zero;
        string path = "";
        foreach (var name in tried)
        {
            // RTLD_GLOBAL: Open MPI's plug-ins (loaded later by libmpi itself) resolve their symbols against libmpi
            h = dlopen(name, RtldNow | RtldGlobal);
            if (h != IntPtr.Zero) { path = name; break; }
        }
        if (h == IntPtr.Zero)
            throw new DllNotFoundException(
                $"{fn}: Open MPI's library was not found ({string.Join(", ", tried)}). Install Open MPI: on Debian or Ubuntu " +
                $"`apt-get install openmpi-bin libopenmpi-dev`, or set {LibraryVariable} to the path of libmpi.so");
        if (!NativeLibrary.TryGetExport(h, "ompi_mpi_comm_world", out CommWorld))
            throw new DllNotFoundException(
                $"{fn}: {path} is not Open MPI's libmpi (it has no ompi_mpi_comm_world): Torch.Distributed calls Open MPI's ABI; " +
                "install openmpi-bin and libopenmpi-dev, or point " + LibraryVariable + " at Open MPI's libmpi.so");
        IntPtr Sym(string name) => NativeLibrary.GetExport(h, name);
        ErrorsReturn = Sym("ompi_mpi_errors_return");
        OpSum = Sym("ompi_mpi_op_sum"); OpMax = Sym("ompi_mpi_op_max"); OpMin = Sym("ompi_mpi_op_min"); OpProd = Sym("ompi_mpi_op_prod");
        Double = Sym("ompi_mpi_double"); Float = Sym("ompi_mpi_float"); Int64 = Sym("ompi_mpi_int64_t"); Int32 = Sym("ompi_mpi_int");
        Int16 = Sym("ompi_mpi_short"); SignedChar = Sym("ompi_mpi_signed_char"); UnsignedChar = Sym("ompi_mpi_unsigned_char");
        InitThread = (delegate* unmanaged<IntPtr, IntPtr, int, int*, int>)Sym("MPI_Init_thread");
        Finalize = (delegate* unmanaged<int>)Sym("MPI_Finalize");
        Abort = (delegate* unmanaged<IntPtr, int, int>)Sym("MPI_Abort");
        CommRank = (delegate* unmanaged<IntPtr, int*, int>)Sym("MPI_Comm_rank");
        CommSize = (delegate* unmanaged<IntPtr, int*, int>)Sym("MPI_Comm_size");
        CommSetErrhandler = (delegate* unmanaged<IntPtr, IntPtr, int>)Sym("MPI_Comm_set_errhandler");
        ErrorString = (delegate* unmanaged<int, byte*, int*, int>)Sym("MPI_Error_string");
        Allreduce = (delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, IntPtr, IntPtr, int>)Sym("MPI_Allreduce");
        Bcast = (delegate* unmanaged<IntPtr, int, IntPtr, int, IntPtr, int>)Sym("MPI_Bcast");
        Allgather = (delegate* unmanaged<IntPtr, int, IntPtr, IntPtr, int, IntPtr, IntPtr, int>)Sym("MPI_Allgather");
        Barrier = (delegate* unmanaged<IntPtr, int>)Sym("MPI_Barrier");
        library = h;
    }

    /// <summary>Throws an <see cref="MpiException"/> naming <paramref name="fn"/> and MPI's own words for a failed call.</summary>
    internal static void Check(int code, string fn, string call)
    {
        if (code == Success) return;
        var text = stackalloc byte[512];   // MPI_MAX_ERROR_STRING is 256 in Open MPI
        int length = 0;
        string said = ErrorString(code, text, &length) == Success ? Marshal.PtrToStringUTF8((IntPtr)text, length) : "unknown error";
        throw new MpiException($"{fn}: {call} failed with MPI error {code}: {said}");
    }

    const int RtldNow = 2, RtldGlobal = 0x100;
    [DllImport("libc.so.6")] static extern IntPtr dlopen([MarshalAs(UnmanagedType.LPUTF8Str)] string file, int mode);
}
