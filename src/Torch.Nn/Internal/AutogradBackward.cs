using TorchSharp;
using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>
/// The default backward of a module: replays its forward with libtorch autograd recording, on detached
/// leaves that share the input's and the parameters' storage, and asks autograd for the gradients.
/// Forwards themselves never record a graph (no tensor of this library requires grad outside this replay).
/// </summary>
internal static class AutogradBackward
{
    /// <summary>Gradients of one replay: the input's (as a LuaValue shaped like the input) and each parameter's.</summary>
    internal sealed class Pending
    {
        readonly object? input, gradOutput;
        internal readonly LuaValue GradInput;
        readonly TT?[] paramGrads;

        internal Pending(object? input, object? gradOutput, LuaValue gradInput, TT?[] paramGrads)
        {
            this.input = input;
            this.gradOutput = gradOutput;
            GradInput = gradInput;
            this.paramGrads = paramGrads;
        }

        internal bool Matches(LuaValue i, LuaValue g) => ReferenceEquals(i.Object, input) && ReferenceEquals(g.Object, gradOutput);

        internal void Accumulate(List<Tensor> grads, double scale)
        {
            for (int k = 0; k < grads.Count && k < paramGrads.Length; k++)
            {
                var g = paramGrads[k];
                if (g is null || grads[k] is null) continue;
                using (g)
                using (var shaped = g.reshape(grads[k].Raw.shape))
                    Scaled.Add(grads[k], shaped, scale);
                paramGrads[k] = null;
            }
        }
    }

    [ThreadStatic] static int replaying;

    /// <summary>Whether the current thread is replaying a forward for autograd (modules must not update running state then).</summary>
    internal static bool Replaying => replaying > 0;

    internal static Pending Run(Module m, LuaValue input, LuaValue gradOutput)
    {
        var leaves = new List<TT?>();
        var wrappers = new List<Tensor>();
        bool wantInput = !m.GradInput.IsNil; // Lua's idiom: m.gradInput = nil skips the input gradient
        LuaValue leafInput = Values.Map(input, t =>
        {
            if (!wantInput || !TensorType.IsFloating(t.ScalarType)) { leaves.Add(null); return t; }
            var leaf = t.Raw.detach();
            Recording.Release(leaf.requires_grad_(true), leaf);
            leaves.Add(leaf);
            var w = new Tensor(leaf);
            wrappers.Add(w);
            return w;
        });
        var ps = m.Parameters().Params;
        var toggled = new List<TT>();
        foreach (var p in ps)
            if (p is not null && TensorType.IsFloating(p.ScalarType) && !p.Raw.requires_grad) { Recording.Release(p.Raw.requires_grad_(true), p.Raw); toggled.Add(p.Raw); }
        var savedOutput = m.Output;
        var placeholder = new Tensor(torch.Empty(savedOutput.Object is Tensor so ? so.ScalarType : torch.DefaultScalarType, false, 0));
        m.Output = placeholder;
        try
        {
            LuaValue outv;
            replaying++;
            try
            {
                using (TS.enable_grad()) outv = m.UpdateOutput(leafInput);
            }
            finally { replaying--; }
            var outs = Values.Tensors(outv);
            var gouts = Values.Tensors(gradOutput);
            if (outs.Count != gouts.Count)
                throw new ArgumentException($"{m}: gradOutput holds {gouts.Count} tensors but the output holds {outs.Count}");
            var ys = new List<TT>();
            var gs = new List<TT>();
            var temps = new List<TT>();
            for (int i = 0; i < outs.Count; i++)
            {
                if (!outs[i].Raw.requires_grad) continue;
                if (outs[i].NElement() != gouts[i].NElement())
                    throw new ArgumentException($"{m}: gradOutput of size {gouts[i].SizeString()} does not match the output of size {outs[i].SizeString()}");
                ys.Add(outs[i].Raw);
                var g = gouts[i].Raw;
                if (!gouts[i].IsSameSizeAs(outs[i]) || g.dtype != outs[i].Raw.dtype)
                {
                    g = g.reshape(outs[i].Raw.shape).to_type(outs[i].Raw.dtype);
                    temps.Add(g);
                }
                gs.Add(g);
            }
            var wrt = new List<TT>();
            foreach (var l in leaves) if (l is not null) wrt.Add(l);
            foreach (var p in ps) if (p is not null && p.Raw.requires_grad) wrt.Add(p.Raw);
            IList<TT>? grads = ys.Count > 0 && wrt.Count > 0
                ? TS.autograd.grad(ys, wrt, gs, retain_graph: false, create_graph: false, allow_unused: true)
                : null;
            foreach (var t in temps) t.Dispose();
            int k = 0;
            var inputGrads = new List<TT?>();
            foreach (var l in leaves) inputGrads.Add(l is null ? null : Grad(grads, k++));
            var paramGrads = new TT?[ps.Count];
            for (int i = 0; i < ps.Count; i++)
                if (ps[i] is not null && ps[i].Raw.requires_grad) paramGrads[i] = Grad(grads, k++);
            if (grads is not null) foreach (var g0 in grads) g0?.Dispose(); // Grad() detached what is kept
            int j = 0;
            var gradInput = !wantInput ? LuaValue.Nil : Values.Map(input, t =>
            {
                var g = inputGrads[j++];
                return g is null ? new Tensor(TS.zeros(t.Raw.shape, TensorType.IsFloating(t.ScalarType) ? t.ScalarType : placeholder.ScalarType)) : new Tensor(g);
            });
            if (!ReferenceEquals(outv.Object, placeholder)) Values.Dispose(outv, input, leafInput);
            return new Pending(input.Object, gradOutput.Object, gradInput, paramGrads);
        }
        finally
        {
            foreach (var t in toggled) Recording.Release(t.requires_grad_(false), t);
            m.Output = savedOutput;
            placeholder.Dispose();
            foreach (var w in wrappers) w.Dispose();
        }
    }

    static TT? Grad(IList<TT>? grads, int k)
    {
        if (grads is null || grads[k] is null || grads[k].IsInvalid) return null;
        return grads[k].detach();
    }

    /// <summary>Copies the gradient into the module's gradInput buffer (a tensor buffer is reused; a table is rebuilt).</summary>
    internal static LuaValue StoreGradInput(Module m, LuaValue input, LuaValue grad)
    {
        if (grad.IsNil) return grad;
        if (grad.Object is Tensor g)
        {
            var buffer = Buffers.Fit(ref m.GradInput, g.ScalarType);
            buffer.Into(g.Raw.alias());
            g.Dispose();
            return buffer;
        }
        return grad;
    }
}
