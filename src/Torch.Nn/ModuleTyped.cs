namespace Torch.Nn;

/// <summary>
/// Conversions that give a module back as its own class, where <see cref="Module.Type(string)"/> returns <see cref="Module"/>:
/// Lua's <c>torch.load(path):type(t)</c> keeps the object's class, and ported code that needs it reads
/// <c>torch.Load&lt;Module&gt;(path).Type&lt;Sequential&gt;(t)</c>.
/// </summary>
/// <remarks>Example: <c>Sequential model = torch.Load&lt;Module&gt;("model.t7").Type&lt;Sequential&gt;("torch.FloatTensor");</c></remarks>
public static class ModuleTyped
{
    /// <summary>Converts the module (<see cref="Module.Type(string)"/>) and returns it as a <typeparamref name="T"/>, or throws
    /// naming the class it is. Example: <c>var seq = torch.Load&lt;Module&gt;(path).Type&lt;Sequential&gt;("torch.FloatTensor");</c></summary>
    public static T Type<T>(this Module module, string typeName) where T : Module
    {
        var converted = module.Type(typeName);
        return converted as T ?? throw new InvalidCastException(
            $"{converted.TypeName}.Type<{typeof(T).Name}>: the module is a {converted.GetType().Name}, not a {typeof(T).Name}");
    }
}
