using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialSubSampling(nInputPlane, kW, kH[, dW=1, dH=1])</c>: per plane c, w_c Σ(window) + b_c (a learnt scaled
/// sum pooling). Gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialSubSampling(3, 2, 2, 2, 2).Forward(torch.Tensor(3, 8, 8).Uniform());  // 3x4x4</c></remarks>
public class SpatialSubSampling : Module
{
    /// <summary>Planes (Lua's <c>nInputPlane</c>). Example: <c>s.NInputPlane</c>.</summary>
    public int NInputPlane;
    /// <summary>Window width (Lua's <c>kW</c>). Example: <c>s.KW</c>.</summary>
    public int KW;
    /// <summary>Window height (Lua's <c>kH</c>). Example: <c>s.KH</c>.</summary>
    public int KH;
    /// <summary>Horizontal step (Lua's <c>dW</c>). Example: <c>s.DW</c>.</summary>
    public int DW;
    /// <summary>Vertical step (Lua's <c>dH</c>). Example: <c>s.DH</c>.</summary>
    public int DH;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nInputPlane", ref NInputPlane);
        m.Field("kW", ref KW);
        m.Field("kH", ref KH);
        m.Field("dW", ref DW);
        m.Field("dH", ref DH);
    }

    /// <summary>A subsampling layer. Example: <c>new SpatialSubSampling(3, 2, 2, 2, 2)</c>.</summary>
    public SpatialSubSampling(int nInputPlane, int kW, int kH, int dW = 1, int dH = 1)
    {
        (NInputPlane, KW, KH, DW, DH) = (nInputPlane, kW, kH, dW, dH);
        Weight = torch.Tensor(nInputPlane);
        GradWeight = torch.Tensor(nInputPlane).Zero();
        Bias = torch.Tensor(nInputPlane);
        GradBias = torch.Tensor(nInputPlane).Zero();
        Reset();
    }

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Init.Uniform(Init.Stdv(stdv, KW * KH), Weight, Bias);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 3, 4);
        if (x.Size(x.Dim() - 2) != NInputPlane) throw new ArgumentException($"{this}: expected {NInputPlane} planes, got an input of size {x.SizeString()}");
        using var w = Weight.Raw.view(NInputPlane, 1, 1);
        using var b = Bias.Raw.view(NInputPlane, 1, 1);
        return Emit(Batched.Run(x, 3, t =>
        {
            using var avg = TS.nn.functional.avg_pool2d(t, new long[] { KH, KW }, new long[] { DH, DW });
            using var sum = avg * (double)(KW * KH);
            return sum * w + b;
        }));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialSubSampling"/> (Lua's <c>nn.SpatialSubSampling</c>). Example: <c>var m = nn.SpatialSubSampling(nInputPlane, kW, kH);</c></summary>
    public static SpatialSubSampling SpatialSubSampling(int nInputPlane, int kW, int kH, int dW = 1, int dH = 1) => new(nInputPlane, kW, kH, dW, dH);
}
