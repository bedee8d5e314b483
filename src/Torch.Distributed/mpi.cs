using Torch.Distributed.Native;
using ScalarType = TorchSharp.torch.ScalarType;

namespace Torch.Distributed;

/// <summary>
/// MPI for tensors, as Lua's torch-mpi had it: start and stop, this process's rank among the job's processes, and the
/// collectives (all-reduce, broadcast, all-gather, barrier) on contiguous CPU tensors in place — MPI reads and writes the
/// tensor's own memory, nothing is copied. Ranks are 1-based like everything else here (MPI's rank 0 is rank 1). Runs on
/// Open MPI (Debian's openmpi-bin and libopenmpi-dev); launch with <c>mpirun -np N dotnet Program.dll</c>.
/// A rank that ends with an unhandled exception, or without <see cref="Finalize"/>, stops the whole job (MPI_Abort) with
/// its rank and the error, so that no other rank waits for it forever.
/// Example: <c>mpi.Init(); mpi.AllReduce(grad); mpi.Finalize();</c>
/// </summary>
public static class mpi
{
    // Every call into MPI holds this lock: MPI is started at MPI_THREAD_SERIALIZED, so any thread may call, one at a time.
    static readonly object gate = new();
    static int rank = -1, size;
    static bool finalized;

    /// <summary>Starts MPI in this process (MPI_Init_thread); a second call does nothing. Without Open MPI installed it throws
    /// a <see cref="DllNotFoundException"/> that names the Debian packages. Example: <c>mpi.Init();</c></summary>
    public static unsafe void Init()
    {
        lock (gate)
        {
            if (rank >= 0 && !finalized) return;
            if (finalized) throw new InvalidOperationException("mpi.Init: MPI was finalized in this process; MPI cannot start again");
            OpenMpi.Load("mpi.Init");
            int provided, r, n;
            OpenMpi.Check(OpenMpi.InitThread(IntPtr.Zero, IntPtr.Zero, OpenMpi.ThreadSerialized, &provided), "mpi.Init", "MPI_Init_thread");
            // MPI errors come back as exceptions naming the function rather than killing the job unexplained
            OpenMpi.Check(OpenMpi.CommSetErrhandler(OpenMpi.CommWorld, OpenMpi.ErrorsReturn), "mpi.Init", "MPI_Comm_set_errhandler");
            OpenMpi.Check(OpenMpi.CommRank(OpenMpi.CommWorld, &r), "mpi.Init", "MPI_Comm_rank");
            OpenMpi.Check(OpenMpi.CommSize(OpenMpi.CommWorld, &n), "mpi.Init", "MPI_Comm_size");
            (rank, size) = (r, n);
            AppDomain.CurrentDomain.UnhandledException += (_, e) => AbortJob($"failed: {e.ExceptionObject}");
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                if (!finalized) AbortJob("ended without mpi.Finalize(): the job is stopped so that no other rank waits for it");
            };
        }
    }

#pragma warning disable CS0465 // Lua's name (mpi.finalize); a static method of a static class is no destructor
    /// <summary>Stops MPI in this process (MPI_Finalize); every rank calls it once at the end. Example: <c>mpi.Finalize();</c></summary>
    public static unsafe void Finalize()
#pragma warning restore CS0465
    {
        lock (gate)
        {
            if (rank < 0 || finalized) return;
            finalized = true;
            OpenMpi.Check(OpenMpi.Finalize(), "mpi.Finalize", "MPI_Finalize");
        }
    }

    /// <summary>This process's rank in the job, 1 to <see cref="Size"/> (MPI's rank + 1). Example: <c>if (mpi.Rank() == 1) print(loss);</c></summary>
    public static int Rank() => Started("mpi.Rank") + 1;

    /// <summary>The number of processes in the job. Example: <c>long shard = n / mpi.Size();</c></summary>
    public static int Size()
    {
        Started("mpi.Size");
        return size;
    }

    /// <summary>Combines <paramref name="t"/> over all ranks element by element (<paramref name="op"/>, the sum by default) and
    /// leaves the result in <paramref name="t"/> on every rank; returns <paramref name="t"/>.
    /// Example: <c>mpi.AllReduce(dw).Div(mpi.Size());</c></summary>
    /// <exception cref="ArgumentException"><paramref name="t"/> is not a contiguous CPU tensor of an MPI type.</exception>
    /// <exception cref="MpiException">the ranks' tensors differ in size or type, or they ask for different operations.</exception>
    public static unsafe Tensor AllReduce(Tensor t, ReduceOp op = ReduceOp.Sum)
    {
        const string fn = "mpi.AllReduce";
        IntPtr type = MpiType(fn, t, nameof(t));
        IntPtr mpiOp = op switch
        {
            ReduceOp.Sum => OpenMpi.OpSum,
            ReduceOp.Max => OpenMpi.OpMax,
            ReduceOp.Min => OpenMpi.OpMin,
            ReduceOp.Prod => OpenMpi.OpProd,
            _ => throw new ArgumentOutOfRangeException(nameof(op), $"{fn}: unknown operation {op} (expected Sum, Max, Min or Prod)"),
        };
        Collective(fn, Call.AllReduce, t, (int)op, () =>
            OpenMpi.Check(OpenMpi.Allreduce(OpenMpi.InPlace, t.Data, (int)t.NElement(), type, mpiOp, OpenMpi.CommWorld), fn, "MPI_Allreduce"));
        return t;
    }

    /// <summary>Copies rank <paramref name="root"/>'s <paramref name="t"/> into <paramref name="t"/> on every other rank
    /// (MPI_Bcast); returns <paramref name="t"/>. Example: <c>mpi.Broadcast(w, root: 1);</c></summary>
    /// <exception cref="ArgumentException"><paramref name="t"/> is not a contiguous CPU tensor of an MPI type.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> is not a rank (1 to <see cref="Size"/>).</exception>
    /// <exception cref="MpiException">the ranks' tensors differ in size or type, or the ranks name different roots.</exception>
    public static unsafe Tensor Broadcast(Tensor t, int root = 1)
    {
        const string fn = "mpi.Broadcast";
        IntPtr type = MpiType(fn, t, nameof(t));
        if (root < 1 || root > size)
            throw new ArgumentOutOfRangeException(nameof(root), $"{fn}: root {root} is not a rank (expected 1 to {size})");
        Collective(fn, Call.Broadcast, t, root, () =>
            OpenMpi.Check(OpenMpi.Bcast(t.Data, (int)t.NElement(), type, root - 1, OpenMpi.CommWorld), fn, "MPI_Bcast"));
        return t;
    }

    /// <summary>Gathers every rank's <paramref name="t"/> into <paramref name="result"/>, rank 1's elements first
    /// (MPI_Allgather); <paramref name="result"/> is contiguous, of <paramref name="t"/>'s type, with <see cref="Size"/> times
    /// its elements (any shape). Returns <paramref name="result"/>. Example: <c>mpi.AllGather(all, mine);</c></summary>
    /// <exception cref="ArgumentException">either is not a contiguous CPU tensor of an MPI type, or they do not fit together.</exception>
    /// <exception cref="MpiException">the ranks' tensors differ in size or type.</exception>
    public static unsafe Tensor AllGather(Tensor result, Tensor t)
    {
        const string fn = "mpi.AllGather";
        IntPtr type = MpiType(fn, t, nameof(t));
        MpiType(fn, result, nameof(result));
        if (result.Type() != t.Type())
            throw new ArgumentException($"{fn}: result is a {result.Type()}, expected {t.Type()} like the gathered tensor", nameof(result));
        if (result.NElement() != size * t.NElement())
            throw new ArgumentException($"{fn}: result has {result.NElement()} elements, expected {size} ranks x {t.NElement()} = " +
                                        $"{size * t.NElement()}", nameof(result));
        if (result.NElement() > int.MaxValue)
            throw new ArgumentException($"{fn}: result has {result.NElement()} elements; MPI counts stop at {int.MaxValue}", nameof(result));
        Collective(fn, Call.AllGather, t, 0, () =>
            OpenMpi.Check(OpenMpi.Allgather(t.Data, (int)t.NElement(), type, result.Data, (int)t.NElement(), type, OpenMpi.CommWorld),
                          fn, "MPI_Allgather"));
        GC.KeepAlive(result);
        return result;
    }

    /// <summary>A new tensor of <paramref name="t"/>'s type and sizes with a first dimension of <see cref="Size"/> added:
    /// slice r holds rank r's <paramref name="t"/>. Example: <c>Tensor losses = mpi.AllGather(torch.DoubleTensor(new[] { loss }.AsSpan()));</c></summary>
    public static Tensor AllGather(Tensor t)
    {
        Started("mpi.AllGather");
        return AllGather(t.New(new[] { (long)size }.Concat(t.Size()).ToArray()), t);
    }

    /// <summary>Waits until every rank has called it (MPI_Barrier). Example: <c>mpi.Barrier();</c></summary>
    public static unsafe void Barrier()
    {
        const string fn = "mpi.Barrier";
        Started(fn);
        Collective(fn, Call.Barrier, null, 0, () => OpenMpi.Check(OpenMpi.Barrier(OpenMpi.CommWorld), fn, "MPI_Barrier"));
    }

    static int Started(string fn) => rank >= 0 && !finalized ? rank
        : throw new InvalidOperationException(finalized ? $"{fn}: MPI was finalized (mpi.Finalize)" : $"{fn}: call mpi.Init() first");

    /// <summary>The MPI datatype of a tensor MPI may read and write in place, or throws saying what is wrong with it.</summary>
    static IntPtr MpiType(string fn, Tensor t, string name)
    {
        ArgumentNullException.ThrowIfNull(t, name);
        Started(fn);
        if (t.IsCuda)
            throw new ArgumentException($"{fn}: expected a CPU tensor, got a {t.Type()} (copy it to the CPU first, e.g. with .Float()): " +
                                        "this binding passes host memory to MPI", name);
        if (!t.IsContiguous())
            throw new ArgumentException($"{fn}: expected a contiguous tensor (MPI works on its memory in place), got a non-contiguous " +
                                        $"{t.Type()} of size {string.Join("x", t.Size())} (use the tensor it is a view of, or a contiguous copy)", name);
        if (t.NElement() > int.MaxValue)
            throw new ArgumentException($"{fn}: {t.NElement()} elements; MPI counts stop at {int.MaxValue}", name);
        return t.ScalarType switch
        {
            ScalarType.Float64 => OpenMpi.Double,
            ScalarType.Float32 => OpenMpi.Float,
            ScalarType.Int64 => OpenMpi.Int64,
            ScalarType.Int32 => OpenMpi.Int32,
            ScalarType.Int16 => OpenMpi.Int16,
            ScalarType.Int8 => OpenMpi.SignedChar,
            ScalarType.Byte => OpenMpi.UnsignedChar,
            _ => throw new ArgumentException($"{fn}: a {t.Type()} has no MPI type (expected a Double, Float, Long, Int, Short, Char or Byte tensor)", name),
        };
    }

    enum Call { AllReduce = 1, Broadcast, AllGather, Barrier }

    /// <summary>
    /// Runs one collective after the ranks agree on it: one small all-reduce (max of each value and of its negation) tells
    /// every rank the range of the ranks' collectives, element counts, types and operation or root. Where they differ every
    /// rank throws the same error, instead of MPI reading past a buffer or the job waiting forever.
    /// </summary>
    static unsafe void Collective(string fn, Call call, Tensor? t, int detail, Action run)
    {
        long count = t?.NElement() ?? 0, type = t is null ? -1 : (long)t.ScalarType;
        long* v = stackalloc long[] { (long)call, -(long)call, count, -count, type, -type, detail, -detail };
        lock (gate)
        {
            OpenMpi.Check(OpenMpi.Allreduce(OpenMpi.InPlace, (IntPtr)v, 8, OpenMpi.Int64, OpenMpi.OpMax, OpenMpi.CommWorld), fn, "MPI_Allreduce (the ranks' agreement)");
            if (v[0] != -v[1])
                throw new MpiException($"{fn}: the ranks called different collectives at once (mpi.{(Call)(-v[1])} and mpi.{(Call)v[0]}): " +
                                       "every rank must make the same collective calls in the same order");
            if (v[2] != -v[3])
                throw new MpiException($"{fn}: the ranks' tensors differ in size: from {-v[3]} to {v[2]} elements (rank {rank + 1} has {count})");
            if (v[4] != -v[5])
                throw new MpiException($"{fn}: the ranks' tensors differ in type: {TypeName(-v[5])} and {TypeName(v[4])} (rank {rank + 1} has {TypeName(type)})");
            if (v[6] != -v[7])
                throw new MpiException(call == Call.AllReduce
                    ? $"{fn}: the ranks ask for different operations: {(ReduceOp)(-v[7])} and {(ReduceOp)v[6]} (rank {rank + 1} asks for {(ReduceOp)detail})"
                    : $"{fn}: the ranks name different roots: {-v[7]} and {v[6]} (rank {rank + 1} names {detail})");
            run();
        }
        GC.KeepAlive(t);
    }

    static string TypeName(long type) => TensorType.Name((ScalarType)type, false);

    /// <summary>Ends the job from this rank (MPI_Abort), after saying on standard error which rank and why.</summary>
    static unsafe void AbortJob(string why)
    {
        Console.Out.Flush();
        Console.Error.WriteLine($"mpi: rank {rank + 1} of {size} (MPI rank {rank}, process {Environment.ProcessId}) {why}");
        Console.Error.Flush();
        OpenMpi.Abort(OpenMpi.CommWorld, 1);
    }
}
