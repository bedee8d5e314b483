using Torch.Native;
using Torch.Nn.Internal;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Linear(inputSize, outputSize[, bias=true])</c>: y = W x + b, for a vector or a batch (rows).
/// Explicit gradients, as Lua's, computed into reused buffers.</summary>
/// <remarks>Example: <c>var lin = nn.Linear(10, 5); Tensor y = lin.Forward(torch.Tensor(10).Uniform());</c></remarks>
public class Linear : Module
{
    TT? weightT, weightTOf, ones;
    // gradOutput' for the weight gradient's product: a scratch needed only during that call, so one per thread serves every
    // Linear (char-rnn's 50 clones of 5 layers would otherwise hold 40 MiB more than Lua's clones do)
    [ThreadStatic] static TT? gradOutputT;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Cache(ref weightT);
        m.Cache(ref weightTOf);
        m.Cache(ref ones);
    }

    /// <summary>A layer from <paramref name="inputSize"/> to <paramref name="outputSize"/> features, initialised like Torch7.
    /// Example: <c>new Linear(10, 5, bias: false)</c>.</summary>
    public Linear(int inputSize, int outputSize, bool bias = true)
    {
        if (inputSize < 1 || outputSize < 1)
            throw new ArgumentOutOfRangeException(nameof(inputSize), $"nn.Linear: sizes must be positive, got {inputSize} -> {outputSize}");
        Weight = torch.Tensor(outputSize, inputSize);
        GradWeight = torch.Tensor(outputSize, inputSize).Zero();
        if (bias)
        {
            Bias = torch.Tensor(outputSize);
            GradBias = torch.Tensor(outputSize).Zero();
        }
        Reset();
    }

    /// <summary>Removes the bias (Lua's <c>noBias()</c>). Example: <c>var lin = nn.Linear(10, 5).NoBias();</c></summary>
    public override Linear NoBias() => DropBias(this);

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, Weight.Size(2)), Weight, Bias);
        return this;
    }

    TT WeightT()
    {
        if (!ReferenceEquals(weightTOf, Weight.Handle))
        {
            weightT?.Dispose();
            weightT = Weight.Handle.t();
            weightTOf = Weight.Handle;
        }
        return weightT!;
    }

    Tensor CheckInput(LuaValue input)
    {
        var x = InputTensor(input);
        long n = Weight.Size(2);
        if ((x.Dim() != 1 && x.Dim() != 2) || x.Size(x.Dim()) != n)
            throw new ArgumentException($"{this}: expected an input of size {n} or Bx{n}, got {x.SizeString()}");
        if (x.ScalarType != Weight.ScalarType)
            throw new ArgumentException($"{this}: expected a {Weight.Type()} input, got a {x.Type()}");
        return x;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = CheckInput(input);
        var o = Buffers.Fit(ref Output, Weight.ScalarType);
        long nOut = Weight.Size(1);
        if (x.Dim() == 1)
        {
            o.Resize(nOut);
            if (Bias is not null) o.Handle.copy_(Bias.Handle); else o.Zero();
            if (!Blas.TryGemv(o.Handle, Weight.Handle, x.Handle, 1, 1)) o.Handle.addmv_(Weight.Handle, x.Handle, 1, 1);
        }
        else
        {
            o.Resize(x.Size(1), nOut);
            Gemm(o.Handle, x.Handle, WeightT(), 0, 1);
            if (Bias is not null) o.Handle.add_(Bias.Handle, ScalarLease.One);
        }
        return Output;
    }

    /// <summary>The gradOutput with the output's shape (B x nOut or nOut), or an error naming this module.</summary>
    Tensor GradOutput(Tensor x, LuaValue gradOutput)
    {
        var go = InputTensor(gradOutput, "gradOutput");
        long nOut = Weight.Size(1), n = x.Dim() == 1 ? nOut : x.Size(1) * nOut;
        if (go.NElement() != n)
            throw new ArgumentException($"{this}: gradOutput of size {go.SizeString()} does not match the output for an input of size {x.SizeString()}");
        if (go.Dim() == x.Dim()) return go;
        return x.Dim() == 1 ? go.Contiguous().View(nOut) : go.Contiguous().View(x.Size(1), nOut);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = CheckInput(input);
        var go = GradOutput(x, gradOutput);
        if (GradInput.IsNil) return GradInput; // Lua's idiom: gradInput = nil skips it (a first layer)
        var gi = Buffers.Fit(ref GradInput, Weight.ScalarType);
        gi.ResizeAs(x);
        if (x.Dim() == 1)
        {
            if (!Blas.TryGemv(gi.Handle, WeightT(), go.Handle, 0, 1)) gi.Handle.addmv_(WeightT(), go.Handle, 0, 1);
        }
        else Gemm(gi.Handle, go.Handle, Weight.Handle, 0, 1);
        return GradInput;
    }

    /// <inheritdoc/>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        var x = CheckInput(input);
        var go = GradOutput(x, gradOutput);
        float alpha = (float)scale;
        bool exact = alpha == scale;
        if (x.Dim() == 1)
        {
            if (exact) GradWeight.Handle.addr_(go.Handle, x.Handle, 1, alpha);
            else using (var outer = go.Handle.outer(x.Handle)) Tensor.AddScaled(GradWeight.Handle, scale, outer, inPlace: true);
            if (Bias is not null) Tensor.AddScaled(GradBias.Handle, scale, go.Handle, inPlace: true);
        }
        else
        {
            using var goT = go.Handle.t();
            // Torch7's BLAS takes the transposed view as it is, and a double scale exactly
            if (!Blas.TryGemm(GradWeight.Handle, goT, x.Handle, 1, scale))
            {
                using var goTc = GradOutputT(go);
                if (exact) GradWeight.Handle.addmm_(goTc, x.Handle, 1, alpha);
                else using (var prod = goTc.mm(x.Handle)) Tensor.AddScaled(GradWeight.Handle, scale, prod, inPlace: true);
            }
            // as Lua's: gradOutput' times a vector of ones (one BLAS call, no temporary)
            if (Bias is null || Blas.TryGemv(GradBias.Handle, goT, Ones(go), 1, scale)) return;
            if (exact) GradBias.Handle.addmv_(goT, Ones(go), 1, alpha);
            else using (var sum = go.Handle.sum(new long[] { 0 })) Tensor.AddScaled(GradBias.Handle, scale, sum, inPlace: true);
        }
    }

    /// <summary>c = beta c + alpha a b through Torch7's BLAS where it takes the layouts, else libtorch's addmm_.</summary>
    static void Gemm(TT c, TT a, TT b, double beta, double alpha)
    {
        if (!Blas.TryGemm(c, a, b, beta, alpha)) c.addmm_(a, b, (float)beta, (float)alpha);
    }

    /// <summary>gradOutput' copied into this thread's contiguous scratch, for libtorch's route (no OpenBLAS): libtorch's product g' x
    /// into the weight's (out x in) layout runs about 1.2-1.3x faster from a contiguous g' than from a transposed view (benchmarks' "gemm": 50x512 gradOutputs, double,
    /// one thread), more than the copy costs.</summary>
    static TT GradOutputT(Tensor go)
    {
        var raw = go.Handle;
        long rows = raw.size(1), cols = raw.size(0);
        // the scratch keeps the largest size met, so layers of different widths take turns without reallocating
        if (gradOutputT is null || gradOutputT.dtype != raw.dtype || gradOutputT.device_type != raw.device_type || gradOutputT.numel() < rows * cols)
        {
            gradOutputT?.Dispose();
            gradOutputT = TorchSharp.torch.empty(rows * cols, raw.dtype, raw.device);
        }
        var scratch = gradOutputT.as_strided(new[] { rows, cols }, new[] { cols, 1L });
        using var view = raw.t();
        return scratch.copy_(view);
    }

    /// <summary>A vector of ones as long as the batch (Lua's <c>addBuffer</c>), kept while the batch size and type stay.</summary>
    TT Ones(Tensor go)
    {
        long n = go.Size(1);
        if (ones is null || ones.size(0) != n || ones.dtype != go.ScalarType || ones.device_type != go.Handle.device_type)
        {
            ones?.Dispose();
            ones = TorchSharp.torch.ones(n, go.ScalarType, go.Handle.device);
        }
        return ones;
    }

    /// <summary>Torch7's text, e.g. "nn.Linear(10 -> 5)" or "nn.Linear(10 -> 5) without bias". Example: <c>lin.ToString()</c>.</summary>
    public override string ToString() =>
        $"{TypeName}({NilFields.Size(Weight, 2)} -> {NilFields.Size(Weight, 1)}){(Bias is null ? " without bias" : "")}";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Linear"/> (Lua's <c>nn.Linear</c>). Example: <c>var m = nn.Linear(inputSize, outputSize);</c></summary>
    public static Linear Linear(int inputSize, int outputSize, bool bias = true) => new(inputSize, outputSize, bias);
}
