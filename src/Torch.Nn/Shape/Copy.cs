namespace Torch.Nn;

/// <summary>Lua's <c>nn.Copy([inputType, outputType, forceCopy, dontCast])</c>: the input copied into a tensor of <see cref="OutputType"/>,
/// the gradient copied back into one of <see cref="InputType"/> (both default to the default tensor type). As in Lua, a module built
/// with equal types and no forceCopy passes the input and gradient through, whatever their types.</summary>
/// <remarks>Example: <c>Tensor f = nn.Copy("torch.DoubleTensor", "torch.FloatTensor").Forward(x);</c></remarks>
public class Copy : Module
{
    /// <summary>The input type name (Lua's <c>intype</c>, which Lua keeps as the type of its gradInput buffer). Example: <c>c.InputType</c>.</summary>
    public string InputType => ((Tensor)GradInput).Type();
    /// <summary>The output type name (Lua's <c>outtype</c>, the type of its output buffer). Example: <c>c.OutputType</c>.</summary>
    public string OutputType => ((Tensor)Output).Type();
    /// <summary>Copy even when the types are equal (Lua's <c>forceCopy</c>). Example: <c>c.ForceCopy</c>.</summary>
    public bool ForceCopy;
    /// <summary>Keep the types when the module is converted (Lua's <c>dontCast</c>). Example: <c>c.DontCast</c>.</summary>
    public bool DontCast;
    /// <summary>Decided once at construction, as Lua replaces its methods then: no forceCopy and equal types.</summary>
    bool passThrough;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.State(ref ForceCopy); // Lua's constructor uses it and keeps only its effect (passThrough)
        m.Field("dontCast", ref DontCast);
        m.State(ref passThrough); // as in Lua, where it is a method set by the constructor: a loaded Copy always copies
    }

    /// <summary>A converting layer. Example: <c>new Copy("torch.FloatTensor", "torch.DoubleTensor")</c>.</summary>
    public Copy(string? inputType = null, string? outputType = null, bool forceCopy = false, bool dontCast = false)
    {
        inputType ??= torch.GetDefaultTensorType();
        outputType ??= torch.GetDefaultTensorType();
        TensorType.Parse(inputType);
        TensorType.Parse(outputType);
        (GradInput, Output, ForceCopy, DontCast) = (torch.Tensor().Type(inputType), torch.Tensor().Type(outputType), forceCopy, dontCast);
        passThrough = !forceCopy && inputType == outputType;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input) =>
        Output = passThrough ? InputTensor(input) : Into(ref Output, OutputType, InputTensor(input));

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) =>
        GradInput = passThrough ? InputTensor(gradOutput, "gradOutput") : Into(ref GradInput, InputType, InputTensor(gradOutput, "gradOutput"));

    /// <summary>Lua's <c>buffer:resize(x:size()):copy(x)</c> into a buffer of the given type (a new one when it has another type).</summary>
    static Tensor Into(ref LuaValue slot, string type, Tensor x)
    {
        if (slot.Object is Tensor t && t.Type() == type && !ReferenceEquals(t, x)) return t.ResizeAs(x).Copy(x);
        var c = x.Type(type);
        slot = ReferenceEquals(c, x) ? x.Clone() : c;
        return (Tensor)slot.Object!;
    }

    /// <summary>Keeps the conversion types unless <see cref="DontCast"/> (Lua's type). Example: <c>c.Type("torch.FloatTensor");</c></summary>
    public override Module Type(string typeName)
    {
        if (DontCast) return this;
        return base.Type(typeName);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Copy"/> (Lua's <c>nn.Copy</c>). Example: <c>var m = nn.Copy();</c></summary>
    public static Copy Copy(string? inputType = null, string? outputType = null, bool forceCopy = false, bool dontCast = false) => new(inputType, outputType, forceCopy, dontCast);
}
