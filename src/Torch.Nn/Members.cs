namespace Torch.Nn;

/// <summary>
/// What a module or criterion is made of, as its <c>Declare</c> method lists it: every instance field, once, with its kind.
/// Clone, Share, type conversion, ClearState, Parameters(), saving and loading are all visitors of this class, so they
/// treat a field the same way everywhere and never guess (see docs/architecture.md).
/// </summary>
/// <remarks>Example: <c>protected override void Declare(Members m) { base.Declare(m); m.Field("p", ref P); m.Buffer("noise", ref Noise); }</c></remarks>
public abstract class Members
{
    /// <summary>A Lua field: in .t7 files under <paramref name="luaName"/> (null is Lua's nil: not written, and read back as
    /// null), deep-copied by clone and converted by type when it holds tensors.
    /// Example: <c>m.Field("min_val", ref MinVal);</c></summary>
    public abstract void Field<T>(string luaName, ref T value);

    /// <summary>A parameter and its gradient (Lua's weight and gradWeight): two Lua fields, and one entry of
    /// <see cref="Module.Parameters"/> when the parameter is not null. Example: <c>m.Parameter("weight", ref Weight, "gradWeight", ref GradWeight);</c></summary>
    public abstract void Parameter(string luaName, ref Tensor param, string gradName, ref Tensor grad);

    /// <summary>A Lua field that holds scratch results (output, indices, noise): like <see cref="Field{T}"/>, and emptied by ClearState.
    /// Example: <c>m.Buffer("indices", ref indices);</c></summary>
    public abstract void Buffer<T>(string luaName, ref T value);

    /// <summary>State that only this library keeps (no Lua field): deep-copied by clone and converted by type, but not written
    /// to files, so a loaded object starts with the default. Example: <c>m.State(ref SharedParameters);</c></summary>
    public abstract void State<T>(ref T value);

    /// <summary>Something derived from the other fields and rebuilt on use (a transposed view, a forward's bookkeeping):
    /// clone, type, ClearState and loading reset it to its default. Example: <c>m.Cache(ref weightT);</c></summary>
    public abstract void Cache<T>(ref T value);
}
