using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's comparisons and logical reductions (TensorMath group K): results are ByteTensors of 0/1.
public sealed partial class Tensor
{
    /// <summary>The element-wise comparisons.</summary>
    internal enum Cmp { Lt, Le, Gt, Ge, Eq, Ne }

    static TT CompareCore(Cmp op, TT a, TT b) => op switch
    {
            Cmp.Lt => a.lt(b),
            Cmp.Le => a.le(b),
            Cmp.Gt => a.gt(b),
            Cmp.Ge => a.ge(b),
            Cmp.Eq => a.eq(b),
        _ => a.ne(b),
    };

    internal static TT CompareRaw(Cmp op, Tensor a, Tensor b)
    {
        var o = a.Operand(b, op.ToString());
        try { return CompareCore(op, a.Raw, o); }
        finally { Drop(o, b); }
    }

    internal static TT CompareRaw(Cmp op, Tensor a, double value)
    {
        using var v = a.ScalarOf(value);
        return CompareCore(op, a.Raw, v);
    }

    static Tensor ByteResult(TT boolean)
    {
        using (boolean) return torch.Wrap(boolean.to_type(TS.ScalarType.Byte));
    }

    Tensor CompareInto(Tensor a, TT boolean)
    {
        if (ScalarType != TS.ScalarType.Byte && ScalarType != a.ScalarType)
        {
            boolean.Dispose();
            throw new ArgumentException($"comparison: the result must be a torch.ByteTensor or a {a.Type()}, got a {Type()}");
        }
        using (boolean) return Into(boolean.to_type(ScalarType));
    }

    /// <summary>A new ByteTensor: 1 where this &lt; <paramref name="other"/> element-wise, else 0. Example: <c>x.Lt(y)</c>.</summary>
    public Tensor Lt(Tensor other) => ByteResult(CompareRaw(Cmp.Lt, this, other));
    /// <summary>A new ByteTensor: 1 where this &lt; <paramref name="value"/>, else 0. Example: <c>x.Lt(0.5)</c>.</summary>
    public Tensor Lt(double value) => ByteResult(CompareRaw(Cmp.Lt, this, value));
    /// <summary>Stores (<paramref name="a"/> &lt; <paramref name="b"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Lt(a, b)</c>.</summary>
    public Tensor Lt(Tensor a, Tensor b) => CompareInto(a, CompareRaw(Cmp.Lt, a, b));
    /// <summary>Stores (<paramref name="a"/> &lt; <paramref name="value"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Lt(a, 0)</c>.</summary>
    public Tensor Lt(Tensor a, double value) => CompareInto(a, CompareRaw(Cmp.Lt, a, value));
    /// <summary>A new ByteTensor: 1 where this &lt;= <paramref name="other"/> element-wise, else 0. Example: <c>x.Le(y)</c>.</summary>
    public Tensor Le(Tensor other) => ByteResult(CompareRaw(Cmp.Le, this, other));
    /// <summary>A new ByteTensor: 1 where this &lt;= <paramref name="value"/>, else 0. Example: <c>x.Le(0.5)</c>.</summary>
    public Tensor Le(double value) => ByteResult(CompareRaw(Cmp.Le, this, value));
    /// <summary>Stores (<paramref name="a"/> &lt;= <paramref name="b"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Le(a, b)</c>.</summary>
    public Tensor Le(Tensor a, Tensor b) => CompareInto(a, CompareRaw(Cmp.Le, a, b));
    /// <summary>Stores (<paramref name="a"/> &lt;= <paramref name="value"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Le(a, 0)</c>.</summary>
    public Tensor Le(Tensor a, double value) => CompareInto(a, CompareRaw(Cmp.Le, a, value));
    /// <summary>A new ByteTensor: 1 where this &gt; <paramref name="other"/> element-wise, else 0. Example: <c>x.Gt(y)</c>.</summary>
    public Tensor Gt(Tensor other) => ByteResult(CompareRaw(Cmp.Gt, this, other));
    /// <summary>A new ByteTensor: 1 where this &gt; <paramref name="value"/>, else 0. Example: <c>x.Gt(0.5)</c>.</summary>
    public Tensor Gt(double value) => ByteResult(CompareRaw(Cmp.Gt, this, value));
    /// <summary>Stores (<paramref name="a"/> &gt; <paramref name="b"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Gt(a, b)</c>.</summary>
    public Tensor Gt(Tensor a, Tensor b) => CompareInto(a, CompareRaw(Cmp.Gt, a, b));
    /// <summary>Stores (<paramref name="a"/> &gt; <paramref name="value"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Gt(a, 0)</c>.</summary>
    public Tensor Gt(Tensor a, double value) => CompareInto(a, CompareRaw(Cmp.Gt, a, value));
    /// <summary>A new ByteTensor: 1 where this &gt;= <paramref name="other"/> element-wise, else 0. Example: <c>x.Ge(y)</c>.</summary>
    public Tensor Ge(Tensor other) => ByteResult(CompareRaw(Cmp.Ge, this, other));
    /// <summary>A new ByteTensor: 1 where this &gt;= <paramref name="value"/>, else 0. Example: <c>x.Ge(0.5)</c>.</summary>
    public Tensor Ge(double value) => ByteResult(CompareRaw(Cmp.Ge, this, value));
    /// <summary>Stores (<paramref name="a"/> &gt;= <paramref name="b"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Ge(a, b)</c>.</summary>
    public Tensor Ge(Tensor a, Tensor b) => CompareInto(a, CompareRaw(Cmp.Ge, a, b));
    /// <summary>Stores (<paramref name="a"/> &gt;= <paramref name="value"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Ge(a, 0)</c>.</summary>
    public Tensor Ge(Tensor a, double value) => CompareInto(a, CompareRaw(Cmp.Ge, a, value));
    /// <summary>A new ByteTensor: 1 where this == <paramref name="other"/> element-wise, else 0. Example: <c>x.Eq(y)</c>.</summary>
    public Tensor Eq(Tensor other) => ByteResult(CompareRaw(Cmp.Eq, this, other));
    /// <summary>A new ByteTensor: 1 where this == <paramref name="value"/>, else 0. Example: <c>x.Eq(0.5)</c>.</summary>
    public Tensor Eq(double value) => ByteResult(CompareRaw(Cmp.Eq, this, value));
    /// <summary>Stores (<paramref name="a"/> == <paramref name="b"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Eq(a, b)</c>.</summary>
    public Tensor Eq(Tensor a, Tensor b) => CompareInto(a, CompareRaw(Cmp.Eq, a, b));
    /// <summary>Stores (<paramref name="a"/> == <paramref name="value"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Eq(a, 0)</c>.</summary>
    public Tensor Eq(Tensor a, double value) => CompareInto(a, CompareRaw(Cmp.Eq, a, value));
    /// <summary>A new ByteTensor: 1 where this ~= <paramref name="other"/> element-wise, else 0. Example: <c>x.Ne(y)</c>.</summary>
    public Tensor Ne(Tensor other) => ByteResult(CompareRaw(Cmp.Ne, this, other));
    /// <summary>A new ByteTensor: 1 where this ~= <paramref name="value"/>, else 0. Example: <c>x.Ne(0.5)</c>.</summary>
    public Tensor Ne(double value) => ByteResult(CompareRaw(Cmp.Ne, this, value));
    /// <summary>Stores (<paramref name="a"/> ~= <paramref name="b"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Ne(a, b)</c>.</summary>
    public Tensor Ne(Tensor a, Tensor b) => CompareInto(a, CompareRaw(Cmp.Ne, a, b));
    /// <summary>Stores (<paramref name="a"/> ~= <paramref name="value"/>) as 0/1 into this tensor (a ByteTensor or a's type). Example: <c>r.Ne(a, 0)</c>.</summary>
    public Tensor Ne(Tensor a, double value) => CompareInto(a, CompareRaw(Cmp.Ne, a, value));

    /// <summary>Whether both tensors have the same sizes and the same values (Lua's <c>x:equal(y)</c>). Example: <c>x.Equal(y)</c>.</summary>
    public bool Equal(Tensor other)
    {
        if (!IsSameSizeAs(other)) return false;
        if (NElement() == 0) return true;
        using var o = other.Raw.to_type(ScalarType);
        using var eq = Raw.eq(o);
        using var all = eq.all();
        return all.item<bool>();
    }

    /// <summary>Whether every element of this ByteTensor is non-zero. Example: <c>torch.Gt(x, 0).All()</c>.</summary>
    public bool All()
    {
        using var nz = Need(Kind.ByteOnly, "All").NeedElements("All").Raw.Ne(0);
        using var r = nz.all();
        return r.item<bool>();
    }

    /// <summary>Whether some element of this ByteTensor is non-zero. Example: <c>torch.Gt(x, 0).Any()</c>.</summary>
    public bool Any()
    {
        using var nz = Need(Kind.ByteOnly, "Any").NeedElements("Any").Raw.Ne(0);
        using var r = nz.any();
        return r.item<bool>();
    }
}

public static partial class torch
{
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> &lt; <paramref name="b"/>. Example: <c>torch.Lt(a, b)</c>.</summary>
    public static Tensor Lt(Tensor a, Tensor b) => a.Lt(b);
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> &lt; <paramref name="value"/>. Example: <c>torch.Lt(a, 0)</c>.</summary>
    public static Tensor Lt(Tensor a, double value) => a.Lt(value);
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> &lt;= <paramref name="b"/>. Example: <c>torch.Le(a, b)</c>.</summary>
    public static Tensor Le(Tensor a, Tensor b) => a.Le(b);
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> &lt;= <paramref name="value"/>. Example: <c>torch.Le(a, 0)</c>.</summary>
    public static Tensor Le(Tensor a, double value) => a.Le(value);
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> &gt; <paramref name="b"/>. Example: <c>torch.Gt(a, b)</c>.</summary>
    public static Tensor Gt(Tensor a, Tensor b) => a.Gt(b);
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> &gt; <paramref name="value"/>. Example: <c>torch.Gt(a, 0)</c>.</summary>
    public static Tensor Gt(Tensor a, double value) => a.Gt(value);
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> &gt;= <paramref name="b"/>. Example: <c>torch.Ge(a, b)</c>.</summary>
    public static Tensor Ge(Tensor a, Tensor b) => a.Ge(b);
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> &gt;= <paramref name="value"/>. Example: <c>torch.Ge(a, 0)</c>.</summary>
    public static Tensor Ge(Tensor a, double value) => a.Ge(value);
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> == <paramref name="b"/>. Example: <c>torch.Eq(a, b)</c>.</summary>
    public static Tensor Eq(Tensor a, Tensor b) => a.Eq(b);
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> == <paramref name="value"/>. Example: <c>torch.Eq(a, 0)</c>.</summary>
    public static Tensor Eq(Tensor a, double value) => a.Eq(value);
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> ~= <paramref name="b"/>. Example: <c>torch.Ne(a, b)</c>.</summary>
    public static Tensor Ne(Tensor a, Tensor b) => a.Ne(b);
    /// <summary>A ByteTensor: 1 where <paramref name="a"/> ~= <paramref name="value"/>. Example: <c>torch.Ne(a, 0)</c>.</summary>
    public static Tensor Ne(Tensor a, double value) => a.Ne(value);

    /// <summary>Whether two tensors have the same sizes and values. Example: <c>torch.Equal(a, b)</c>.</summary>
    public static bool Equal(Tensor a, Tensor b) => a.Equal(b);
    /// <summary>Whether every element of a ByteTensor is non-zero. Example: <c>torch.All(mask)</c>.</summary>
    public static bool All(Tensor x) => x.All();
    /// <summary>Whether some element of a ByteTensor is non-zero. Example: <c>torch.Any(mask)</c>.</summary>
    public static bool Any(Tensor x) => x.Any();
}
