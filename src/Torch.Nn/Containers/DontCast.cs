namespace Torch.Nn;

/// <summary>Lua's <c>nn.DontCast(module[, castin, castout, moduleType])</c>: a <see cref="Decorator"/> whose module keeps its tensor type when
/// the network is converted (or takes <c>moduleType</c>); inputs are converted to the module's type and, with castout, outputs back
/// to the input's type (castin converts the gradient back the same way).</summary>
/// <remarks>Example: <c>net.Add(nn.DontCast(nn.Linear(3, 2).Double(), true, true)); net.Float();</c></remarks>
public class DontCast : Decorator
{
    /// <summary>Convert the gradInput back to the input's type (Lua's <c>castin</c>). Example: <c>d.Castin</c>.</summary>
    public bool Castin;
    /// <summary>Convert the output back to the input's type (Lua's <c>castout</c>). Example: <c>d.Castout</c>.</summary>
    public bool Castout;
    /// <summary>The type the module is kept in, or null for its current one (Lua's <c>moduleType</c>). Example: <c>d.ModuleType</c>.</summary>
    public string? ModuleType;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("castin", ref Castin);
        m.Field("castout", ref Castout);
        m.Field("moduleType", ref ModuleType);
    }

    /// <summary>Wraps <paramref name="module"/>. Example: <c>new DontCast(nn.Linear(3, 2), true, true)</c>.</summary>
    public DontCast(Module module, bool castin = false, bool? castout = null, string? moduleType = null) : base(module)
    {
        (Castin, Castout, ModuleType) = (castin, castout ?? castin, moduleType); // Lua: castout defaults to castin
        if (moduleType is not null) module.Type(moduleType);
        else if (Castin || Castout) ModuleType = TypeOf(module.Output) ?? module.Parameters().Params.FirstOrDefault()?.Type()
            ?? throw new ArgumentException($"{TypeName}: cannot extrapolate moduleType from {module}; give it as the fourth argument");
    }

    static LuaValue To(LuaValue v, string type) => Internal.Values.Map(v, t => t.Type() == type ? t : t.Type(type));

    static string? TypeOf(LuaValue v) => Internal.Values.Tensors(v).FirstOrDefault()?.Type();

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var y = base.UpdateOutput(To(input, Module.Type()));
        Output = Castout && TypeOf(input) is string t ? To(y, t) : y;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = Child(0, m => m.UpdateGradInput(To(input, m.Type()), To(gradOutput, m.Type())));
        GradInput = Castin && TypeOf(input) is string t ? To(g, t) : g;
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass) =>
        Child(0, m => pass.Run(m, To(input, m.Type()), To(gradOutput, m.Type())));

    /// <summary>Converts nothing but this decorator's own buffers, as Lua's type: the output it hands on (with castout) and the
    /// gradInput (with castin); the module keeps its type. Example: <c>d.Type("torch.FloatTensor");</c></summary>
    public override Module Type(string typeName)
    {
        if (Castout) Output = To(Output, typeName);
        if (Castin) GradInput = To(GradInput, typeName);
        return this;
    }

    /// <summary>Inside a network being converted, the same: the decorated module keeps its type.</summary>
    internal override void ConvertBy(Internal.Converting c) => Type(c.TypeName);
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.DontCast"/> (Lua's <c>nn.DontCast</c>). Example: <c>var m = nn.DontCast(module);</c></summary>
    public static DontCast DontCast(Module module, bool castin = false, bool? castout = null, string? moduleType = null) => new(module, castin, castout, moduleType);
}
