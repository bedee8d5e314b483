namespace Torch.Nn.Internal;

/// <summary>Checks of table inputs for the table layers, with errors naming the module.</summary>
internal static class TableArgs
{
    internal static Table Of(LuaValue v, Module m, string what = "input") =>
        v.Object as Table ?? throw new ArgumentException($"{m}: expected a table as {what}, got {v.Describe()}");

    internal static List<Tensor> Tensors(LuaValue v, Module m, string what = "input")
    {
        var t = Of(v, m, what);
        var r = new List<Tensor>();
        int i = 1;
        foreach (var item in t.IPairs())
        {
            r.Add(item.Object as Tensor ?? throw new ArgumentException($"{m}: element {i} of the {what} table should be a Tensor, got {item.Describe()}"));
            i++;
        }
        if (r.Count == 0) throw new ArgumentException($"{m}: the {what} table is empty");
        return r;
    }

    /// <summary>Throws unless every tensor has the same number of elements as the first.</summary>
    /// <summary>Lua's <c>assert(ok, message)</c> of a table layer: the error names the module, the expectation and the sizes got.</summary>
    internal static void Assert(bool ok, Module m, string message, List<Tensor> xs)
    {
        if (!ok) throw new ArgumentException($"{m}: {message} (got inputs of size {string.Join(" and ", xs.Select(x => x.SizeString()))})");
    }

    internal static void SameElements(List<Tensor> xs, Module m)
    {
        for (int i = 1; i < xs.Count; i++)
            if (xs[i].NElement() != xs[0].NElement())
                throw new ArgumentException($"{m}: input {i + 1} of size {xs[i].SizeString()} does not match input 1 of size {xs[0].SizeString()}");
    }

    /// <summary>Torch7's dimension rule for table layers: negative counts from the end; one more with a batch dimension.</summary>
    internal static int Dim(int dim, int? nInputDims, Tensor first)
    {
        if (dim < 0) return first.Dim() + dim + 1; // Lua: a negative dimension ignores nInputDims
        return nInputDims is int n && first.Dim() == n + 1 ? dim + 1 : dim;
    }
}
