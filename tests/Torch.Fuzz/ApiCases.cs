using System.Reflection;

namespace Torch.Fuzz;

/// <summary>
/// API cases: a random public method of <see cref="Tensor"/>, <see cref="Storage"/> or <see cref="torch"/>, called with random
/// arguments that are often wrong (edge sizes and indices, NaN and infinities, empty tensors, views, mixed types). The call
/// may succeed or raise a clear error (the right type, naming the function, no libtorch C++ text); a call that fails must
/// leave its tensors as they were.
/// </summary>
sealed class ApiCases : ICases
{
    /// <summary>Methods that touch files or global state, or only wrap others.</summary>
    static readonly HashSet<string> Skipped = new()
    {
        "Dispose", "Equals", "GetHashCode", "GetType", "Save", "Load", "SetDefaultTensorType", "SetNumThreads", "SetNumInteropThreads",
        "ManualSeed", "Seed", "InitialSeed", "GetRNGState", "SetRNGState", "Initialize", "Adopt", "AsSpan", "Swap",
    };

    static readonly Lazy<MethodInfo[]> methods = new(() =>
        typeof(Tensor).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Concat(typeof(Storage).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Concat(typeof(torch).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition && !Skipped.Contains(m.Name)
                && m.GetParameters().All(p => !p.ParameterType.IsByRef && !p.ParameterType.IsPointer && !p.ParameterType.IsByRefLike))
            .OrderBy(m => m.DeclaringType!.Name).ThenBy(m => m.ToString()).ToArray());

    static readonly long[] EdgeLongs = { 0, 1, 2, 3, 5, -1, -2, 1L << 40, 1L << 62, long.MaxValue, long.MinValue };
    static readonly int[] EdgeInts = { 0, 1, 2, 3, 4, -1, -2, -5, 7, int.MaxValue, int.MinValue };
    static readonly double[] EdgeDoubles = { 0, 1, -1, 0.5, 2, 3, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, -1e300, 1e-310, 9007199254740993 };
    static readonly string[] TypeNames = { "torch.DoubleTensor", "torch.FloatTensor", "torch.LongTensor", "torch.IntTensor", "torch.ShortTensor",
        "torch.CharTensor", "torch.ByteTensor", "torch.HalfTensor", "torch.BoolTensor", "torch.CudaTensor", "", "nonsense" };

    public string Run(int seed, bool verbose)
    {
        var rng = new Random(seed);
        var m = methods.Value[rng.Next(methods.Value.Length)];
        var ps = m.GetParameters();
        var args = new object?[ps.Length];
        for (int i = 0; i < ps.Length; i++) args[i] = Arg(ps[i], rng);
        object? target = m.IsStatic ? null : m.DeclaringType == typeof(Storage) ? RandomStorage(rng) : RandomTensor(rng);
        string call = $"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", args.Select(Show))})" + (target is Tensor t0 ? $" on {Show(t0)}" : "");
        if (verbose) Console.WriteLine(call);
        var before = Snapshot(target, args);
        try
        {
            m.Invoke(target, args);
            return $"ok {call}";
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            if (Verdict.Unclear(inner) is { } why) throw new Finding("error", $"{call}: {why}", inner);
            if (verbose) Console.WriteLine($"{inner.GetType().Name}: {inner.Message}");
            var after = Snapshot(target, args);
            for (int i = 0; i < before.Count; i++)
                if (!before[i].SequenceEqual(after[i]))
                    throw new Finding("silent", $"{call} raised '{inner.Message}' but changed a tensor it was given", inner);
            return $"refused {call}";
        }
    }

    object? Arg(ParameterInfo p, Random rng)
    {
        var t = p.ParameterType;
        bool nullable = new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable;
        if (nullable && rng.Next(6) == 0) return null;
        if (p.HasDefaultValue && rng.Next(4) == 0) return p.DefaultValue;
        var u = Nullable.GetUnderlyingType(t) ?? t;
        if (u == typeof(Tensor)) return RandomTensor(rng);
        if (u == typeof(Storage)) return RandomStorage(rng);
        if (u == typeof(long)) return EdgeLongs[rng.Next(EdgeLongs.Length)];
        if (u == typeof(int)) return EdgeInts[rng.Next(EdgeInts.Length)];
        if (u == typeof(double)) return EdgeDoubles[rng.Next(EdgeDoubles.Length)];
        if (u == typeof(float)) return (float)EdgeDoubles[rng.Next(EdgeDoubles.Length)];
        if (u == typeof(bool)) return rng.Next(2) == 0;
        if (u == typeof(string)) return TypeNames[rng.Next(TypeNames.Length)];
        if (u == typeof(long[])) return Enumerable.Range(0, rng.Next(5)).Select(_ => rng.Next(3) == 0 ? EdgeLongs[rng.Next(EdgeLongs.Length)] : rng.Next(1, 4)).ToArray();
        if (u == typeof(int[])) return Enumerable.Range(0, rng.Next(5)).Select(_ => rng.Next(3) == 0 ? EdgeInts[rng.Next(EdgeInts.Length)] : rng.Next(1, 4)).ToArray();
        if (u == typeof(double[])) return Enumerable.Range(0, rng.Next(6)).Select(_ => EdgeDoubles[rng.Next(EdgeDoubles.Length)]).ToArray();
        if (u == typeof(float[])) return Enumerable.Range(0, rng.Next(6)).Select(_ => (float)EdgeDoubles[rng.Next(EdgeDoubles.Length)]).ToArray();
        if (u == typeof(byte[])) return Enumerable.Range(0, rng.Next(40)).Select(_ => (byte)rng.Next(256)).ToArray();
        if (u == typeof(Array)) return rng.Next(3) switch
        {
            0 => new double[,] { { 1, 2 }, { 3, double.NaN } },
            1 => new[] { new[] { 1.0, 2 }, new[] { 3.0 } },
            _ => Enumerable.Range(0, rng.Next(4)).Select(_ => EdgeDoubles[rng.Next(EdgeDoubles.Length)]).ToArray(),
        };
        if (u == typeof(Tensor[]) || u == typeof(IEnumerable<Tensor>)) return Enumerable.Range(0, rng.Next(4)).Select(_ => RandomTensor(rng)).ToArray();
        if (u == typeof(Table)) return new Table(Enumerable.Range(0, rng.Next(3)).Select(_ => RandomTensor(rng)));
        if (u == typeof(LuaValue) || u == typeof(object)) return rng.Next(3) == 0 ? new LuaValue(EdgeDoubles[rng.Next(EdgeDoubles.Length)]) : new LuaValue(RandomTensor(rng));
        if (u == typeof(Func<double, double>)) return (Func<double, double>)(x => x * 2);
        if (u == typeof(Func<double, double, double>)) return (Func<double, double, double>)((x, y) => x + y);
        if (u == typeof(Func<double, double, double, double>)) return (Func<double, double, double, double>)((x, y, z) => x + y * z);
        if (u.IsEnum) { var values = Enum.GetValues(u); return values.GetValue(rng.Next(values.Length)); }
        return p.HasDefaultValue ? p.DefaultValue : null;
    }

    static readonly string[] Types = { "torch.DoubleTensor", "torch.FloatTensor", "torch.LongTensor", "torch.IntTensor", "torch.ByteTensor",
        "torch.CharTensor", "torch.ShortTensor", "torch.HalfTensor" };

    /// <summary>Small tensors of every type and shape, often views (transposed, narrowed, expanded) or empty.</summary>
    static Tensor RandomTensor(Random rng)
    {
        var shapes = new[] { new long[0], new long[] { 1 }, new long[] { 3 }, new long[] { 2, 3 }, new long[] { 3, 3 }, new long[] { 2, 1, 3 }, new long[] { 2, 2, 2, 2 }, new long[] { 4, 4 } };
        var shape = shapes[rng.Next(shapes.Length)];
        var x = torch.DoubleTensor(shape);
        if (x.NElement() > 0) x.Copy(torch.DoubleTensor(Enumerable.Range(0, (int)x.NElement()).Select(_ => rng.Next(5) == 0 ? EdgeDoubles[rng.Next(EdgeDoubles.Length)] : rng.Next(-3, 4)).ToArray()));
        var typed = x.Type(Types[rng.Next(Types.Length)]);
        return rng.Next(6) switch
        {
            0 when typed.Dim() == 2 => typed.T(),
            1 when typed.Dim() >= 1 && typed.Size(1) > 1 => typed.Narrow(1, 2, typed.Size(1) - 1),
            2 when typed.Dim() == 1 && typed.Size(1) == 1 => typed.Expand(4),
            _ => typed,
        };
    }

    static Storage RandomStorage(Random rng) => RandomTensor(rng).Contiguous().Storage();

    /// <summary>Geometry and values of every tensor the call was given (NaN-aware: compared as bits).</summary>
    static List<long[]> Snapshot(object? target, object?[] args)
    {
        var r = new List<long[]>();
        foreach (var o in args.Prepend(target))
        {
            if (o is Tensor t)
                r.Add(t.Size().Concat(t.Stride()).Append(t.NElement() > 0 ? t.StorageOffset() : 0)
                    .Concat(t.NElement() > 0 ? t.ToArray().Select(BitConverter.DoubleToInt64Bits) : []).ToArray());
            else if (o is Storage s) r.Add(s.ToArray().Select(BitConverter.DoubleToInt64Bits).Prepend(s.Size()).ToArray());
        }
        return r;
    }

    static string Show(object? o) => o switch
    {
        null => "null",
        Tensor t => $"{t.Type()}[{string.Join("x", t.Size())}]",
        Storage s => $"{s.Type()}[{s.Size()}]",
        long[] a => "{" + string.Join(",", a) + "}",
        int[] a => "{" + string.Join(",", a) + "}",
        double[] a => "{" + string.Join(",", a) + "}",
        Array a => $"{a.GetType().Name}",
        string s => $"\"{s}\"",
        _ => o.ToString() ?? "",
    };
}
