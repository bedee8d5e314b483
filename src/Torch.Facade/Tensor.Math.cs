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
        if (NElement() == 0 && result.dtype == ScalarType && result.dim() > 0 && result.is_contiguous())
            return Reset(result).Owns(); // an empty receiver views nothing: adopt the result, no copy (not an expanded one: a later copy into it would fail)
        try
        {
            Writable("writing a result");
            long[] shape = result.dim() == 0 ? new[] { 1L } : result.shape; // Torch7 has no 0-dim tensors
            if (!IsSize(shape)) Resize(shape);
            Raw.copy_(result);
            return this;
        }
        finally { result.Dispose(); }
    }

    /// <summary>Puts a fresh libtorch result behind this tensor instead of copying it (the object keeps its identity, its old storage
    /// goes): for results nothing else views, such as a convolution's. Other types and 0-dim results are copied as by <see cref="Into"/>.</summary>
    internal Tensor Adopt(TT result) =>
        result.dim() == 0 || result.dtype != ScalarType || result.device_type != handle.device_type ? Into(result) : Reset(result).Owns();

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
        return other.IsSameSizeAs(this) ? other.Raw : other.Raw.reshape(Sizes.Length == 0 ? Raw.shape : Sizes);
    }

    // ---------------------------------------------------------------- shared helpers of the math library

    /// <summary>Which element types a Torch7 function accepts.</summary>
    internal enum Kind { Any, Signed, Floating, Integral, ByteOnly }

    /// <summary>Throws unless this tensor's type is one <paramref name="fn"/> accepts; returns this tensor.</summary>
    internal Tensor Need(Kind kind, string fn)
    {
        var t = ScalarType;
        bool ok = kind switch
        {
            Kind.Floating => TensorType.IsFloating(t),
            Kind.Integral => !TensorType.IsFloating(t),
            Kind.Signed => t != TS.ScalarType.Byte,
            Kind.ByteOnly => t == TS.ScalarType.Byte,
            _ => true,
        };
        if (ok) return this;
        string expected = kind switch
        {
            Kind.Floating => "a Float or Double tensor",
            Kind.Integral => "an integer tensor (Byte, Char, Short, Int or Long)",
            Kind.Signed => "a signed tensor (not a ByteTensor)",
            _ => "a ByteTensor",
        };
        throw new InvalidOperationException($"{fn}: expected {expected}, got a {Type()}");
    }

    /// <summary>Throws unless this tensor has exactly <paramref name="dims"/> dimensions (in <paramref name="what"/>'s words).</summary>
    internal Tensor NeedDim(int dims, string fn, string what = "the tensor")
    {
        if (Dim() != dims)
            throw new ArgumentException($"{fn}: expected {what} to be {dims}-dimensional, got a {Dim()}-dimensional tensor of size {SizeString()}");
        return this;
    }

    /// <summary>Throws when this tensor has no element (reductions to a single number need one).</summary>
    internal Tensor NeedElements(string fn)
    {
        if (NElement() == 0) throw new ArgumentException($"{fn}: expected a non-empty tensor, got an empty {Type()}");
        return this;
    }

    /// <summary>The other operand with this tensor's sizes and type (a new temporary, or other's own handle).</summary>
    internal TT Operand(Tensor other, string fn)
    {
        var o = Like(other, fn);
        if (o.dtype == ScalarType) return o;
        var c = o.to_type(ScalarType);
        if (!ReferenceEquals(o, other.Raw)) o.Dispose();
        return c;
    }

    /// <summary>libtorch refuses to write into a tensor whose elements share memory (an expanded view: a stride 0 over a
    /// size above 1), with C++ text; this says so first, naming <paramref name="fn"/>.</summary>
    internal void Writable(string fn)
    {
        var sz = Sizes; var st = Strides;
        for (int d = 0; d < sz.Length; d++)
            if (st[d] == 0 && sz[d] > 1)
                throw new InvalidOperationException($"{fn}: cannot write into this {Type()} of size {SizeString()}: its elements share memory "
                    + $"(stride 0 in dimension {d + 1}, an expanded view); write into a Clone() of it");
    }

    /// <summary>Disposes the wrapper an in-place libtorch call returned when it is not this tensor's handle (TorchSharp returns
    /// <c>this</c> from most in-place calls, a new wrapper of the same tensor from a few).</summary>
    internal void Keep(TT returned)
    {
        if (!ReferenceEquals(returned, Raw)) returned.Dispose();
    }

    /// <summary>Disposes <paramref name="t"/> unless it is <paramref name="owner"/>'s own handle.</summary>
    internal static void Drop(TT t, Tensor owner)
    {
        if (!ReferenceEquals(t, owner.Raw)) t.Dispose();
    }

    /// <summary>A 0-dimensional libtorch tensor holding <paramref name="v"/> in this tensor's type (Lua numbers become the tensor's real).</summary>
    internal TT ScalarOf(double v)
    {
        using var d = TS.tensor(ScalarLease.Convert(v, ScalarType), TS.ScalarType.Float64);
        return d.to(ScalarType, Raw.device);
    }

    /// <summary>This tensor's elements in double precision (Torch7 accumulates Float sums in double): a temporary or Raw itself.</summary>
    internal TT AsDouble() => ScalarType == TS.ScalarType.Float64 ? Raw : Raw.to_type(TS.ScalarType.Float64);

    /// <summary>Reads a one-element libtorch result as a double and frees it.</summary>
    internal static double Number(TT t)
    {
        using (t)
        {
            if (t.dtype == TS.ScalarType.Float64) return t.item<double>();
            using var d = t.to_type(TS.ScalarType.Float64);
            return d.item<double>();
        }
    }

    /// <summary>A libtorch index tensor (0-based) turned into Torch7's 1-based LongTensor.</summary>
    internal static Tensor OneBased(TT index)
    {
        using (index)
        {
            using var l = index.to_type(TS.ScalarType.Int64);
            return torch.Wrap(l.Add(1));
        }
    }

    // ---------------------------------------------------------------- add

    /// <summary>Adds <paramref name="value"/> to every element, in place. Example: <c>x.Add(1)</c>.</summary>
    public Tensor Add(double value)
    {
        Writable("Add");
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
        Writable("Add");
        var o = Operand(other, "Add");
        AddScaled(Raw, value, o, inPlace: true);
        Drop(o, other);
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
        var o = a.Operand(b, "Add");
        var r = AddScaled(a.Raw, value, o, inPlace: false);
        Drop(o, b);
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
