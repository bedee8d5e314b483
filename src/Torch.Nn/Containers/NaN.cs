using TorchSharp;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.NaN(module[, id])</c>: a <see cref="Decorator"/> that throws, naming the module, when its input, output,
/// gradOutput or gradInput holds a NaN.</summary>
/// <remarks>Example: <c>net.Add(nn.NaN(nn.Linear(3, 2)));</c></remarks>
public class NaN : Decorator
{
    /// <summary>A label for the messages (Lua's <c>id</c>: the name given, else a number from a process-wide counter, as Lua's
    /// <c>NaN.newId()</c>). Example: <c>n.Id</c>.</summary>
    public LuaValue Id;

    static int idseq;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("id", ref Id);
    }

    /// <summary>Wraps <paramref name="module"/>. Example: <c>new NaN(nn.Log(), "log")</c>.</summary>
    public NaN(Module module, string? id = null) : base(module) => Id = id is null ? new LuaValue(Interlocked.Increment(ref idseq)) : id;

    void Check(LuaValue v, string what)
    {
        foreach (var t in Internal.Values.Tensors(v))
            if (TensorType.IsFloating(t.ScalarType) && t.NElement() > 0)
            {
                using var nan = t.Raw.isnan();
                using var any = nan.any();
                if (any.ToBoolean()) throw new InvalidOperationException($"{TypeName} {Id.Object}: NaN found in {what} of {Module}");
            }
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        Check(input, "input");
        var o = base.UpdateOutput(input);
        Check(o, "output");
        return o;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        Check(gradOutput, "gradOutput");
        var g = base.UpdateGradInput(input, gradOutput);
        Check(g, "gradInput");
        return g;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.NaN"/> (Lua's <c>nn.NaN</c>). Example: <c>var m = nn.NaN(module);</c></summary>
    public static NaN NaN(Module module, string? id = null) => new(module, id);
}
