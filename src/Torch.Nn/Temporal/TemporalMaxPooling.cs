using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.TemporalMaxPooling(kW[, dW=kW])</c>: the maximum of each feature over windows of kW frames of a T x F sequence
/// (or B x T x F).</summary>
/// <remarks>Example: <c>Tensor y = nn.TemporalMaxPooling(2).Forward(torch.Tensor(10, 5).Uniform());  // 5x5</c></remarks>
public class TemporalMaxPooling : Module
{
    /// <summary>Window in frames (Lua's <c>kW</c>). Example: <c>p.KW</c>.</summary>
    public int KW;
    /// <summary>Step in frames (Lua's <c>dW</c>). Example: <c>p.DW</c>.</summary>
    public int DW;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("kW", ref KW);
        m.Field("dW", ref DW);
    }

    /// <summary>A temporal max-pooling layer. Example: <c>new TemporalMaxPooling(3, 1)</c>.</summary>
    public TemporalMaxPooling(int kW, int? dW = null) => (KW, DW) = (kW, dW ?? kW);

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 2, 3);
        if (x.Size(x.Dim() - 1) < KW) throw new ArgumentException($"{this}: expected at least {KW} frames, got an input of size {x.SizeString()}");
        return Emit(Internal.Batched.Run(x, 2, b =>
        {
            using var bt = b.transpose(1, 2);
            using var y = TS.nn.functional.max_pool1d(bt, KW, DW);
            return y.transpose(1, 2);
        }));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.TemporalMaxPooling"/> (Lua's <c>nn.TemporalMaxPooling</c>). Example: <c>var m = nn.TemporalMaxPooling(kW);</c></summary>
    public static TemporalMaxPooling TemporalMaxPooling(int kW, int? dW = null) => new(kW, dW);
}
