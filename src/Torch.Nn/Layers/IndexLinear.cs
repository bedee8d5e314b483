using Torch.Native;
using System.Numerics;
using ScalarType = TorchSharp.torch.ScalarType;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>
/// Lua's <c>nn.IndexLinear(inputSize, outputSize[, doGradInput=false, keysOffset=0, weight, bias, normalize=false])</c>: a linear
/// layer on sparse features given as keys and values, y = b + Σ_i value_i W[key_i + keysOffset], with the weight stored
/// inputSize x outputSize (transposed compared with nn.Linear: one row per feature). Inputs: <c>{keys, values}</c> (one sample,
/// output of size outputSize), <c>{{keys_1, ..., keys_N}, {values_1, ..., values_N}}</c> or the flat <c>{keys, values, sizes}</c>
/// (keys and values of the N samples concatenated, sizes their counts; output N x outputSize). Keys are 1-based rows when keysOffset
/// is 0 (keysOffset 1 takes 0-based keys). As Lua's, the weight and bias start at zero (<see cref="Reset"/> draws them).
/// <para>With normalize, each weight row starts with 4 more columns: the largest |value| the feature had in training, its inverse,
/// an update scale (1 once the feature was seen in training) and a learned offset; the feature's value enters as
/// value / max + offset, or sign(value) + offset beyond the max (only possible in evaluation, where the max is not updated).</para>
/// <para>Gradients follow Lua's sparse scheme: <see cref="AccGradParameters"/> keeps one gradient row per key occurrence of the last
/// forward (Lua's <c>running</c> buffers) until <see cref="ZeroGradParameters"/>, and <see cref="UpdateParameters"/> applies them to
/// the keyed weight rows only (with sparse weight decay, <see cref="WeightDecay"/>); <see cref="Module.GradWeight"/> then holds those
/// rows, one per key occurrence. <see cref="Module.Parameters"/> therefore returns {Weight, Bias} with {GradWeight, GradBias}, where
/// Lua returns its running table in place of gradWeight: no dense weight gradient exists, so <see cref="Module.GetParameters"/>
/// throws (the flat gradient would have fewer elements than the flat parameters) rather than hand an optimizer a gradient that is
/// not one; train with UpdateParameters or <see cref="Module.BackwardUpdate"/>, as Lua code does. Runs on CPU float and double
/// tensors, with THNN's loops (its order of operations and roundings).</para>
/// <para>Differences from Torch7, deliberate: THNN has a separate branch for one output whose normalize-mode updates add the weight
/// decay with the wrong sign (the weight grows) and, in accUpdateGradParameters only, zero the update scale afterwards (the general
/// branch has that code commented out, pending a decision); here the general branch's formulas serve every output size, so one output
/// behaves as several. Without doGradInput the gradInput is an empty table for every input form (Lua errors for {keys, values}).
/// ClearState also forgets the accumulated gradient rows entirely (Lua's empties them but keeps its counter, so its next update fails).</para>
/// </summary>
/// <remarks>Example: <c>Tensor y = nn.IndexLinear(100000, 2).Forward(new Table(torch.LongTensor(new[] { 3.0, 9000 }), torch.Tensor(new[] { 0.5, 1.0 })));</c></remarks>
public class IndexLinear : Module
{
    /// <summary>The number of features, the weight's rows (Lua's <c>inputSize</c>). Example: <c>il.InputSize</c>.</summary>
    public long InputSize;

    /// <summary>The output size (Lua's <c>outputSize</c>). Example: <c>il.OutputSize</c>.</summary>
    public long OutputSize;

    /// <summary>Whether a gradInput is computed (Lua's <c>doGradInput</c>). Example: <c>il.DoGradInput</c>.</summary>
    public bool DoGradInput;

    /// <summary>The sparse weight decay applied to the updated rows (Lua's <c>weightDecay</c>, 0 by default). Example: <c>il.WeightDecay = 1e-4;</c></summary>
    public double WeightDecay;

    /// <summary>Added to a key to give its 0-based weight row: keysOffset - 1 (Lua's <c>offset</c>). Example: <c>il.Offset</c>.</summary>
    public long Offset;

    /// <summary>The number of normalisation columns at the start of each weight row: 4 with normalize, else 0 (Lua's <c>normalize</c>).
    /// Example: <c>il.Normalize</c>.</summary>
    public int Normalize;

    long[] rows = [];
    long[] sizes = [];
    Tensor? values;
    Tensor? normalizedValues;
    bool isFlat, noBatch;
    List<long[]> runningRows = new(); // null in a module loaded from a file, until its first backward
    List<Tensor> runningGradWeight = new();

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("inputSize", ref InputSize);
        m.Field("outputSize", ref OutputSize);
        m.Field("doGradInput", ref DoGradInput);
        m.Field("weightDecay", ref WeightDecay);
        m.Field("offset", ref Offset);
        m.Field("normalize", ref Normalize);
        m.State(ref rows);
        m.State(ref sizes);
        m.State(ref values);
        m.State(ref normalizedValues);
        m.State(ref isFlat);
        m.State(ref noBatch);
        m.State(ref runningRows);
        m.State(ref runningGradWeight);
    }

    /// <summary>A sparse linear layer over <paramref name="inputSize"/> features; <paramref name="weight"/> and <paramref name="bias"/>,
    /// when given, are used as they are (shared, not copied). Example: <c>new IndexLinear(100000, 10, normalize: true)</c>.</summary>
    public IndexLinear(int inputSize, int outputSize, bool doGradInput = false, long keysOffset = 0, Tensor? weight = null,
        Tensor? bias = null, bool normalize = false)
    {
        Normalize = normalize ? 4 : 0;
        Weight = weight ?? torch.Tensor(inputSize, outputSize + Normalize).Zero();
        Bias = bias ?? torch.Tensor(outputSize).Zero();
        InputSize = Weight.Size(1);
        OutputSize = Weight.Size(2) - Normalize;
        GradWeight = torch.Tensor();
        GradBias = torch.Tensor(OutputSize).Zero();
        DoGradInput = doGradInput;
        Offset = keysOffset - 1;
        // Lua's bookkeeping, which Torch7's code reads (this library keeps its own, as State)
        var running = new Table { ["cumSumSizes"] = new Table(), ["keys"] = new Table(), ["gradWeight"] = new Table(), ["counter"] = 1.0 };
        LuaOnly(("running", running), ("sizesCache", new Table()), ("cumSumSizesCache", new Table()),
            ("gradWeightBuffer", torch.Tensor()), ("valuesBuffer", torch.Tensor()), ("normalizedValues", torch.Tensor()));
    }

    /// <summary>Weight and bias U(±stdv), stdv = 1/sqrt(weight columns) by default, the bias then times 1e-6, and the normalisation
    /// columns zeroed (Lua's reset). Example: <c>il.Reset();</c></summary>
    public override Module Reset(double? stdv = null)
    {
        Internal.Init.Uniform(Internal.Init.Stdv(stdv, Weight.Size(2)), Weight, Bias);
        Bias.Raw.Mul_(1e-6);
        if (Normalize > 0) Weight.Narrow(2, 1, Normalize).Zero();
        return this;
    }

    // ---------------------------------------------------------------- input formats

    /// <summary>Reads the input into the rows, values and sizes of the whole batch (Lua's flattenInputs).</summary>
    void FlattenInput(LuaValue input)
    {
        var t = input.Object as Table;
        var (keys, vals, counts) = t?.Length switch
        {
            3 => Flat(t),
            2 when t[1].Object is Tensor k && t[2].Object is Tensor v => Single(k, v),
            2 when t[1].Object is Table k && t[2].Object is Table v => FromTables(k, v),
            _ => throw new ArgumentException($"{this}: expected {{keys, values}}, {{{{keys_1, ...}}, {{values_1, ...}}}} or {{keys, values, sizes}}, got {Shape(input)}"),
        };
        rows = Rows(keys);
        (values, sizes, isFlat, noBatch) = (vals, counts, t.Length == 3, t[1].Object is Tensor && t.Length == 2);
    }

    static string Shape(LuaValue v) => v.Object is Table t ? "{" + string.Join(", ", t.IPairs().Select(Shape)) + "}" : v.Object is Tensor x ? $"{x.Type()} of size {x.SizeString()}" : v.Describe();

    (double[], Tensor, long[]) Flat(Table t)
    {
        var keys = TensorAt(t, 1, "keys");
        var vals = TensorAt(t, 2, "values");
        var counts = t[3].Object switch
        {
            Tensor s => s.ToArray(),
            double n => new[] { n },
            _ => throw new ArgumentException($"{this}: the sizes of the flat input {{keys, values, sizes}} should be a tensor or a number, got {t[3].Describe()}"),
        };
        CheckPair(keys, vals, "the flat input");
        if (counts.Any(c => c < 0 || c != Math.Floor(c)) || counts.Sum() != keys.NElement())
            throw new ArgumentException($"{this}: the sizes of the flat input ({string.Join(", ", counts)}) should be counts summing to the {keys.NElement()} keys");
        return (keys.ToArray(), Cat(new List<Tensor> { vals }), counts.Select(c => (long)c).ToArray());
    }

    (double[], Tensor, long[]) Single(Tensor keys, Tensor vals)
    {
        CheckPair(keys, vals, "the input");
        return (keys.ToArray(), Cat(new List<Tensor> { vals }), new[] { keys.NElement() });
    }

    (double[], Tensor, long[]) FromTables(Table keyTable, Table valueTable)
    {
        if (keyTable.Length != valueTable.Length || keyTable.Length == 0)
            throw new ArgumentException($"{this}: expected as many key tensors as value tensors (at least one), got {keyTable.Length} and {valueTable.Length}");
        var keys = new List<Tensor>();
        var vals = new List<Tensor>();
        for (int i = 1; i <= keyTable.Length; i++)
        {
            keys.Add(TensorAt(keyTable, i, "keys"));
            vals.Add(TensorAt(valueTable, i, "values"));
            CheckPair(keys[^1], vals[^1], $"sample {i}");
        }
        return (keys.SelectMany(k => k.ToArray()).ToArray(), Cat(vals), keys.Select(k => k.NElement()).ToArray());
    }

    Tensor TensorAt(Table t, int i, string what) => t[i].Object as Tensor
        ?? throw new ArgumentException($"{this}: expected a tensor of {what} at index {i} of the input, got {t[i].Describe()}");

    void CheckPair(Tensor keys, Tensor vals, string where)
    {
        if (keys.Dim() > 1 || vals.Dim() > 1 || keys.NElement() != vals.NElement())
            throw new ArgumentException($"{this}: keys and values of {where} should be 1-D and of the same size, got {keys.SizeString()} and {vals.SizeString()}");
    }

    /// <summary>The values concatenated, contiguous, on the CPU in the weight's type.</summary>
    Tensor Cat(List<Tensor> vals)
    {
        var raws = vals.Select(v => v.Raw.reshape(-1)).ToArray();
        using var cat = TS.cat(raws, 0);
        foreach (var r in raws) r.Dispose();
        return new Tensor(cat.to(Weight.ScalarType, TS.CPU, copy: true));
    }

    /// <summary>The 0-based weight row of each key, checked against the weight's rows.</summary>
    long[] Rows(double[] k)
    {
        var r = new long[k.Length];
        long n = Weight.Size(1);
        for (int i = 0; i < k.Length; i++)
        {
            r[i] = (long)k[i] + Offset;
            if (k[i] != Math.Floor(k[i]) || r[i] < 0 || r[i] >= n)
                throw new IndexOutOfRangeException($"{this}: key {k[i]} out of range (expected an integer in {-Offset}..{n - 1 - Offset}, keysOffset {Offset + 1})");
        }
        return r;
    }

    // ---------------------------------------------------------------- forward and backward

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var p = Dense();
        FlattenInput(input);
        var output = Internal.Buffers.Fit(ref Output, Weight.ScalarType).Resize(sizes.Length, OutputSize);
        if (Normalize > 0) normalizedValues = values!.New(rows.Length);
        Kernel.UpdateOutput(p, Step(), output.Data, normalizedValues?.Data ?? IntPtr.Zero, Train && Normalize > 0);
        if (noBatch) output.Resize(OutputSize);
        return output;
    }

    /// <summary>The gradient with respect to the values of every feature, dense (Lua's): with <see cref="DoGradInput"/>, {keys 1..inputSize,
    /// gradient} in the input's format (for the flat input, N x inputSize tensors of both); otherwise an empty table. Not available with
    /// normalize, as in Lua. Example: <c>Table gi = il.UpdateGradInput(x, g);</c></summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        if (!DoGradInput) return GradInput = new Table();
        if (Normalize > 0) throw new NotSupportedException($"{this}: updateGradInput is not implemented in max-normalize mode (normalize = true)");
        var go = GradOutput(gradOutput);
        var gi = new Tensor(go.Raw.view(sizes.Length, OutputSize).mm(Weight.Raw.t()));
        var indices = torch.LongTensor(InputSize).Range(1, InputSize);
        if (isFlat) return GradInput = new Table(indices.RepeatTensor(sizes.Length, 1), gi);
        if (noBatch) return GradInput = new Table(indices, gi.Select(1, 1));
        var samples = Enumerable.Range(1, sizes.Length).ToList();
        return GradInput = new Table(new Table(samples.Select(_ => indices.Clone())), new Table(samples.Select(i => gi.Select(1, i).Clone())));
    }

    /// <summary>Appends one gradient row per key occurrence of the last forward (scale times the gradOutput row, times the value; in
    /// normalize mode the row is preceded by scale times the gradOutput row, for the offset column) and adds scale times the gradOutput
    /// to GradBias; the input is the one of the last forward, as Lua's. Example: <c>il.AccGradParameters(x, g);</c></summary>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        var go = GradOutput(gradOutput);
        var p = Dense();
        var gradWeight = values!.New(rows.Length, Width);
        Kernel.AccGradParameters(p, Step(), Features().Data, go.Data, gradWeight.Data, GradBias.Data, scale);
        (runningRows ??= new()).Add(rows); // null in a module loaded from a file
        (runningGradWeight ??= new()).Add(gradWeight);
    }

    /// <summary>Updates the keyed weight rows and the bias directly with -lr times the gradient of the last forward, with sparse weight
    /// decay (Lua's accUpdateGradParameters). Example: <c>il.AccUpdateGradParameters(x, g, 0.1);</c></summary>
    public override void AccUpdateGradParameters(LuaValue input, LuaValue gradOutput, double learningRate)
    {
        var go = GradOutput(gradOutput);
        var p = Dense();
        Kernel.AccUpdateGradParameters(p, Step(), Features().Data, go.Data, WeightDecay, learningRate);
    }

    /// <summary>Applies the gradient rows accumulated since <see cref="ZeroGradParameters"/> to their weight rows, and GradBias to the bias
    /// (nothing when none was accumulated, as Lua's); <see cref="Module.GradWeight"/> then holds the rows applied. Example: <c>il.UpdateParameters(0.01);</c></summary>
    public override void UpdateParameters(double learningRate)
    {
        if (runningGradWeight is null || runningGradWeight.Count == 0) return;
        GradWeight = runningGradWeight.Count == 1 ? runningGradWeight[0] : torch.Cat(runningGradWeight, 1);
        long[] keyRows = runningRows.SelectMany(r => r).ToArray();
        var p = Dense();
        CheckRows(keyRows, "the accumulated gradient rows");
        CheckBuffer(GradWeight, keyRows.LongLength * Width, "GradWeight (one row per accumulated key)");
        Kernel.UpdateParameters(p, keyRows, GradWeight.Data, GradBias.Data, WeightDecay, learningRate);
    }

    /// <summary>Zeroes GradBias and drops the accumulated weight gradient rows (Lua's zeroGradParameters). Example: <c>il.ZeroGradParameters();</c></summary>
    public override void ZeroGradParameters()
    {
        GradBias.Zero();
        runningRows?.Clear();
        runningGradWeight?.Clear();
    }

    /// <summary>Also forgets the last input and the accumulated weight gradient rows. Example: <c>il.ClearState();</c></summary>
    public override Module ClearState()
    {
        rows = [];
        sizes = [];
        values = normalizedValues = null;
        runningRows?.Clear();
        runningGradWeight?.Clear();
        return base.ClearState();
    }

    // ---------------------------------------------------------------- checks and kernels

    /// <summary>The values the gradients use: the normalised ones in normalize mode.</summary>
    Tensor Features() => (Normalize > 0 ? normalizedValues : values)!;

    /// <summary>The last forward's batch, checked against the weight and buffers as they are now: fields are public and a
    /// file or the user may have replaced any of them since, and the loops index raw memory by these rows.</summary>
    Batch Step()
    {
        CheckRows(rows, "the keys of the last forward");
        CheckBuffer(values!, rows.Length, "the values of the last forward");
        if (Normalize > 0)
            CheckBuffer(normalizedValues ?? throw new InvalidOperationException($"{this}: normalize was switched on after the last forward; run a forward first"),
                rows.Length, "the normalised values of the last forward");
        return new(rows, sizes, values!.Data);
    }

    /// <summary>Gradient columns per key: the output's, and as many more for the offsets in normalize mode.</summary>
    long Width => OutputSize * (Normalize > 0 ? 2 : 1);

    void CheckRows(long[] keyRows, string what)
    {
        long n = Weight.Size(1);
        foreach (var r in keyRows)
            if (r < 0 || r >= n)
                throw new InvalidOperationException($"{this}: {what} reach weight row {r + 1} but the weight now has {n} rows (was it replaced after the forward?)");
    }

    void CheckBuffer(Tensor t, long elements, string what)
    {
        if (t.NElement() != elements || !t.IsContiguous() || t.ScalarType != Weight.ScalarType || t.IsCuda)
            throw new InvalidOperationException($"{this}: expected {what} as {elements} contiguous CPU elements of the weight's type ({Weight.Type()}), got a {t.Type()} of size {t.SizeString()}");
    }

    /// <summary>The gradOutput of the last forward's batch, contiguous in the weight's type.</summary>
    Tensor GradOutput(LuaValue gradOutput)
    {
        if (values is null) throw new InvalidOperationException($"{this}: backward needs a forward first (the keys and values are those of the last forward)");
        var g = InputTensor(gradOutput, "gradOutput");
        if (g.NElement() != sizes.Length * OutputSize)
            throw new ArgumentException($"{this}: expected a gradOutput of {sizes.Length}x{OutputSize} elements for the last forward, got size {g.SizeString()}");
        return new Tensor(g.Raw.to(Weight.ScalarType, TS.CPU, copy: true).contiguous());
    }

    /// <summary>The weight and bias as the kernels need them: CPU, contiguous, float or double, of matching sizes.</summary>
    Params Dense()
    {
        var (w, b) = (Weight, Bias);
        if (w.Dim() != 2 || b.Dim() != 1 || w.Size(2) - Normalize != OutputSize || b.Size(1) != OutputSize || Normalize is not (0 or 4))
            throw new ArgumentException($"{this}: expected an inputSize x (outputSize + normalize) weight and an outputSize bias (outputSize {OutputSize}, normalize {Normalize}), got {w.SizeString()} and {b.SizeString()}");
        if (w.IsCuda || w.ScalarType is not (ScalarType.Float32 or ScalarType.Float64))
            throw new NotSupportedException($"{this}: runs on CPU float and double tensors only, got a {w.Type()} weight");
        foreach (var t in new[] { w, b, GradBias })
            if (!t.IsContiguous() || t.ScalarType != w.ScalarType || t.IsCuda)
                throw new ArgumentException($"{this}: weight, bias and gradBias should be contiguous CPU tensors of one type, got {w.Type()}, {b.Type()} and {GradBias.Type()}");
        if (GradBias.NElement() != OutputSize)
            throw new ArgumentException($"{this}: expected a gradBias of {OutputSize} elements (outputSize), got size {GradBias.SizeString()}");
        return new Params(w.Data, w.Size(2), Normalize, b.Size(1), b.Data);
    }

    /// <summary>The kernels of the weight's type (checked by <see cref="Dense"/>).</summary>
    IKernels Kernel => Weight.ScalarType == ScalarType.Float64 ? Kernels<double>.Instance : Kernels<float>.Instance;

    /// <summary>The weight (rows of RowLength elements, the first Norm of them normalisation columns) and bias, as CPU pointers.</summary>
    readonly record struct Params(IntPtr Weight, long RowLength, int Norm, long OutDim, IntPtr Bias);

    /// <summary>A flattened input: the weight row of every key, samples concatenated; the samples' key counts; the values.</summary>
    readonly record struct Batch(long[] Rows, long[] Sizes, IntPtr Values);

    interface IKernels
    {
        void UpdateOutput(Params p, Batch b, IntPtr output, IntPtr normalized, bool train);
        void AccGradParameters(Params p, Batch b, IntPtr features, IntPtr gradOutput, IntPtr gradWeight, IntPtr gradBias, double scale);
        void AccUpdateGradParameters(Params p, Batch b, IntPtr features, IntPtr gradOutput, double weightDecay, double scale);
        void UpdateParameters(Params p, long[] rows, IntPtr gradWeight, IntPtr gradBias, double weightDecay, double learningRate);
    }

    /// <summary>THNN's IndexLinear loops (generic/IndexLinear.c), in its order of operations so that results round as Torch7's.
    /// The general (several outputs) branch serves every output size: see the class remarks.</summary>
    sealed unsafe class Kernels<T> : IKernels where T : unmanaged, IFloatingPointIeee754<T>
    {
        internal static readonly Kernels<T> Instance = new();

        public void UpdateOutput(Params p, Batch b, IntPtr output, IntPtr normalized, bool train)
        {
            T* w = (T*)p.Weight, bias = (T*)p.Bias, y = (T*)output, v = (T*)b.Values, nv = (T*)normalized;
            long off = 0;
            for (long j = 0; j < b.Sizes.Length; j++)
            {
                T* yj = y + j * p.OutDim;
                for (long k = 0; k < p.OutDim; k++) yj[k] = bias[k];
                for (long i = 0; i < b.Sizes[j]; i++, off++)
                {
                    T* row = w + b.Rows[off] * p.RowLength;
                    T val = v[off];
                    if (p.Norm > 0)
                    {
                        val = nv[off] = Normalized(row, val, train);
                        row += p.Norm;
                    }
                    for (long k = 0; k < p.OutDim; k++) yj[k] += row[k] * val;
                }
            }
        }

        /// <summary>Max-normalisation: in training the feature's max |value| (column 0), its inverse (1) and update scale (2) are
        /// updated first; the value becomes value / max + offset (column 3), or sign(value) + offset beyond the max.</summary>
        static T Normalized(T* row, T val, bool train)
        {
            T abs = T.Abs(val);
            if (train)
            {
                if (abs > row[0])
                {
                    row[0] = abs;
                    row[1] = T.One / abs;
                }
                row[2] = T.One;
            }
            T sign = val < T.Zero ? -T.One : val > T.Zero ? T.One : T.Zero;
            return (abs > row[0] ? sign : val * row[1]) + row[3];
        }

        public void AccGradParameters(Params p, Batch b, IntPtr features, IntPtr gradOutput, IntPtr gradWeight, IntPtr gradBias, double scale)
        {
            T* v = (T*)features, g = (T*)gradOutput, gw = (T*)gradWeight, gb = (T*)gradBias;
            T sc = T.CreateChecked(scale);
            long width = p.Norm > 0 ? 2 * p.OutDim : p.OutDim, off = 0;
            for (long j = 0; j < b.Sizes.Length; j++)
            {
                T* go = g + j * p.OutDim;
                for (long k = 0; k < p.OutDim; k++) gb[k] += sc * go[k];
                for (long i = 0; i < b.Sizes[j]; i++, off++)
                {
                    T val = v[off] * sc;
                    T* row = gw + off * width;
                    if (p.Norm > 0)
                    {
                        for (long k = 0; k < p.OutDim; k++) row[k] = go[k] * sc;
                        row += p.OutDim;
                    }
                    for (long k = 0; k < p.OutDim; k++) row[k] = val * go[k];
                }
            }
        }

        public void AccUpdateGradParameters(Params p, Batch b, IntPtr features, IntPtr gradOutput, double weightDecay, double scale)
        {
            T* w = (T*)p.Weight, bias = (T*)p.Bias, v = (T*)features, g = (T*)gradOutput;
            T sc = T.CreateChecked(scale);
            long off = 0;
            for (long j = 0; j < b.Sizes.Length; j++)
            {
                T* go = g + j * p.OutDim;
                for (long k = 0; k < p.OutDim; k++) bias[k] += -sc * go[k];
                for (long i = 0; i < b.Sizes[j]; i++, off++)
                {
                    T* row = w + b.Rows[off] * p.RowLength;
                    T val = v[off] * sc, wd = T.CreateChecked(weightDecay);
                    if (p.Norm > 0)
                    {
                        T s = row[2];
                        val *= s;
                        wd *= s;
                        for (long k = 0; k < p.OutDim; k++) row[3] -= row[4 + k] * sc * go[k] * s;
                        row += p.Norm;
                    }
                    Descend(row, go, val, wd, p.OutDim);
                }
            }
        }

        public void UpdateParameters(Params p, long[] rows, IntPtr gradWeight, IntPtr gradBias, double weightDecay, double learningRate)
        {
            T* w = (T*)p.Weight, bias = (T*)p.Bias, gw = (T*)gradWeight, gb = (T*)gradBias;
            T lr = T.CreateChecked(learningRate);
            for (long k = 0; k < p.OutDim; k++) bias[k] += -lr * gb[k];
            long width = p.Norm > 0 ? 2 * p.OutDim : p.OutDim;
            for (long j = 0; j < rows.Length; j++)
            {
                T* row = w + rows[j] * p.RowLength, g = gw + j * width;
                T rate = lr, wd = T.CreateChecked(weightDecay);
                if (p.Norm > 0)
                {
                    T s = row[2];
                    rate *= s;
                    wd *= s;
                    for (long k = 0; k < p.OutDim; k++) row[3] -= g[k] * row[4 + k] * rate;
                    row += p.Norm;
                    g += p.OutDim;
                }
                Descend(row, g, rate, wd, p.OutDim);
            }
        }

        /// <summary>Sparse weight decay then the step: w -= w wd; w -= g rate (THNN's two roundings).</summary>
        static void Descend(T* w, T* g, T rate, T wd, long n)
        {
            if (wd != T.Zero)
                for (long k = 0; k < n; k++) w[k] -= w[k] * wd;
            for (long k = 0; k < n; k++) w[k] -= g[k] * rate;
        }
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.IndexLinear"/> (Lua's <c>nn.IndexLinear</c>). Example: <c>var m = nn.IndexLinear(inputSize, outputSize);</c></summary>
    public static IndexLinear IndexLinear(int inputSize, int outputSize, bool doGradInput = false, long keysOffset = 0, Tensor? weight = null,
        Tensor? bias = null, bool normalize = false) => new(inputSize, outputSize, doGradInput, keysOffset, weight, bias, normalize);
}
