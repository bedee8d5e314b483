using Torch.Nn.Internal;
using TorchSharp;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.GPU(module, device[, outdevice=device])</c>: a <see cref="Decorator"/> that hosts its module's parameters on
/// CUDA device <c>device</c> (1-based) and runs it there. CUDA inputs and gradOutputs held by another device are copied to it, the
/// output is copied to <c>outdevice</c>, and the gradInput back to the device of the input — model parallelism over several GPUs.
/// While the module is of a CPU type every call passes straight through, as in Lua, so a network written for several GPUs
/// runs unchanged on a CPU machine. A .t7 file keeps it in the common module layout (Lua's own <c>GPU:write</c> puts a
/// {type, device} header first; such files do not load here).</summary>
/// <remarks>Example: <c>net.Add(nn.GPU(nn.Linear(1000, 1000), 2, 1)); net.Cuda();  // the Linear on GPU 2, its output back on GPU 1</c></remarks>
public class GPU : Decorator
{
    /// <summary>The device (1-based) that holds the module and runs it (Lua's <c>device</c>). Example: <c>g.Device</c>.</summary>
    public int Device;
    /// <summary>The device (1-based) the output is copied to (Lua's <c>outdevice</c>). Example: <c>g.Outdevice</c>.</summary>
    public int Outdevice;

    bool onCuda; // Lua's self._type == 'torch.CudaTensor'
    LuaValue input, gradOutput; // Lua's _input and _gradOutput: the values on Device

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("device", ref Device);
        m.Field("outdevice", ref Outdevice);
        m.State(ref onCuda);
        m.Buffer("_input", ref input);
        m.Buffer("_gradOutput", ref gradOutput);
    }

    /// <summary>Places <paramref name="module"/> on <paramref name="device"/>; a module already of a CUDA type is moved there now.
    /// Example: <c>new GPU(nn.Linear(10, 10), 2)</c>.</summary>
    public GPU(Module module, int device, int? outdevice = null) : base(module)
    {
        if (device < 1 || outdevice < 1)
            throw new ArgumentOutOfRangeException(nameof(device), $"{TypeName}: devices are numbered from 1, got device {device}, outdevice {outdevice}");
        (Device, Outdevice) = (device, outdevice ?? device);
        if (TensorType.Parse(module.Type()).Cuda) Type(module.Type());
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        if (!onCuda) return base.UpdateOutput(input);
        this.input = To(input, Device);
        var y = cutorch.WithDevice(Device, () => base.UpdateOutput(this.input));
        Output = Device == Outdevice ? y : To(y, Outdevice);
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        if (!onCuda) return base.UpdateGradInput(input, gradOutput);
        this.gradOutput = To(gradOutput, Device);
        var g = cutorch.WithDevice(Device, () => base.UpdateGradInput(this.input, this.gradOutput));
        GradInput = Like(g, input);
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass)
    {
        if (!onCuda) base.ForEachChildBackward(input, gradOutput, pass);
        else cutorch.WithDevice(Device, () => base.ForEachChildBackward(this.input, this.gradOutput, pass));
    }

    /// <summary>Converts the module; to a CUDA type it goes to <see cref="Device"/> (Lua's <c>GPU:type</c>), whether this GPU is
    /// converted itself or inside a network.</summary>
    internal override void ConvertBy(Converting c) => Placed(c.ToCuda, () => { c.Visit(this); return 0; });

    /// <summary>Runs a conversion of this module to CUDA (on <see cref="Device"/>) or to a CPU type, and remembers which; the
    /// converter of an enclosing network calls it too, as Lua's recursive type() calls GPU:type.</summary>
    internal T Placed<T>(bool cuda, Func<T> convert)
    {
        var converted = cuda ? cutorch.WithDevice(Device, convert) : convert();
        onCuda = cuda; // only once the conversion has succeeded: a failed Cuda() leaves a working CPU module
        (input, gradOutput) = (LuaValue.Nil, LuaValue.Nil);
        return converted;
    }

    /// <summary>Torch7's text: "nn.GPU(2) @ " then the module. Example: <c>g.ToString()</c>.</summary>
    public override string ToString() => $"{TypeName}({Device}) @ {Indent(Module, "")}";

    /// <summary>Each CUDA tensor of <paramref name="v"/> that another device holds, copied to <paramref name="device"/>.</summary>
    static LuaValue To(LuaValue v, int device) => Values.Map(v, t => OnDevice(t, device));

    /// <summary><paramref name="v"/> with each CUDA tensor on the device of the matching tensor of <paramref name="proto"/>.</summary>
    static LuaValue Like(LuaValue v, LuaValue proto) => (v.Object, proto.Object) switch
    {
        (Table tv, Table tp) => new Table(tv.IPairs().Select((e, i) => Like(e, tp[i + 1])).ToArray()),
        (Tensor t, Tensor p) when p.IsCuda => OnDevice(t, p.GetDevice()),
        _ => v,
    };

    static Tensor OnDevice(Tensor t, int device) =>
        !t.IsCuda || t.GetDevice() == device || t.NElement() == 0 ? t
        : new Tensor(t.Raw.to(new TS.Device(DeviceType.CUDA, device - 1), copy: true)).Owns();
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.GPU"/> (Lua's <c>nn.GPU</c>). Example: <c>var m = nn.GPU(module, device);</c></summary>
    public static GPU GPU(Module module, int device, int? outdevice = null) => new(module, device, outdevice);
}
