using TorchSharp;
using ScalarType = TorchSharp.torch.ScalarType;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>Lua's type(t, tensorCache): converts every declared tensor in place (each tensor object keeps its identity, tensors
/// that shared a storage still share one). A module may change how it is converted (<see cref="Module.ConvertBy"/>: DontCast
/// keeps its type, GPU converts on its device).</summary>
internal sealed class Converting : Walk
{
    readonly Dictionary<IntPtr, TT> storages = new();
    readonly ScalarType type;

    Converting(string typeName)
    {
        TypeName = typeName;
        (type, ToCuda) = TensorType.Parse(typeName);
    }

    /// <summary>The Lua name of the target type, e.g. "torch.FloatTensor".</summary>
    internal string TypeName { get; }

    /// <summary>Whether the target is a CUDA type.</summary>
    internal bool ToCuda { get; }

    internal override bool Copies => false;

    /// <summary>Converts a module or criterion tree to <paramref name="typeName"/>.</summary>
    internal static void Run(object root, string typeName) => new Converting(typeName).Map(root);

    protected override object MapObject(object o)
    {
        Done[o] = o;
        if (o is Module m) m.ConvertBy(this); else Declare(o);
        return o;
    }

    /// <summary>Visits the declaration of <paramref name="m"/> (what <see cref="Module.ConvertBy"/> does by default).</summary>
    internal void Visit(Module m) => Declare(m);

    // CUDA tensors go to the device current when each is converted, so that a GPU inside the tree can place its module
    protected override Tensor MapTensor(Tensor t) => t.Reset(StorageCopies.View(t, storages, flat =>
        flat.to(type, ToCuda ? new TS.Device(DeviceType.CUDA, cutorch.CurrentDevice) : TS.CPU, copy: true)));
}
