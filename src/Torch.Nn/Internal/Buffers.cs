using TorchSharp;
using ScalarType = TorchSharp.torch.ScalarType;

namespace Torch.Nn.Internal;

/// <summary>Module buffers: reused while their element type fits, replaced by an empty tensor otherwise.</summary>
internal static class Buffers
{
    /// <summary>The tensor in <paramref name="slot"/> if it has this element type; else a new empty tensor stored there.</summary>
    internal static Tensor Fit(ref LuaValue slot, ScalarType type)
    {
        if (slot.Object is Tensor t && t.ScalarType == type) return t;
        var n = new Tensor(torch.Empty(type, slot.Object is Tensor c && c.IsCuda, 0));
        slot = n;
        return n;
    }

    /// <summary>Stores a freshly computed <paramref name="value"/> in <paramref name="slot"/>: a tensor is copied into the tensor buffer
    /// there (reused while its type fits) and freed; a table or nil replaces the slot's value. Returns the slot's value.</summary>
    internal static LuaValue Store(ref LuaValue slot, LuaValue value)
    {
        if (value.Object is not Tensor t) return slot = value;
        Fit(ref slot, t.ScalarType).Into(t.Raw.alias());
        t.Dispose();
        return slot;
    }

    /// <summary>The tensor in <paramref name="slot"/>, created empty with the type of <paramref name="like"/> when missing or of another type.</summary>
    internal static Tensor Fit(ref Tensor? slot, Tensor like)
    {
        if (slot is not null && slot.ScalarType == like.ScalarType && slot.IsCuda == like.IsCuda) return slot;
        slot = new Tensor(torch.Empty(like.ScalarType, like.IsCuda, 0));
        return slot;
    }

    /// <summary>A table module's gradInput table, kept between calls as Lua's: at 1..<paramref name="n"/> the tensors already there
    /// (<c>self.gradInput[i] or input[1].new()</c>; one of another type than <paramref name="like"/> is replaced), entries past n
    /// removed (<c>self.gradInput[i] = nil</c>); a new table when the slot holds none.</summary>
    internal static Table Tensors(ref LuaValue slot, int n, Tensor like)
    {
        if (slot.Object is not Table t) slot = t = new Table();
        for (int i = 1; i <= n; i++)
            if (t[i].Object is not Tensor b || b.ScalarType != like.ScalarType || b.IsCuda != like.IsCuda) t[i] = like.New();
        for (int i = t.Length; i > n; i--) t[i] = default;
        return t;
    }

    /// <summary>The tensor in <paramref name="slot"/> set to Lua's <c>x:view(sizes)</c> (its checks and errors): left as it is when it
    /// already views x's elements with these sizes (the clones of a recurrent net reshape the same buffer at every step: no view
    /// made and set each call), else set anew.</summary>
    internal static Tensor View(ref LuaValue slot, Tensor x, long[] sizes)
    {
        var o = Fit(ref slot, x.ScalarType);
        if (o.IsSize(sizes) && x.IsContiguous() && o.IsContiguous() && o.NElement() == x.NElement() && o.Data == x.Data && o.IsCuda == x.IsCuda)
            return o;
        using var v = x.View(sizes);
        return o.Set(v);
    }
}
