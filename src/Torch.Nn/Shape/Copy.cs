namespace Torch.Nn;

/// <summary>Lua's <c>nn.Copy(inputType, outputType[, forceCopy, dontCast])</c>: the input converted to <see cref="OutputType"/>, the gradient
/// converted back to <see cref="InputType"/>.</summary>
/// <remarks>Example: <c>Tensor f = nn.Copy("torch.DoubleTensor", "torch.FloatTensor").Forward(x);</c></remarks>
public class Copy : Module
{
    /// <summary>The input type name (Lua's <c>intype</c>). Example: <c>c.InputType</c>.</summary>
    public string InputType;
    /// <summary>The output type name (Lua's <c>outtype</c>). Example: <c>c.OutputType</c>.</summary>
    public string OutputType;
    /// <summary>Copy even when the types are equal (Lua's <c>forceCopy</c>). Example: <c>c.ForceCopy</c>.</summary>
    public bool ForceCopy;
    /// <summary>Keep the types when the module is converted (Lua's <c>dontCast</c>). Example: <c>c.DontCast</c>.</summary>
    public bool DontCast;

    /// <summary>A converting layer. Example: <c>new Copy("torch.FloatTensor", "torch.DoubleTensor")</c>.</summary>
    public Copy(string inputType, string outputType, bool forceCopy = false, bool dontCast = false)
    {
        TensorType.Parse(inputType);
        TensorType.Parse(outputType);
        (InputType, OutputType, ForceCopy, DontCast) = (inputType, outputType, forceCopy, dontCast);
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = InputTensor(input);
        Output = !ForceCopy && x.Type() == OutputType ? x : x.Type(OutputType) is var c && ReferenceEquals(c, x) ? x.Clone() : c;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        GradInput = !ForceCopy && g.Type() == InputType ? g : g.Type(InputType) is var c && ReferenceEquals(c, g) ? g.Clone() : c;
        return GradInput;
    }

    /// <summary>Keeps the conversion types unless <see cref="DontCast"/> (Lua's type). Example: <c>c.Type("torch.FloatTensor");</c></summary>
    public override Module Type(string typeName)
    {
        if (!DontCast) (InputType, OutputType) = (typeName, typeName);
        return base.Type(typeName);
    }
}
