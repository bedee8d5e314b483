using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.VolumetricAveragePooling(kT, kW, kH[, dT=kT, dW=kW, dH=kH])</c>: the mean over each kT x kH x kW window of a
/// C x T x H x W volume (or a batch).</summary>
/// <remarks>Example: <c>Tensor y = nn.VolumetricAveragePooling(2, 2, 2).Forward(torch.Tensor(3, 4, 4, 4).Uniform());  // 3x2x2x2</c></remarks>
public class VolumetricAveragePooling : Window3D
{
    /// <summary>A volumetric average-pooling layer. Example: <c>new VolumetricAveragePooling(2, 2, 2)</c>.</summary>
    public VolumetricAveragePooling(int kT, int kW, int kH, int? dT = null, int? dW = null, int? dH = null)
        : base(kT, kW, kH, dT ?? kT, dW ?? kW, dH ?? kH) { }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        CheckDims(x, 4, 5);
        return Emit(Internal.Batched.Run(x, 4, b => TS.nn.functional.avg_pool3d(b, new long[] { KT, KH, KW }, new long[] { DT, DH, DW })));
    }

    /// <summary>Torch7's text, e.g. "nn.VolumetricAveragePooling(2x2x2, 2,2,2)". Example: <c>p.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({KT}x{KW}x{KH}, {DT},{DW},{DH})";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.VolumetricAveragePooling"/> (Lua's <c>nn.VolumetricAveragePooling</c>). Example: <c>var m = nn.VolumetricAveragePooling(kT, kW, kH);</c></summary>
    public static VolumetricAveragePooling VolumetricAveragePooling(int kT, int kW, int kH, int? dT = null, int? dW = null, int? dH = null) => new(kT, kW, kH, dT, dW, dH);
}
