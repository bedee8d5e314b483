using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>
/// The one place nn talks to libtorch autograd: leaves over existing tensors, and the gradients of some outputs with respect
/// to some leaves. Modules whose backward is <see cref="Gradient.Autograd"/> reach it through <see cref="Recording"/>, criterions
/// through <see cref="Criterion.UpdateGradInput"/>. Errors from libtorch surface to the caller.
/// </summary>
internal static class Autograd
{
    [ThreadStatic] static int replaying;

    /// <summary>Whether the current thread is replaying a forward for autograd (modules must not update running state then).</summary>
    internal static bool Replaying => replaying > 0;

    /// <summary>Runs <paramref name="forward"/> with autograd recording, flagged as a replay when <paramref name="replay"/> is set.</summary>
    internal static T Recorded<T>(bool replay, Func<T> forward)
    {
        if (replay) replaying++;
        try
        {
            using (TS.enable_grad()) return forward();
        }
        finally
        {
            if (replay) replaying--;
        }
    }

    /// <summary>An autograd leaf over <paramref name="t"/>'s storage and geometry with its own version counter, so that a change to
    /// <paramref name="t"/> between forward and backward (a Hogwild update, a perturbed input) is not refused by libtorch (which would
    /// abort the process from inside autograd): the backward reads the current values, as Lua's backward reads the current weight.</summary>
    internal static TT Leaf(TT t)
    {
        var leaf = Unversioned(t);
        Release(leaf.requires_grad_(true), leaf);
        return leaf;
    }

    /// <summary>A tensor with the same storage and geometry as <paramref name="t"/>, no graph, and its own version counter.</summary>
    internal static TT Unversioned(TT t)
    {
        using var d = t.detach();
        var r = TS.empty(0, t.dtype, t.device);
        Release(r.set_(d), r);
        return r;
    }

    /// <summary>Frees the extra wrapper some TorchSharp in-place calls return instead of their receiver.</summary>
    internal static void Release(TT returned, TT receiver)
    {
        if (!ReferenceEquals(returned, receiver)) returned.Dispose();
    }

    /// <summary>The gradients of <paramref name="ys"/>, weighted by <paramref name="gys"/> (reshaped and converted to match; null for a
    /// one-element loss), with respect to each leaf of <paramref name="wrt"/>: entry i is detached and owned by the caller, or null where
    /// wrt[i] is null or the outputs do not depend on it. The graph is freed. <paramref name="who"/> names the caller in errors.</summary>
    internal static TT?[] Grad(object who, IReadOnlyList<TT> ys, IReadOnlyList<Tensor>? gys, IReadOnlyList<TT?> wrt)
    {
        if (gys is not null && gys.Count != ys.Count)
            throw new ArgumentException($"{who}: gradOutput holds {gys.Count} tensors but the output holds {ys.Count}");
        var result = new TT?[wrt.Count];
        var heads = new List<TT>();
        var weights = new List<TT>();
        var temps = new List<TT>();
        try
        {
            for (int i = 0; i < ys.Count; i++)
            {
                if (!ys[i].requires_grad) continue;
                heads.Add(ys[i]);
                if (gys is null) continue;
                var g = gys[i];
                if (g.NElement() != ys[i].numel())
                    throw new ArgumentException($"{who}: gradOutput of size {g.SizeString()} does not match the output of size {string.Join("x", ys[i].shape)}");
                if (g.Raw.dtype == ys[i].dtype && g.Raw.shape.SequenceEqual(ys[i].shape)) { weights.Add(g.Raw); continue; }
                using var shaped = g.Raw.reshape(ys[i].shape);
                var w = shaped.to_type(ys[i].dtype);
                temps.Add(w);
                weights.Add(w);
            }
            var leaves = wrt.Where(l => l is not null).Select(l => l!).ToList();
            if (heads.Count == 0 || leaves.Count == 0) return result;
            var grads = TS.autograd.grad(heads, leaves, gys is null ? null : weights, retain_graph: false, allow_unused: true);
            for (int i = 0, k = 0; i < wrt.Count; i++)
            {
                if (wrt[i] is null) continue;
                var g = grads[k++];
                result[i] = g is null || g.IsInvalid ? null : g.detach();
            }
            foreach (var g in grads) g?.Dispose(); // the detached copies own the values now
            return result;
        }
        finally
        {
            foreach (var t in temps) t.Dispose();
        }
    }
}
