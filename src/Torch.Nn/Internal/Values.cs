namespace Torch.Nn.Internal;

/// <summary>Walks the tensors of a module input or output: a tensor, or a (nested) table of tensors.</summary>
internal static class Values
{
    /// <summary>The same shape with each tensor replaced by <paramref name="f"/>'s result (tables are rebuilt).</summary>
    internal static LuaValue Map(LuaValue v, Func<Tensor, Tensor> f) => v.Object switch
    {
        Tensor t => f(t),
        Table tb => MapTable(tb, f),
        _ => v,
    };

    static Table MapTable(Table tb, Func<Tensor, Tensor> f)
    {
        var r = new Table();
        foreach (var item in tb.IPairs()) r.Insert(Map(item, f));
        return r;
    }

    /// <summary>Every tensor, depth first in array order.</summary>
    internal static List<Tensor> Tensors(LuaValue v)
    {
        var r = new List<Tensor>();
        Collect(v, r);
        return r;
    }

    static void Collect(LuaValue v, List<Tensor> r)
    {
        if (v.Object is Tensor t) r.Add(t);
        else if (v.Object is Table tb) foreach (var item in tb.IPairs()) Collect(item, r);
    }

    /// <summary>Disposes the tensors of <paramref name="v"/> that are not among those of <paramref name="keep"/>.</summary>
    internal static void Dispose(LuaValue v, params LuaValue[] keep)
    {
        var kept = new HashSet<Tensor>(keep.SelectMany(Tensors), ReferenceEqualityComparer.Instance);
        foreach (var t in Tensors(v)) if (!kept.Contains(t)) t.Dispose();
    }
}
