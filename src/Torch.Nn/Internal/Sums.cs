namespace Torch.Nn.Internal;

/// <summary>Sums of gradients shaped like a module input (a tensor or nested tables), into reused buffers.</summary>
internal static class Sums
{
    /// <summary>A copy of <paramref name="g"/>, into <paramref name="buffer"/> when it has the same shape of tensors.</summary>
    internal static LuaValue CopyOf(LuaValue buffer, LuaValue g) => g.Object switch
    {
        Tensor t => (buffer.Object is Tensor b && b.Type() == t.Type() ? b : t.New()).ResizeAs(t).Copy(t),
        Table tb => CopyTable(buffer.Object as Table, tb),
        _ => g,
    };

    static Table CopyTable(Table? buffer, Table g)
    {
        var r = new Table();
        int i = 1;
        foreach (var item in g.IPairs()) r.Insert(CopyOf(buffer is null ? LuaValue.Nil : buffer[i++], item));
        return r;
    }

    /// <summary>Adds <paramref name="g"/> into <paramref name="acc"/> element by element and returns acc.</summary>
    internal static LuaValue AddInto(LuaValue acc, LuaValue g)
    {
        if (acc.Object is Tensor a && g.Object is Tensor t) a.Add(t);
        else if (acc.Object is Table at && g.Object is Table gt)
        {
            int i = 1;
            foreach (var item in gt.IPairs())
            {
                if (at[i].IsNil) at[i] = CopyOf(LuaValue.Nil, item);
                else AddInto(at[i], item);
                i++;
            }
        }
        else throw new ArgumentException($"gradInputs of different shapes cannot be summed: {acc.Describe()} and {g.Describe()}");
        return acc;
    }
}
