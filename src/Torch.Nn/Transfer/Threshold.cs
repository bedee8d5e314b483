using Torch.Native;
using Torch.Nn.Internal;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Threshold([th=1e-6, v=0, inplace])</c>: y = x if x &gt; th, else v. Explicit gradient.</summary>
/// <remarks>Example: <c>Tensor y = nn.Threshold(0.1, 0).Forward(x);</c></remarks>
public class Threshold : Module
{
    /// <summary>The threshold (Lua's <c>threshold</c>). Example: <c>m.Th</c>.</summary>
    public double Th;

    /// <summary>The value below the threshold (Lua's <c>val</c>). Example: <c>m.Val</c>.</summary>
    public double Val;

    /// <summary>Lua's <c>inplace</c> flag: the output is written into the input. Example: <c>m.Inplace</c>.</summary>
    public bool Inplace;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("threshold", ref Th);
        m.Field("val", ref Val);
        m.Field("inplace", ref Inplace);
    }

    /// <summary>A threshold module. Example: <c>new Threshold(0, 0)</c>.</summary>
    public Threshold(double th = 1e-6, double v = 0, bool inplace = false)
    {
        (Th, Val, Inplace) = (th, v, inplace);
        if (inplace && v > th)
            throw new ArgumentException($"{TypeName}: in-place processing requires value ({v}) not exceed threshold ({th})");
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        using var th = ScalarLease.Of(Th, x.ScalarType);
        using var v = ScalarLease.Of(Val, x.ScalarType);
        if (Inplace)
        {
            x.Raw.threshold_(th.Value, v.Value);
            Output = x;
            return Output;
        }
        var o = Buffers.Fit(ref Output, x.ScalarType);
        o.ResizeAs(x);
        if (Dense(x, o)) Loops.Threshold(x, o, Th, Val);
        else
        {
            o.Raw.copy_(x.Raw);
            o.Raw.threshold_(th.Value, v.Value);
        }
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        var go = InputTensor(gradOutput, "gradOutput");
        if (!Inplace)
        {
            var gi = Buffers.Fit(ref GradInput, x.ScalarType);
            gi.ResizeAs(x);
            if (Dense(x, gi) && Dense(go, gi))
            {
                Loops.Pass(x, go, gi, Th);
                return GradInput;
            }
            gi.Raw.copy_(go.Raw.view_as(x.Raw));
            MaskBelow(x, gi);
            return GradInput;
        }
        var output = (Tensor)Output;
        if (Dense(output, go)) Loops.ZeroAtMost(output, go, Th);
        else MaskBelow(output, go);
        GradInput = go;
        return GradInput;
    }

    /// <summary>Zeroes g where <paramref name="reference"/> is at or below the threshold.</summary>
    void MaskBelow(Tensor reference, Tensor g)
    {
        using var th = ScalarLease.Of(Th, reference.ScalarType);
        using var zero = ScalarLease.Of(0, reference.ScalarType);
        using var below = reference.Raw.le(th.Value);
        g.Raw.masked_fill_(below, zero.Value);
    }

    /// <summary>Whether both tensors can take the managed loops: dense CPU floats of one type and size, outside autograd.</summary>
    static bool Dense(Tensor a, Tensor b) => a.SmallLike(b, anySize: true);

    /// <summary>Torch7's text, e.g. "nn.Threshold". Example: <c>m.ToString()</c>.</summary>
    public override string ToString() => TypeName;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Threshold"/> (Lua's <c>nn.Threshold</c>). Example: <c>var m = nn.Threshold();</c></summary>
    public static Threshold Threshold(double th = 1e-6, double v = 0, bool inplace = false) => new(th, v, inplace);
}
