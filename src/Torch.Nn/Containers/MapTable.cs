namespace Torch.Nn;

/// <summary>Lua's <c>nn.MapTable([module, shared=true])</c>: applies clones of one module to every element of the input table; the clones
/// share the parameters and their gradients (unless <c>shared</c> is false).</summary>
/// <remarks>Example: <c>Table outs = nn.MapTable(nn.Linear(4, 2)).Forward(new Table(a, b, c));</c></remarks>
public class MapTable : Container
{
    /// <summary>The module cloned for each element (Lua's <c>module</c>). Example: <c>m.Module</c>.</summary>
    public Module Module;
    /// <summary>Whether the clones share parameters (Lua's <c>shared</c>). Example: <c>m.Shared</c>.</summary>
    public bool Shared;

    /// <summary>A mapping container. Example: <c>new MapTable(nn.Linear(4, 2))</c>.</summary>
    public MapTable(Module module, bool shared = true)
    {
        (Module, Shared) = (module, shared);
        Modules.Add(module);
    }

    void Extend(int n)
    {
        while (Modules.Count < n)
            Modules.Add(Shared ? Module.Clone("weight", "bias", "gradWeight", "gradBias") : Module.Clone());
    }

    /// <inheritdoc/>
    public override (List<Tensor> Params, List<Tensor> GradParams) Parameters() => Module.Parameters();

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var t = Internal.TableArgs.Of(input, this);
        Extend(t.Length);
        var outs = new Table();
        for (int i = 0; i < t.Length; i++) outs.Insert(Child(i, m => m.Run(t[i + 1])));
        Output = outs;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var t = Internal.TableArgs.Of(input, this);
        var g = Internal.TableArgs.Of(gradOutput, this, "gradOutput");
        var gi = new Table();
        for (int i = 0; i < t.Length; i++) gi.Insert(Child(i, m => m.UpdateGradInput(t[i + 1], g[i + 1])));
        GradInput = gi;
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, Action<Module, LuaValue, LuaValue> f)
    {
        var t = Internal.TableArgs.Of(input, this);
        var g = Internal.TableArgs.Of(gradOutput, this, "gradOutput");
        for (int i = 0; i < t.Length; i++) Child(i, m => f(m, t[i + 1], g[i + 1]));
    }

    /// <inheritdoc/>
    public override void ZeroGradParameters()
    {
        if (Shared) Module.ZeroGradParameters();
        else base.ZeroGradParameters();
    }

    /// <inheritdoc/>
    public override void UpdateParameters(double learningRate)
    {
        if (Shared) Module.UpdateParameters(learningRate);
        else base.UpdateParameters(learningRate);
    }

    /// <summary>Torch7's text, e.g. "nn.MapTable {\n  nn.Linear(4 -> 2)\n}" (the module's further lines indented by 8). Example: <c>m.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName} {{\n  {Indent(Module, "        ")}\n}}";
}
