using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.PReLU([nOutputPlane=0])</c>: y = x where x &gt; 0, a x elsewhere, with a learnt slope a per plane (or one shared
/// slope when nOutputPlane is 0), initialised to 0.25. Planes are dimension 1 of a 1-D/3-D input, 2 of a 2-D/4-D one.</summary>
/// <remarks>Example: <c>Tensor y = nn.PReLU(16).Forward(torch.Tensor(4, 16, 8, 8).Uniform(-1, 1));</c></remarks>
public class PReLU : Module
{
    /// <summary>The number of planes, 0 for one shared slope (Lua's <c>nOutputPlane</c>). Example: <c>p.NOutputPlane</c>.</summary>
    public int NOutputPlane;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("nOutputPlane", ref NOutputPlane);
    }

    /// <summary>A parametric rectifier. Example: <c>new PReLU()</c>.</summary>
    public PReLU(int nOutputPlane = 0)
    {
        NOutputPlane = nOutputPlane;
        Weight = torch.Tensor(Math.Max(nOutputPlane, 1)).Fill(0.25);
        GradWeight = torch.Tensor(Math.Max(nOutputPlane, 1)).Zero();
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        TS.Tensor slope;
        if (NOutputPlane == 0) slope = Weight.Raw.alias();
        else
        {
            int plane = x.Dim() is 1 or 3 ? 0 : 1;
            if (x.Dim() < 1 || x.Dim() > 4 || x.Size(plane + 1) != NOutputPlane)
                throw new ArgumentException($"{this}: expected {NOutputPlane} planes in dimension {plane + 1}, got an input of size {x.SizeString()}");
            var shape = Enumerable.Repeat(1L, x.Dim()).ToArray();
            shape[plane] = NOutputPlane;
            slope = Weight.Raw.view(shape);
        }
        using (slope) return Emit(TS.where(x.Raw.Gt(0.0), x.Raw, x.Raw * slope));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.PReLU"/> (Lua's <c>nn.PReLU</c>). Example: <c>var m = nn.PReLU();</c></summary>
    public static PReLU PReLU(int nOutputPlane = 0) => new(nOutputPlane);
}
