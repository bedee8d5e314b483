namespace Torch.Nn;

/// <summary>Lua's <c>nn.Decorator(module)</c>: a container of one module that passes every call through; subclasses add behaviour.</summary>
/// <remarks>Example: <c>var d = new Decorator(nn.Linear(3, 2)); Tensor y = d.Forward(x);</c></remarks>
public class Decorator : Container
{
    /// <summary>Wraps <paramref name="module"/>. Example: <c>new Decorator(nn.Tanh())</c>.</summary>
    public Decorator(Module module) => Modules.Add(module);

    /// <summary>The decorated module (Lua's <c>modules[1]</c>). Example: <c>d.Module</c>.</summary>
    public Module Module => Modules[0];

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        Output = RunChild(0, input);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        GradInput = ChildGradInput(0, input, gradOutput);
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass) =>
        Child(0, pass, input, gradOutput);

    /// <summary>Torch7's text: the class name then the decorated module. Example: <c>d.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName} @ {Indent(Module, "  ")}";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Decorator"/> (Lua's <c>nn.Decorator</c>). Example: <c>var m = nn.Decorator(module);</c></summary>
    public static Decorator Decorator(Module module) => new(module);
}
