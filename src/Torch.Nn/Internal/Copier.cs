using System.Collections;
using Torch.Native;
using TorchSharp;
using ScalarType = TorchSharp.torch.ScalarType;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>
/// Deep copies and type conversions of modules and criterions, as Lua's clone (a serialization round trip) and
/// type(t, tensorCache) do: tensors that shared a storage still share one, with the same offsets and strides.
/// </summary>
internal sealed class Copier
{
    readonly Func<TT, TT> convertStorage;
    readonly bool inPlace, toCuda;
    readonly Dictionary<IntPtr, TT> storages = new();
    readonly Dictionary<object, object> done = new(ReferenceEqualityComparer.Instance);

    Copier(Func<TT, TT> convertStorage, bool inPlace, bool toCuda = false) =>
        (this.convertStorage, this.inPlace, this.toCuda) = (convertStorage, inPlace, toCuda);

    /// <summary>A deep copy of a module or criterion tree; each storage is copied once.</summary>
    internal static object Copy(object root) => new Copier(flat => flat.clone(), inPlace: false).Visit(root)!;

    /// <summary>Converts every tensor of the tree in place (the tensor objects keep their identity). CUDA tensors go to the
    /// device current when each is converted, so that an <see cref="GPU"/> inside the tree can place its module.</summary>
    internal static void Convert(object root, ScalarType type, bool cuda) =>
        new Copier(flat => flat.to(type, cuda ? new TS.Device(DeviceType.CUDA, cutorch.CurrentDevice) : TS.CPU, copy: true), inPlace: true, cuda)
            .Visit(root);

    /// <summary>An empty tensor of the same type (or the table emptied), as nn.utils.clear does.</summary>
    internal static LuaValue Cleared(LuaValue v) => v.Object switch
    {
        Tensor t => t.Set(new Tensor(torch.Empty(t.ScalarType, t.IsCuda, 0))),
        Table => new Table(),
        _ => v,
    };

    object? Visit(object? v)
    {
        switch (v)
        {
            case null: return null;
            case Tensor t: return MapTensor(t);
            case LuaValue lv: return new LuaValue(Visit(lv.Object));
            case Table tb:
                if (done.TryGetValue(tb, out var dt)) return dt;
                var nt = inPlace ? tb : new Table();
                done[tb] = nt;
                if (inPlace) { foreach (var (_, val) in tb) Visit(val); return tb; }
                foreach (var (k, val) in tb) nt[k] = (LuaValue)Visit(val)!;
                return nt;
            case DontCast when inPlace && done.Count > 0:
                return v; // a DontCast keeps its module's type when the network around it is converted
            case GPU g when inPlace && done.Count > 0:
                return g.Placed(toCuda, () => VisitObject(g)); // as Lua's recursive type() calls GPU:type
            case Module or Criterion:
                return VisitObject(v);
            case IList list when v.GetType().IsGenericType && !v.GetType().GetGenericArguments()[0].IsValueType:
                if (done.TryGetValue(v, out var dl)) return dl;
                var nl = inPlace ? list : (IList)Activator.CreateInstance(v.GetType())!;
                done[v] = nl;
                for (int i = 0; i < list.Count; i++)
                {
                    var item = Visit(list[i]);
                    if (inPlace) list[i] = item; else nl.Add(item);
                }
                return nl;
            case IList values when v.GetType().IsGenericType:
                return inPlace ? v : Activator.CreateInstance(v.GetType(), values); // a list of numbers (criterion weights)
            case TT: return inPlace ? v : null; // raw caches are rebuilt on demand
            case Recording: return null;
            default: return v;
        }
    }

    object VisitObject(object o)
    {
        if (done.TryGetValue(o, out var d)) return d;
        var target = inPlace ? o : ShallowCopy(o);
        done[o] = target;
        foreach (var f in Fields.Of(o.GetType()))
        {
            if (f.FieldType.IsValueType && f.FieldType != typeof(LuaValue)) continue;
            var value = f.GetValue(o);
            var mapped = Visit(value);
            if (!inPlace || !ReferenceEquals(mapped, value)) f.SetValue(target, mapped);
        }
        (target as GModule)?.OwnGraph(Visit, copy: !inPlace); // its nodes are structure the field walk would share
        return target;
    }

    static readonly System.Reflection.MethodInfo MemberwiseCloneMethod =
        typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;

    static object ShallowCopy(object o) => MemberwiseCloneMethod.Invoke(o, null)!;

    Tensor MapTensor(Tensor t)
    {
        if (done.TryGetValue(t, out var d)) return (Tensor)d;
        TT handle;
        IntPtr key = THS.THSStorage_data_ptr(t.Raw.Handle);
        if (key == IntPtr.Zero)
        {
            using var e = torch.Empty(t.ScalarType, t.IsCuda, 0);
            handle = convertStorage(e);
        }
        else
        {
            if (!storages.TryGetValue(key, out var flat))
            {
                using var src = t.Raw.as_strided(new[] { t.StorageSize }, new[] { 1L }, 0);
                flat = convertStorage(src);
                storages[key] = flat;
            }
            handle = flat.as_strided(t.Raw.shape, t.Raw.stride(), t.Raw.storage_offset());
        }
        Tensor r;
        if (inPlace) r = t.Reset(handle);
        else r = new Tensor(handle);
        done[t] = r;
        return r;
    }
}
