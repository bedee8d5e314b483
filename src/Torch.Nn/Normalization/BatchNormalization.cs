using Torch.Nn.Internal;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.BatchNormalization(N[, eps=1e-5, momentum=0.1, affine=true])</c> on a B x N mini-batch: in training, normalises with
/// the batch mean and (biased) variance and updates <see cref="RunningMean"/> / <see cref="RunningVar"/> (unbiased) with
/// <see cref="Momentum"/>; in evaluation, normalises with the running statistics. Weight starts U(0, 1), bias 0. Explicit gradients, as
/// Lua's: libtorch's batch-norm backward from the batch statistics the training forward saved (Lua's <c>save_mean</c>, <c>save_std</c>).</summary>
/// <remarks>Example: <c>var bn = nn.BatchNormalization(10); Tensor y = bn.Forward(torch.Tensor(8, 10).Uniform());</c></remarks>
public class BatchNormalization : Module
{
    /// <summary>The running mean (Lua's <c>running_mean</c>). Example: <c>bn.RunningMean</c>.</summary>
    public Tensor RunningMean;
    /// <summary>The running variance (Lua's <c>running_var</c>). Example: <c>bn.RunningVar</c>.</summary>
    public Tensor RunningVar;
    /// <summary>Added to the variance (Lua's <c>eps</c>). Example: <c>bn.Eps</c>.</summary>
    public double Eps;
    /// <summary>Weight of the new batch in the running statistics (Lua's <c>momentum</c>). Example: <c>bn.Momentum</c>.</summary>
    public double Momentum;
    /// <summary>Whether there are a weight and a bias (Lua's <c>affine</c>). Example: <c>bn.Affine</c>.</summary>
    public bool Affine;

    // the batch mean and inverse standard deviation of the last training forward (Lua's save_mean and save_std)
    TT? saveMean, saveInvstd;

    // libtorch's batch-norm kernels, which TorchSharp does not bind: the forward that returns the batch statistics, and the backward
    // asked for gradInput alone or for the parameter gradients alone (as Lua's updateGradInput and accGradParameters split it).
    // The script is constant: it compiles once (a TorchScript compile error would abort the process, so nothing here varies).
    static readonly Lazy<TS.jit.CompilationUnit> Kernels = new(() => TS.jit.compile(@"
def forward(x, w: Optional[Tensor], b: Optional[Tensor], rm: Optional[Tensor], rv: Optional[Tensor], train: bool, momentum: float, eps: float):
    return torch.native_batch_norm(x, w, b, rm, rv, train, momentum, eps)

def grad_input(go, x, w: Optional[Tensor], rm: Optional[Tensor], rv: Optional[Tensor], sm: Optional[Tensor], si: Optional[Tensor], train: bool, eps: float):
    return torch.native_batch_norm_backward(go, x, w, rm, rv, sm, si, train, eps, [True, False, False])[0]

def grad_params(go, x, w: Optional[Tensor], rm: Optional[Tensor], rv: Optional[Tensor], sm: Optional[Tensor], si: Optional[Tensor], train: bool, eps: float):
    r = torch.native_batch_norm_backward(go, x, w, rm, rv, sm, si, train, eps, [False, True, True])
    return r[1], r[2]

def grad_all(go, x, w: Optional[Tensor], rm: Optional[Tensor], rv: Optional[Tensor], sm: Optional[Tensor], si: Optional[Tensor], train: bool, eps: float):
    return torch.native_batch_norm_backward(go, x, w, rm, rv, sm, si, train, eps, [True, True, True])
"));

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("running_mean", ref RunningMean);
        m.Field("running_var", ref RunningVar);
        m.Field("eps", ref Eps);
        m.Field("momentum", ref Momentum);
        m.Field("affine", ref Affine);
        m.Cache(ref saveMean);
        m.Cache(ref saveInvstd);
    }

    /// <summary>Lua's read: a file of version 1 kept running_std = 1/sqrt(var + eps); it becomes running_var = running_std^-2 - eps.
    /// Example: <c>bn.AfterRead(1)</c>.</summary>
    protected internal override void AfterRead(int version)
    {
        if (version >= 2 || LuaRest?["running_std"].Object is not Tensor std) return;
        RunningVar = std.Pow(-2).Add(-Eps);
        LuaRest["running_std"] = LuaValue.Nil;
    }

    /// <summary>The number of input dimensions a mini-batch has (2 here, 4 for the spatial version). Example: <c>protected override int NDim => 4;</c></summary>
    protected virtual int NDim => 2;

    /// <summary>A batch normalisation layer over <paramref name="nOutput"/> features. Example: <c>new BatchNormalization(10, affine: false)</c>.</summary>
    public BatchNormalization(int nOutput, double eps = 1e-5, double momentum = 0.1, bool affine = true)
    {
        if (nOutput < 1) throw new ArgumentOutOfRangeException(nameof(nOutput), $"{TypeName}: nOutput must be positive, got {nOutput}");
        (Eps, Momentum, Affine) = (eps, momentum, affine);
        RunningMean = torch.Tensor(nOutput).Zero();
        RunningVar = torch.Tensor(nOutput).Fill(1);
        if (affine)
        {
            Weight = torch.Tensor(nOutput);
            Bias = torch.Tensor(nOutput);
            GradWeight = torch.Tensor(nOutput).Zero();
            GradBias = torch.Tensor(nOutput).Zero();
        }
        Reset();
    }

    /// <summary>Weight U(0, 1), bias 0, running mean 0 and variance 1 (Lua's reset). Example: <c>bn.Reset();</c></summary>
    public override Module Reset(double? stdv = null)
    {
        Weight?.Uniform();
        Bias?.Zero();
        RunningMean.Zero();
        RunningVar.Fill(1);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var (x, single) = Checked(input);
        bool frozen = Replaying && Train; // an enclosing module's autograd replay must not update the running statistics again
        using var xb = single ? x.Raw.unsqueeze(0) : x.Raw.alias();
        var (y, mean, invstd) = ScriptCall.Invoke<(TT, TT, TT)>(Kernels.Value, "forward", xb, Weight?.Raw, Bias?.Raw,
            frozen ? null : RunningMean.Raw, frozen ? null : RunningVar.Raw, Train, Momentum, Eps);
        saveMean?.Dispose();
        saveInvstd?.Dispose();
        (saveMean, saveInvstd) = Train ? (mean, invstd) : (null, null);
        if (!Train)
        {
            mean.Dispose();
            invstd.Dispose();
        }
        return EmitFresh(y); // a fresh result: its storage becomes the output's, no copy
    }

    /// <summary>Explicit gradient, as Lua's (libtorch's batch-norm backward: in training from the statistics of the last forward,
    /// in evaluation from the running ones). Example: <c>Tensor gi = bn.UpdateGradInput(x, gradOutput);</c></summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        if (GradInput.IsNil) return GradInput;
        var (x, go, xb) = BackwardArgs(input, gradOutput);
        using (go)
        using (xb)
            StoreGradInput(x, Backward<TT>("grad_input", go, xb));
        return GradInput;
    }

    /// <summary>Explicit gradients, as Lua's: gradWeight += scale * sum(gradOutput * normalised input), gradBias += scale * sum(gradOutput)
    /// over the batch (and positions). Example: <c>bn.AccGradParameters(x, gradOutput, 1);</c></summary>
    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        if (GradWeight is null || GradBias is null) return;
        var (_, go, xb) = BackwardArgs(input, gradOutput);
        using (go)
        using (xb)
            AddParameterGradients(Backward<(TT, TT)>("grad_params", go, xb), scale);
    }

    /// <summary>Lua's BatchNormalization:backward: gradInput and the parameter gradients from one backward pass of libtorch's kernel
    /// (its sums over the batch made once; UpdateGradInput then AccGradParameters would make them twice, in two calls).</summary>
    protected internal override LuaValue BackwardPass(LuaValue input, LuaValue gradOutput, double scale)
    {
        if (GradInput.IsNil || GradWeight is null || GradBias is null) return base.BackwardPass(input, gradOutput, scale);
        var (x, go, xb) = BackwardArgs(input, gradOutput);
        using (go)
        using (xb)
        {
            var (gi, gw, gb) = Backward<(TT, TT, TT)>("grad_all", go, xb);
            StoreGradInput(x, gi);
            AddParameterGradients((gw, gb), scale);
        }
        return GradInput;
    }

    /// <summary>Function <paramref name="fn"/> of the backward kernels for gradOutput <paramref name="go"/> and input <paramref name="xb"/>.</summary>
    T Backward<T>(string fn, TT go, TT xb) =>
        ScriptCall.Invoke<T>(Kernels.Value, fn, go, xb, Weight?.Raw, RunningMean.Raw, RunningVar.Raw, saveMean, saveInvstd, Train, Eps);

    /// <summary>Makes <paramref name="gi"/> (freed here) the gradInput buffer's contents, in the input's shape.</summary>
    void StoreGradInput(Tensor x, TT gi)
    {
        using (gi) Buffers.Fit(ref GradInput, x.ScalarType).Adopt(gi.view(x.Raw.shape));
    }

    /// <summary>Adds <paramref name="scale"/> times the kernel's weight and bias gradients (freed here) to GradWeight and GradBias.</summary>
    void AddParameterGradients((TT Weight, TT Bias) g, double scale)
    {
        using (g.Weight)
        using (g.Bias)
        {
            Tensor.AddScaled(GradWeight!.Raw, scale, g.Weight, inPlace: true);
            Tensor.AddScaled(GradBias!.Raw, scale, g.Bias, inPlace: true);
        }
    }

    /// <summary>The input, checked, and whether it is one sample (evaluation only: Lua takes it, output with a batch of 1).</summary>
    (Tensor X, bool Single) Checked(LuaValue input)
    {
        var x = InputTensor(input);
        bool single = !Train && x.Dim() == NDim - 1;
        if (x.Dim() != NDim && !single)
            throw new ArgumentException($"{this}: only mini-batch supported ({NDim}D tensor), got {x.Dim()}D tensor instead (size {x.SizeString()})");
        long features = x.Size(single ? 1 : 2);
        if (features != RunningMean.NElement())
            throw new ArgumentException($"{this}: got {features}-feature tensor, expected {RunningMean.NElement()}");
        return (x, single);
    }

    /// <summary>The input, gradOutput and input as batches (the caller disposes the last two), checked; in training, the batch
    /// statistics of the last forward, computed now from the input if there are none (a backward before any forward).</summary>
    (Tensor X, TT Go, TT Xb) BackwardArgs(LuaValue input, LuaValue gradOutput)
    {
        var (x, single) = Checked(input);
        var g = InputTensor(gradOutput, "gradOutput");
        var xb = single ? x.Raw.unsqueeze(0) : x.Raw.alias();
        if (g.NElement() != xb.numel() || g.ScalarType != x.ScalarType)
        {
            xb.Dispose();
            throw new ArgumentException($"{this}: expected a gradOutput of {x.NElement()} elements like the input ({x.Type()} of size {x.SizeString()}), got a {g.Type()} of size {g.SizeString()}");
        }
        if (Train && (saveMean is null || saveMean.numel() != RunningMean.NElement() || saveMean.dtype != xb.dtype))
        {
            var (y, mean, invstd) = ScriptCall.Invoke<(TT, TT, TT)>(Kernels.Value, "forward", xb, null, null, null, null, true, Momentum, Eps);
            y.Dispose();
            saveMean?.Dispose();
            saveInvstd?.Dispose();
            (saveMean, saveInvstd) = (mean, invstd);
        }
        return (x, g.Raw.reshape(xb.shape), xb);
    }

    /// <summary>Torch7's text, e.g. "nn.BatchNormalization (2D) (10)". Example: <c>bn.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName} ({NDim}D) ({RunningMean.NElement()})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.BatchNormalization"/> (Lua's <c>nn.BatchNormalization</c>). Example: <c>var m = nn.BatchNormalization(nOutput);</c></summary>
    public static BatchNormalization BatchNormalization(int nOutput, double eps = 1e-5, double momentum = 0.1, bool affine = true) => new(nOutput, eps, momentum, affine);
}
