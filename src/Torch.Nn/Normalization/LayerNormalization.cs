namespace Torch.Nn;

/// <summary>Lua's <c>nn.LayerNormalization(nOutput[, bias=0, eps=1e-10, affine=true])</c>: a <see cref="Sequential"/>, as Lua builds
/// it, of ConcatTable(Identity, Sequential(Mean(1, 1), Replicate(nOutput, 1, 1))), CSubTable, Normalize(2, eps),
/// MulConstant(sqrt(nOutput)) and, when affine, CMul(nOutput) (weights 1) and Add(nOutput) (bias filled with <c>bias</c>):
/// each sample minus its mean, divided by its root mean square (plus eps), then scaled and shifted.</summary>
/// <remarks>Example: <c>Tensor y = nn.LayerNormalization(10).Forward(torch.Tensor(4, 10).Uniform());</c></remarks>
public class LayerNormalization : Sequential
{
    /// <summary>A layer normalisation; <paramref name="bias"/> is the value the bias starts at, as in Lua.
    /// Example: <c>new LayerNormalization(10, affine: false)</c>.</summary>
    public LayerNormalization(int nOutput, double bias = 0, double eps = 1e-10, bool affine = true)
    {
        Add(new ConcatTable()
                .Add(new Identity())
                .Add(new Sequential().Add(new Mean(1, 1)).Add(new Replicate(nOutput, 1, 1))))
            .Add(new CSubTable())
            .Add(new Normalize(2, eps))
            .Add(new MulConstant(Math.Sqrt(nOutput)));
        if (!affine) return;
        var gain = new CMul(nOutput);
        gain.Weight.Fill(1);
        var shift = new Add(nOutput, false);
        shift.Bias.Fill(bias);
        Add(gain).Add(shift);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.LayerNormalization"/> (Lua's <c>nn.LayerNormalization</c>). Example: <c>var m = nn.LayerNormalization(nOutput);</c></summary>
    public static LayerNormalization LayerNormalization(int nOutput, double bias = 0, double eps = 1e-10, bool affine = true) => new(nOutput, bias, eps, affine);
}
