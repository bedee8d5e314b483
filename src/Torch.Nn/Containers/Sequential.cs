using System.Text;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Sequential</c>: feeds each child's output to the next.</summary>
/// <remarks>Example: <c>var net = nn.Sequential(); net.Add(nn.Linear(10, 5)).Add(nn.Tanh()); Tensor y = net.Forward(x);</c></remarks>
public class Sequential : Container
{
    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var current = input;
        for (int i = 0; i < Modules.Count; i++) current = RunChild(i, current);
        Output = current;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var g = gradOutput;
        for (int i = Modules.Count - 1; i >= 0; i--) g = ChildGradInput(i, i > 0 ? Modules[i - 1].Output : input, g);
        GradInput = g;
        return GradInput;
    }

    /// <summary>Lua's Sequential:backward: each child's backward in turn, the last first (a child's two gradients are computed
    /// together, as Lua's are, rather than every child's gradInput and then every child's parameter gradients).</summary>
    protected internal override LuaValue BackwardPass(LuaValue input, LuaValue gradOutput, double scale)
    {
        var g = gradOutput;
        for (int i = Modules.Count - 1; i >= 0; i--) g = ChildBackward(i, i > 0 ? Modules[i - 1].Output : input, g, scale);
        GradInput = g;
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass)
    {
        var g = gradOutput;
        for (int i = Modules.Count - 1; i >= 0; i--)
        {
            Child(i, pass, i > 0 ? Modules[i - 1].Output : input, g);
            g = Modules[i].GradInput;
        }
    }

    /// <summary>Torch7's text: <c>nn.Sequential {\n  [input -> (1) -> (2) -> output]\n  (1): nn.Linear(10 -> 5)\n  ...\n}</c>, "nn.Sequential" for its subclasses too (Maxout, CReLU...), as Lua writes it.
    /// Example: <c>Console.WriteLine(net);</c></summary>
    public override string ToString()
    {
        if (Modules is null) return NilModules;
        var sb = new StringBuilder("nn.Sequential").Append(" {\n  [input");
        for (int i = 1; i <= Modules.Count; i++) sb.Append(" -> (").Append(i).Append(')');
        sb.Append(" -> output]");
        for (int i = 0; i < Modules.Count; i++) sb.Append("\n  (").Append(i + 1).Append("): ").Append(Indent(Modules[i], "  "));
        return sb.Append("\n}").ToString();
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Sequential"/> (Lua's <c>nn.Sequential</c>). Example: <c>var m = nn.Sequential();</c></summary>
    public static Sequential Sequential() => new();
}
