using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.BatchNormalization(N[, eps=1e-5, momentum=0.1, affine=true])</c> on a B x N mini-batch: in training, normalises with
/// the batch mean and (biased) variance and updates <see cref="RunningMean"/> / <see cref="RunningVar"/> (unbiased) with
/// <see cref="Momentum"/>; in evaluation, normalises with the running statistics. Weight starts U(0, 1), bias 0.</summary>
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

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("running_mean", ref RunningMean);
        m.Field("running_var", ref RunningVar);
        m.Field("eps", ref Eps);
        m.Field("momentum", ref Momentum);
        m.Field("affine", ref Affine);
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
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        bool single = !Train && x.Dim() == NDim - 1; // Lua: evaluation also takes one sample, output with a batch of 1
        if (x.Dim() != NDim && !single)
            throw new ArgumentException($"{this}: only mini-batch supported ({NDim}D tensor), got {x.Dim()}D tensor instead (size {x.SizeString()})");
        long features = x.Size(single ? 1 : 2);
        if (features != RunningMean.NElement())
            throw new ArgumentException($"{this}: got {features}-feature tensor, expected {RunningMean.NElement()}");
        bool frozen = Replaying && Train;
        using var rm = frozen ? null : RunningMean.Raw.alias();
        using var rv = frozen ? null : RunningVar.Raw.alias();
        using var xb = single ? x.Raw.unsqueeze(0) : x.Raw.alias();
        return Emit(TS.nn.functional.batch_norm(xb, rm, rv, Weight?.Raw, Bias?.Raw, Train, Momentum, Eps));
    }

    /// <summary>Torch7's text, e.g. "nn.BatchNormalization (2D) (10)". Example: <c>bn.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName} ({NDim}D) ({RunningMean.NElement()})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.BatchNormalization"/> (Lua's <c>nn.BatchNormalization</c>). Example: <c>var m = nn.BatchNormalization(nOutput);</c></summary>
    public static BatchNormalization BatchNormalization(int nOutput, double eps = 1e-5, double momentum = 0.1, bool affine = true) => new(nOutput, eps, momentum, affine);
}
