using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>Lua's <c>nn.Module.flatten</c>: copies the storages of a set of tensors into one flat tensor and re-points each tensor into it.</summary>
internal static class Flattener
{
    internal static Tensor Flatten(List<Tensor> tensors)
    {
        if (tensors.Count == 0) return torch.Tensor();
        var first = tensors[0];
        var storages = new Dictionary<IntPtr, (TT Flat, long Offset)>();
        var meta = new (long Offset, long[] Size, long[] Stride)[tensors.Count];
        long n = 0;
        for (int k = 0; k < tensors.Count; k++)
        {
            var t = tensors[k];
            IntPtr key = THS.THSStorage_data_ptr(t.Raw.Handle);
            if (key == IntPtr.Zero || t.NElement() == 0) { meta[k] = (0, t.Size(), t.Stride()); continue; }
            if (!storages.TryGetValue(key, out var s))
            {
                long size = t.StorageSize;
                s = (t.Raw.as_strided(new[] { size }, new[] { 1L }, 0), n);
                storages[key] = s;
                n += size;
            }
            meta[k] = (t.Raw.storage_offset() + s.Offset, t.Size(), t.Stride());
        }
        var flat = torch.Empty(first.ScalarType, first.IsCuda, n);
        Autograd.Release(flat.zero_(), flat);
        using var mask = TS.zeros(n, TS.ScalarType.Int64, flat.device);
        bool compact = true;
        foreach (var (off, size, stride) in meta)
        {
            if (size.Length == 0 || size.Contains(0)) continue;
            using (var v = mask.as_strided(size, stride, off)) v.Fill_(1);
            compact &= IsCompact(size, stride);
        }
        foreach (var (sflat, off) in storages.Values)
        {
            using (var dst = flat.narrow(0, off, sflat.numel())) dst.copy_(sflat);
            sflat.Dispose();
        }
        long used = mask.sum().item<long>();
        if (used != n)
        {
            if (!compact) throw new InvalidOperationException("GetParameters: cannot gather tensors that are not compact");
            using var m = mask.to_type(TS.ScalarType.Bool);
            var compacted = flat.masked_select(m);
            flat.Dispose();
            flat = compacted;
            using var offsets = mask.cumsum(0);
            for (int k = 0; k < meta.Length; k++)
                if (meta[k].Size.Length > 0 && !meta[k].Size.Contains(0))
                    meta[k].Offset = offsets[meta[k].Offset].item<long>() - 1;
        }
        for (int k = 0; k < tensors.Count; k++)
        {
            var (off, size, stride) = meta[k];
            if (size.Length == 0) continue;
            tensors[k].Reset(size.Contains(0) ? torch.Empty(first.ScalarType, first.IsCuda, size) : flat.as_strided(size, stride, off));
        }
        return new Tensor(flat).Owns();
    }

    /// <summary>Whether the elements a geometry reaches form one block without holes (strides sorted, zero strides dropped).</summary>
    static bool IsCompact(long[] size, long[] stride)
    {
        var dims = size.Zip(stride).Where(d => d.Second > 0).OrderByDescending(d => d.Second).ToArray();
        long z = 1;
        for (int d = dims.Length - 1; d >= 0; d--)
        {
            if (dims[d].First == 1) continue;
            if (dims[d].Second != z) return false;
            z *= dims[d].First;
        }
        return true;
    }
}
