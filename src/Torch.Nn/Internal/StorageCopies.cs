using Torch.Native;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>Copies or conversions of tensors that keep storage sharing: each storage is mapped once, and each tensor becomes
/// the same view (offset, sizes, strides) of its storage's image.</summary>
internal static class StorageCopies
{
    /// <summary>The address of the tensor's storage (zero when it has none): equal for tensors that share one.</summary>
    internal static IntPtr StorageKey(Tensor t) => THS.THSStorage_data_ptr(t.Raw.Handle);

    internal static TT View(Tensor t, Dictionary<IntPtr, TT> storages, Func<TT, TT> mapStorage)
    {
        IntPtr key = StorageKey(t);
        if (key == IntPtr.Zero)
        {
            using var e = torch.Empty(t.ScalarType, t.IsCuda, 0);
            return mapStorage(e);
        }
        if (!storages.TryGetValue(key, out var flat))
        {
            using var src = t.Raw.as_strided(new[] { t.StorageSize }, new[] { 1L }, 0);
            flat = mapStorage(src);
            storages[key] = flat;
        }
        return flat.as_strided(t.Raw.shape, t.Raw.stride(), t.Raw.storage_offset());
    }
}
