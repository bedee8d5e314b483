namespace Torch.Nn;

/// <summary>Lua's <c>nn.PrintSize([prefix])</c>: the identity, printing the sizes of the input and the gradient as they pass.</summary>
/// <remarks>Example: <c>net.Add(nn.PrintSize("after conv"));</c></remarks>
public class PrintSize : Module
{
    /// <summary>The label printed first (Lua's <c>prefix</c>). Example: <c>p.Prefix</c>.</summary>
    public string Prefix;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("prefix", ref Prefix);
    }

    /// <summary>A size printer. Example: <c>new PrintSize("x")</c>.</summary>
    public PrintSize(string prefix = "PrintSize") => Prefix = prefix;

    /// <summary>What Lua's <c>print(prefix .. ":input\n", size)</c> writes: the size as a printed LongStorage (a table as its description,
    /// nil as "missing size").</summary>
    static string Describe(LuaValue v) =>
        v.Object is Tensor t ? torch.LongStorage(t.Size()).ToString() : v.IsNil ? "missing size" : v.Describe();

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        Console.WriteLine($"{Prefix}:input\n\t{Describe(input)}");
        Output = input;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        Console.WriteLine($"{Prefix}:gradOutput\n\t{Describe(gradOutput)}");
        GradInput = gradOutput;
        return GradInput;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.PrintSize"/> (Lua's <c>nn.PrintSize</c>). Example: <c>var m = nn.PrintSize();</c></summary>
    public static PrintSize PrintSize(string prefix = "PrintSize") => new(prefix);
}
