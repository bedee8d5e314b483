using Torch.Native;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>Lua's clone (a serialization round trip): a deep copy of everything declared, in which tensors that shared a storage
/// share one copy of it, with the same offsets and strides, and a module met twice is copied once.</summary>
internal sealed class Cloning : Walk
{
    readonly Dictionary<IntPtr, TT> storages = new();

    internal override bool Copies => true;

    /// <summary>A deep copy of a module or criterion tree.</summary>
    internal static T Copy<T>(T root) where T : class => (T)new Cloning().Map(root)!;

    protected override object MapObject(object o)
    {
        var copy = ShallowCopy(o);
        Done[o] = copy;
        Declare(copy);
        return copy;
    }

    protected override Tensor MapTensor(Tensor t) => new(StorageCopies.View(t, storages, flat => flat.clone()));
}
