namespace Torch.Nn;

/// <summary>Lua's <c>nn.MapTable(module[, shared])</c>: applies clones of one module to every element of the input table; the clones
/// always share weight, bias, gradWeight and gradBias with the first (Lua's <c>shared or true</c> ignores the argument).</summary>
/// <remarks>Example: <c>Table outs = nn.MapTable(nn.Linear(4, 2)).Forward(new Table(a, b, c));</c></remarks>
public class MapTable : Container
{
    /// <summary>The module cloned for each element (Lua's <c>module</c>). Example: <c>m.Module</c>.</summary>
    public Module Module;
    /// <summary>Lua's <c>shared</c>: always true, as Lua's <c>self.shared = shared or true</c> makes it. Example: <c>m.Shared</c>.</summary>
    public bool Shared = true;
    /// <summary>The fields every clone shares with the first module (Lua's <c>sharedparams</c>). Example: <c>m.SharedParams</c>.</summary>
    public string[] SharedParams = { "weight", "bias", "gradWeight", "gradBias" };

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("module", ref Module);
        m.Field("shared", ref Shared);
        m.Field("sharedparams", ref SharedParams);
    }

    /// <summary>A mapping container; <paramref name="shared"/> is accepted as in Lua and, as there, changes nothing.
    /// Example: <c>new MapTable(nn.Linear(4, 2))</c>.</summary>
    public MapTable(Module module, bool shared = true)
    {
        Modules.Add(Module = module);
        LuaTables(output: true, gradInput: true);
    }

    void Extend(int n)
    {
        if (Modules.Count == 0) Modules.Add(Module);
        while (Modules.Count < n) Modules.Add(Module.Clone(SharedParams));
    }

    /// <summary>Keeps exactly <paramref name="n"/> clones, clearing and dropping the others (Lua's <c>resize</c>). Example: <c>m.Resize(3);</c></summary>
    public MapTable Resize(int n)
    {
        Extend(n);
        Drop(n);
        return this;
    }

    void Drop(int keep)
    {
        for (int i = Modules.Count - 1; i >= keep; i--)
        {
            Modules[i].ClearState();
            Modules.RemoveAt(i);
        }
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var t = Internal.TableArgs.Of(input, this);
        Extend(t.Length);
        var outs = new Table();
        for (int i = 0; i < t.Length; i++) outs.Insert(RunChild(i, t[i + 1]));
        Output = outs;
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var t = Internal.TableArgs.Of(input, this);
        Extend(t.Length);
        var g = Internal.TableArgs.Of(gradOutput, this, "gradOutput");
        var gi = new Table();
        for (int i = 0; i < t.Length; i++) gi.Insert(ChildGradInput(i, t[i + 1], g[i + 1]));
        GradInput = gi;
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass)
    {
        var t = Internal.TableArgs.Of(input, this);
        var g = Internal.TableArgs.Of(gradOutput, this, "gradOutput");
        Extend(t.Length);
        for (int i = 0; i < t.Length; i++) Child(i, pass, t[i + 1], g[i + 1]);
    }

    /// <summary>Zeroes the first module's gradients only (the clones share them), as Lua. Example: <c>m.ZeroGradParameters();</c></summary>
    public override void ZeroGradParameters() => Module.ZeroGradParameters();

    /// <summary>Updates the first module's parameters only (the clones share them), as Lua. Example: <c>m.UpdateParameters(0.1);</c></summary>
    public override void UpdateParameters(double learningRate) => Module.UpdateParameters(learningRate);

    /// <summary>Clears and drops clones 2..n, then clears the rest (Lua's <c>clearState</c>). Example: <c>m.ClearState();</c></summary>
    public override Module ClearState()
    {
        Drop(1);
        return base.ClearState();
    }

    /// <summary>Torch7's text, e.g. "nn.MapTable {\n  nn.Linear(4 -> 2)\n}" (the module's further lines indented by 8). Example: <c>m.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName} {{\n  {Indent(Module, "        ")}\n}}";
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MapTable"/> (Lua's <c>nn.MapTable</c>). Example: <c>var m = nn.MapTable(module);</c></summary>
    public static MapTable MapTable(Module module, bool shared = true) => new(module, shared);
}
