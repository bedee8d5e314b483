using Torch.Nn.Internal;

namespace Torch.Nn;

public static partial class nn
{
    /// <summary>Lua's <c>nn.utils</c>: helpers over a tensor or a (nested) table of tensors, as module code uses them.</summary>
    /// <remarks>Example: <c>var grads = nn.utils.RecursiveResizeAs(null, outputs); nn.utils.RecursiveFill(grads, 0);</c></remarks>
    public static class utils
    {
        /// <summary>Every tensor of <paramref name="param"/> converted to <paramref name="type"/> (tables rebuilt), Lua's
        /// <c>recursiveType</c>. Example: <c>LuaValue f = nn.utils.RecursiveType(new Table(a, b), "torch.FloatTensor");</c></summary>
        public static LuaValue RecursiveType(LuaValue param, string type) => Values.Map(param, t => t.Type(type));

        /// <summary><paramref name="t1"/> made to have <paramref name="t2"/>'s structure and sizes: missing tensors are created with
        /// t2's type, tables filled entry by entry, extra entries dropped (Lua's <c>recursiveResizeAs</c>, which returns t1).
        /// Example: <c>LuaValue g = nn.utils.RecursiveResizeAs(LuaValue.Nil, output);</c></summary>
        public static LuaValue RecursiveResizeAs(LuaValue t1, LuaValue t2)
        {
            switch (t2.Object)
            {
                case Table src:
                    var dst = t1.Object as Table ?? new Table();
                    for (int i = 1; i <= src.Length; i++) dst[i] = RecursiveResizeAs(dst[i], src[i]);
                    for (int i = dst.Length; i > src.Length; i--) dst[i] = LuaValue.Nil;
                    return dst;
                case Tensor like:
                    var t = t1.Object is Tensor own && own.Type() == like.Type() ? own : like.New();
                    return t.ResizeAs(like);
                default:
                    throw new ArgumentException($"nn.utils.RecursiveResizeAs: expected a Tensor or a table of them, got {t2.Describe()}");
            }
        }

        /// <summary>Fills every tensor of <paramref name="t"/> with <paramref name="value"/> (Lua's <c>recursiveFill</c>).
        /// Example: <c>nn.utils.RecursiveFill(grads, 0);</c></summary>
        public static LuaValue RecursiveFill(LuaValue t, double value)
        {
            foreach (var x in Values.Tensors(t)) x.Fill(value);
            return t;
        }

        /// <summary>t1 += value · t2, tensor by tensor over the same structure (Lua's <c>recursiveAdd</c>).
        /// Example: <c>nn.utils.RecursiveAdd(total, 0.5, grads);</c></summary>
        public static LuaValue RecursiveAdd(LuaValue t1, double value, LuaValue t2)
        {
            var (a, b) = (Values.Tensors(t1), Values.Tensors(t2));
            if (a.Count != b.Count)
                throw new ArgumentException($"nn.utils.RecursiveAdd: expected the same structure, got {a.Count} and {b.Count} tensors");
            for (int i = 0; i < a.Count; i++) a[i].Add(value, b[i]);
            return t1;
        }

        /// <summary>t1 += t2 over the same structure (Lua's <c>recursiveAdd(t1, t2)</c>). Example: <c>nn.utils.RecursiveAdd(total, grads);</c></summary>
        public static LuaValue RecursiveAdd(LuaValue t1, LuaValue t2) => RecursiveAdd(t1, 1, t2);

        /// <summary><paramref name="t1"/> made a copy of <paramref name="t2"/>: same structure, sizes and values, t2's types
        /// (Lua's <c>recursiveCopy</c>, which returns t1). Example: <c>LuaValue saved = nn.utils.RecursiveCopy(LuaValue.Nil, output);</c></summary>
        public static LuaValue RecursiveCopy(LuaValue t1, LuaValue t2)
        {
            var dst = RecursiveResizeAs(t1, t2);
            var (a, b) = (Values.Tensors(dst), Values.Tensors(t2));
            for (int i = 0; i < a.Count; i++) a[i].Copy(b[i]);
            return dst;
        }

        /// <summary>A view of <paramref name="t"/> with a dimension of size 1 inserted at <paramref name="dim"/> (1-based; Lua's
        /// <c>addSingletonDimension</c>). Example: <c>Tensor batch = nn.utils.AddSingletonDimension(image);  // 1 x C x H x W</c></summary>
        public static Tensor AddSingletonDimension(Tensor t, int dim = 1)
        {
            if (dim < 1 || dim > t.Dim() + 1)
                throw new ArgumentOutOfRangeException(nameof(dim), $"nn.utils.AddSingletonDimension: expected dim in 1..{t.Dim() + 1}, got {dim}");
            return t.Unsqueeze(dim);
        }

        /// <summary><paramref name="input"/> viewed with <paramref name="sizes"/>; a non-contiguous input is first copied into
        /// <paramref name="output"/> (Lua's <c>contiguousView</c>). Example: <c>Tensor flat = nn.utils.ContiguousView(buffer, x.T(), 12);</c></summary>
        public static Tensor ContiguousView(Tensor? output, Tensor input, params long[] sizes)
        {
            if (input.IsContiguous()) return input.View(sizes);
            output ??= input.New();
            return output.ResizeAs(input).Copy(input).View(sizes);
        }

        /// <summary>Empties the named fields of <paramref name="module"/> (Lua names: "output", "gradInput", "_input"...): tensors
        /// become empty, tables are emptied (Lua's <c>nn.utils.clear</c>). Example: <c>nn.utils.Clear(m, "output", "gradInput");</c></summary>
        public static Module Clear(Module module, params string[] names)
        {
            foreach (var name in names)
            {
                bool declared = Lookup.Update(module, name, value => value switch
                {
                    LuaValue lv => Clearing.Cleared(lv),
                    Tensor t => Clearing.Cleared(t).Object,
                    Table => new Table(),
                    _ => value,
                });
                if (!declared) throw new ArgumentException($"nn.utils.Clear: {module.TypeName} has no field '{name}'");
            }
            return module;
        }
    }
}
