namespace Torch.Optim;

/// <summary>
/// The checks the algorithms share. The arithmetic itself is the tensor API's, written in Lua's order
/// (<c>m.Mul(beta1).Add(1 - beta1, dfdx)</c>, <c>g.Dot(d)</c>), which rounds and adds as Torch7 does.
/// </summary>
internal static class OptimOps
{
    /// <summary>Checks that x is a non-empty floating-point tensor (before any state changes).</summary>
    public static void CheckX(string fn, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x, $"{fn}: x");
        if (x.NElement() == 0)
            throw new ArgumentException($"{fn}: expected a non-empty parameter tensor x, got an empty tensor");
        if (x.Type() is not ("torch.DoubleTensor" or "torch.FloatTensor" or "torch.CudaTensor" or "torch.CudaDoubleTensor"))
            throw new ArgumentException($"{fn}: expected x to be a Float or Double tensor, got a {x.Type()}");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and at least 0.</summary>
    public static void NonNegative(string fn, string name, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, $"{fn}: {name} must be a finite number >= 0, got {value}");
    }

    /// <summary>Throws unless <paramref name="value"/> lies in [lo, hi].</summary>
    public static void InRange(string fn, string name, double value, double lo, double hi)
    {
        if (!(value >= lo && value <= hi))
            throw new ArgumentOutOfRangeException(name, value, $"{fn}: {name} must lie in [{lo}, {hi}], got {value}");
    }

    /// <summary>Checks that an optional per-parameter tensor (learningRates, weightDecays) matches x.</summary>
    public static void SameElements(string fn, string name, Tensor? t, Tensor x)
    {
        if (t is not null && t.NElement() != x.NElement())
            throw new ArgumentException($"{fn}: {name} must have as many elements as x ({x.NElement()}), got {t.NElement()}");
    }

    /// <summary>Checks the state tensors an optimiser keeps between calls (or was given) against x before it uses them: Lua's algorithms
    /// combine each element-wise with x, so each must have as many elements (null: not made yet).
    /// Example: <c>CheckState(fn, x, ("Dfdx", state.Dfdx));</c></summary>
    public static void CheckState(string fn, Tensor x, params (string Name, Tensor? Value)[] state)
    {
        foreach (var (name, t) in state) CheckState(fn, name, t, x.NElement(), x);
    }

    /// <summary>Checks one state tensor: <paramref name="elements"/> elements (a multiple of x's for stacked buffers).</summary>
    public static void CheckState(string fn, string name, Tensor? t, long elements, Tensor x)
    {
        if (t is not null && t.NElement() != elements)
            throw new ArgumentException($"{fn}: state {name} must have {elements} elements for an x of size {x.SizeString()}, got a tensor of size {t.SizeString()} ({t.NElement()} elements)");
    }

    /// <summary>Calls feval and checks what it returned: a gradient with as many elements as x.</summary>
    public static (double F, Tensor G) Eval(string fn, Func<Tensor, (double, Tensor)> feval, Tensor x)
    {
        var (f, g) = feval(x);
        if (g is null)
            throw new ArgumentException($"{fn}: feval returned no gradient (null); expected a tensor of {x.NElement()} elements like x", "feval");
        if (g.NElement() != x.NElement())
            throw new ArgumentException($"{fn}: feval returned a gradient of {g.NElement()} elements ({g.SizeString()}), expected {x.NElement()} like x ({x.SizeString()})", "feval");
        return (f, g);
    }

    /// <summary>A zero-filled tensor of <paramref name="like"/>'s type, of the given size or like's (Lua's <c>x.new(size):zero()</c>).</summary>
    public static Tensor Zeros(Tensor like, long[]? size = null) => like.New(size ?? like.Size()).Zero();

    /// <summary>Lua's weight decay step <c>if wd ~= 0 then dfdx:add(wd, x) end</c>.</summary>
    public static void WeightDecay(Tensor dfdx, double wd, Tensor x)
    {
        if (wd != 0) dfdx.Add(wd, x);
    }
}
