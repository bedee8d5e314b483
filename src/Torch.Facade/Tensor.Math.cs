using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// The patterns every math method follows (Torch7's TensorMath.lua conventions):
//  - x.F(args)     : in place on x (x is also the source), returns x          e.g. x.Exp(), x.Add(y)
//  - x.F(src, ...) : stores F(src, ...) into x (resized to fit), returns x    e.g. x.Exp(src), x.Add(a, b)
//  - torch.F(...)  : a new tensor of the first argument's type                e.g. torch.Exp(a), torch.Add(a, b)
//  - a reduction over a dimension keeps it with size 1; index results are 1-based LongTensors.
public sealed partial class Tensor
{
    /// <summary>Stores a freshly computed libtorch result into this tensor (resized to fit, converted to this type) and frees it.</summary>
    internal Tensor Into(TT result)
    {
        if (NElement() == 0 && result.dtype == ScalarType && result.dim() > 0)
            return Reset(result).Owns(); // an empty receiver views nothing: adopt the result, no copy
        try
        {
            long[] shape = result.dim() == 0 ? new[] { 1L } : result.shape; // Torch7 has no 0-dim tensors
            if (!IsSize(shape)) Resize(shape);
            Raw.copy_(result);
            return this;
        }
        finally { result.Dispose(); }
    }

    /// <summary>A new tensor of this tensor's type holding a libtorch result (converted if libtorch chose another type).</summary>
    internal Tensor Result(TT result)
    {
        if (result.dtype == ScalarType) return torch.Wrap(result);
        using (result) return torch.Wrap(result.to_type(ScalarType));
    }

    internal void CheckSameElements(Tensor other, string fn)
    {
        if (!other.IsSameSizeAs(this) && other.NElement() != NElement())
            throw new ArgumentException($"{fn}: sizes do not match: {SizeString()} ({NElement()} elements) and {other.SizeString()} ({other.NElement()} elements)");
    }

    internal string SizeString() => Dim() == 0 ? "empty" : string.Join("x", Sizes);

    /// <summary>The other operand viewed with this tensor's sizes (Torch7 adds element-wise whenever the counts match).</summary>
    internal TT Like(Tensor other, string fn)
    {
        CheckSameElements(other, fn);
        return other.IsSameSizeAs(this) ? other.Raw : other.Raw.reshape(Sizes);
    }

    // ---------------------------------------------------------------- add

    /// <summary>Adds <paramref name="value"/> to every element, in place. Example: <c>x.Add(1)</c>.</summary>
    public Tensor Add(double value)
    {
        using var s = ScalarLease.Of(value, ScalarType);
        Raw.add_(s.Value);
        return this;
    }

    /// <summary>Adds <paramref name="other"/> element-wise, in place (Lua's <c>x:add(y)</c>). Example: <c>x.Add(y)</c>.</summary>
    public Tensor Add(Tensor other) => Add(1, other);

    /// <summary>Adds <paramref name="value"/> times <paramref name="other"/>, in place (Lua's <c>x:add(v, y)</c>). Example: <c>w.Add(-0.01, dw)</c>.</summary>
    public Tensor Add(double value, Tensor other)
    {
        if (TryAddSmall(value, other)) return this;
        var o = Like(other, "Add");
        using var s = ScalarLease.Of(value, ScalarType);
        Raw.add_(o, s.Value);
        if (!ReferenceEquals(o, other.Raw)) o.Dispose();
        return this;
    }

    /// <summary>Stores <paramref name="a"/> + <paramref name="b"/> into this tensor (Lua's <c>x:add(a, b)</c>). Example: <c>x.Add(a, b)</c>.</summary>
    public Tensor Add(Tensor a, Tensor b) => Add(a, 1, b);

    /// <summary>Stores <paramref name="a"/> + <paramref name="value"/> * <paramref name="b"/> into this tensor. Example: <c>x.Add(a, 2, b)</c>.</summary>
    public Tensor Add(Tensor a, double value, Tensor b) => Into(AddRaw(a, value, b));

    /// <summary>Stores <paramref name="a"/> + <paramref name="value"/> into this tensor. Example: <c>x.Add(a, 1.5)</c>.</summary>
    public Tensor Add(Tensor a, double value) => Into(AddRaw(a, value));

    internal static TT AddRaw(Tensor a, double value, Tensor b)
    {
        var o = a.Like(b, "Add");
        using var s = ScalarLease.Of(value, a.ScalarType);
        var r = a.Raw.add(o, s.Value);
        if (!ReferenceEquals(o, b.Raw)) o.Dispose();
        return r;
    }

    internal static TT AddRaw(Tensor a, double value)
    {
        using var s = ScalarLease.Of(value, a.ScalarType);
        return a.Raw.add(s.Value);
    }

    // ---------------------------------------------------------------- operators (always a new tensor)

    /// <summary>Element-wise sum, a new tensor. Example: <c>var c = a + b;</c></summary>
    public static Tensor operator +(Tensor a, Tensor b) => torch.Add(a, b);
    /// <summary>Adds a number to every element, a new tensor. Example: <c>var c = a + 1;</c></summary>
    public static Tensor operator +(Tensor a, double v) => torch.Add(a, v);
    /// <summary>Adds a number to every element, a new tensor. Example: <c>var c = 1 + a;</c></summary>
    public static Tensor operator +(double v, Tensor a) => torch.Add(a, v);
}

public static partial class torch
{
    /// <summary><paramref name="a"/> + <paramref name="b"/>, a new tensor of a's type. Example: <c>Tensor sum = torch.Add(a, b);</c></summary>
    public static Tensor Add(Tensor a, Tensor b) => Torch.Tensor.AddSmall(a, 1, b) ?? a.Result(Torch.Tensor.AddRaw(a, 1, b));

    /// <summary><paramref name="a"/> + <paramref name="value"/> * <paramref name="b"/>, a new tensor. Example: <c>torch.Add(a, 2, b)</c>.</summary>
    public static Tensor Add(Tensor a, double value, Tensor b) => Torch.Tensor.AddSmall(a, value, b) ?? a.Result(Torch.Tensor.AddRaw(a, value, b));

    /// <summary><paramref name="a"/> + <paramref name="value"/>, a new tensor. Example: <c>torch.Add(a, 1)</c>.</summary>
    public static Tensor Add(Tensor a, double value) => a.Result(Torch.Tensor.AddRaw(a, value));
}
