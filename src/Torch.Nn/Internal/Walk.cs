using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Torch.Nn.Internal;

/// <summary>
/// A visitor that replaces every declared value by its image under <see cref="Map"/>: <see cref="Cloning"/> (a deep copy, as
/// Lua's clone) and <see cref="Converting"/> (tensors converted in place, as Lua's type). Each module or criterion is visited
/// once, so shared tensors and modules stay shared; values of a kind it does not know are an error, never shared silently.
/// </summary>
internal abstract class Walk : Members
{
    protected readonly Dictionary<object, object> Done = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether this walk makes copies (true) or converts in place (false).</summary>
    internal abstract bool Copies { get; }

    protected abstract Tensor MapTensor(Tensor t);

    /// <summary>The copy or conversion of a module or criterion: it visits its declaration.</summary>
    protected abstract object MapObject(object o);

    public override void Field<T>(string luaName, ref T value) => value = (T)Map(value)!;

    public override void Parameter(string luaName, ref Tensor param, string gradName, ref Tensor grad)
    {
        param = (Tensor)Map(param)!;
        grad = (Tensor)Map(grad)!;
    }

    public override void Buffer<T>(string luaName, ref T value) => value = (T)Map(value)!;

    public override void State<T>(ref T value) => value = (T)Map(value)!;

    public override void Cache<T>(ref T value) => value = default!;

    /// <summary>The image of any declared value.</summary>
    internal object? Map(object? v)
    {
        if (v is null || v is string || v.GetType().IsPrimitive || v.GetType().IsEnum) return v;
        if (v is LuaValue lv) return new LuaValue(Map(lv.Object));
        if (Done.TryGetValue(v, out var d)) return d;
        switch (v)
        {
            case Tensor t: return Done[t] = MapTensor(t);
            case Module or Criterion: return MapObject(v);
            case IDeclared part:
                var np = Copies ? ShallowCopy(part) : part;
                Done[part] = np;
                ((IDeclared)np).Declare(this);
                return np;
            case Table tb:
                var nt = Copies ? new Table() : tb;
                Done[tb] = nt;
                foreach (var (k, val) in tb.ToList()) nt[k] = new LuaValue(Map(val.Object)); // keys are names and numbers
                return nt;
            case Storage s: return Copies ? Done[s] = new Storage(s.Flat.dtype, s.Size()).Copy(s) : s;
            case Timer timer: return Copies ? Done[timer] = torch.Timer() : timer; // Lua's clone (a file round trip) makes a new one
            case Array a:
                var na = Copies ? (Array)a.Clone() : a;
                Done[a] = na;
                for (int i = 0; i < a.Length; i++) na.SetValue(Map(a.GetValue(i)), i);
                return na;
            case System.Collections.IList l when v.GetType().IsGenericType:
                var nl = Copies ? (System.Collections.IList)Activator.CreateInstance(v.GetType())! : l;
                Done[l] = nl;
                for (int i = 0; i < l.Count; i++)
                {
                    var item = Map(l[i]);
                    if (Copies) nl.Add(item); else nl[i] = item;
                }
                return nl;
            default:
                throw new InvalidOperationException(
                    $"{(Copies ? "clone" : "type")}: a declared field holds a {v.GetType().Name}, which the structure walk cannot {(Copies ? "copy" : "convert")}");
        }
    }

    /// <summary>Throws unless every class of <paramref name="type"/> that has instance fields declares them (overrides Declare):
    /// a user's module that forgot its declaration would otherwise be copied or saved without its fields.</summary>
    internal static void CheckDeclares(Type type) => Checked.GetOrAdd(type, t =>
    {
        for (var c = t; c != typeof(Module) && c != typeof(Criterion) && c != typeof(object); c = c!.BaseType)
        {
            bool hasFields = c!.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).Length > 0;
            bool declares = c.GetMethod("Declare", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly) is not null;
            if (hasFields && !declares)
                throw new InvalidOperationException(
                    $"{c.Name} has instance fields but does not override Declare(Members): list them there (see docs/architecture.md) so that clone, type and files know them");
        }
        return true;
    });

    static readonly ConcurrentDictionary<Type, bool> Checked = new();

    static readonly MethodInfo MemberwiseCloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>A field-by-field copy whose declared values the walk then replaces.</summary>
    protected static object ShallowCopy(object o) => MemberwiseCloneMethod.Invoke(o, null)!;

    /// <summary>Runs the declaration of a module or criterion with this walk.</summary>
    protected void Declare(object o)
    {
        CheckDeclares(o.GetType());
        if (o is Module m) m.Declare(this); else ((Criterion)o).Declare(this);
    }

    /// <summary>An object of <paramref name="type"/> whose constructor has not run, as Lua's read makes one: its fields come
    /// from the file only.</summary>
    internal static object Uninitialized(Type type) => RuntimeHelpers.GetUninitializedObject(type);
}
