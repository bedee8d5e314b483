using System.Diagnostics;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.Profile(module[, print_interval=100, name])</c>: a <see cref="Decorator"/> that times the module's forward and
/// backward and prints the mean times every <see cref="PrintInterval"/> calls.</summary>
/// <remarks>Example: <c>net.Add(nn.Profile(nn.SpatialConvolution(3, 16, 5, 5), 10, "conv1"));</c></remarks>
public class Profile : Decorator
{
    /// <summary>Calls between printouts (Lua's <c>print_interval</c>). Example: <c>p.PrintInterval</c>.</summary>
    public int PrintInterval;
    /// <summary>The label (Lua's <c>name</c>). Example: <c>p.Name</c>.</summary>
    public string Name;
    /// <summary>Total seconds spent in forwards (Lua's <c>summedFwdTime</c>). Example: <c>p.SummedFwdTime</c>.</summary>
    public double SummedFwdTime;
    /// <summary>Total seconds spent in backwards (Lua's <c>summedBwdTime</c>). Example: <c>p.SummedBwdTime</c>.</summary>
    public double SummedBwdTime;
    /// <summary>Number of forwards (Lua's <c>numFwds</c>). Example: <c>p.NumFwds</c>.</summary>
    public int NumFwds;
    /// <summary>Number of backwards (Lua's <c>numBwds</c>). Example: <c>p.NumBwds</c>.</summary>
    public int NumBwds;
    /// <summary>Lua's <c>timer</c> (its forward and backward are timed here with the Stopwatch).</summary>
    Timer timer = torch.Timer();

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("print_interval", ref PrintInterval);
        m.Field("name", ref Name);
        m.Field("summedFwdTime", ref SummedFwdTime);
        m.Field("summedBwdTime", ref SummedBwdTime);
        m.Field("numFwds", ref NumFwds);
        m.Field("numBwds", ref NumBwds);
        m.Field("timer", ref timer);
    }

    /// <summary>Wraps <paramref name="module"/>. Example: <c>new Profile(nn.Linear(3, 2), 100, "fc")</c>.</summary>
    public Profile(Module module, int printInterval = 100, string? name = null) : base(module)
    {
        (PrintInterval, Name) = (printInterval, name ?? module.TypeName);
        LuaOnly(("module", module)); // Lua's second reference to modules[1]
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        long t0 = Stopwatch.GetTimestamp();
        var y = base.UpdateOutput(input);
        SummedFwdTime += Stopwatch.GetElapsedTime(t0).TotalSeconds;
        if (++NumFwds % PrintInterval == 0) Console.WriteLine($"{Name} took {SummedFwdTime / NumFwds} seconds for fwd");
        return y;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        long t0 = Stopwatch.GetTimestamp();
        var g = base.UpdateGradInput(input, gradOutput);
        SummedBwdTime += Stopwatch.GetElapsedTime(t0).TotalSeconds;
        if (++NumBwds % PrintInterval == 0) Console.WriteLine($"{Name} took {SummedBwdTime / NumBwds} seconds for bwd");
        return g;
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Profile"/> (Lua's <c>nn.Profile</c>). Example: <c>var m = nn.Profile(module);</c></summary>
    public static Profile Profile(Module module, int printInterval = 100, string? name = null) => new(module, printInterval, name);
}
