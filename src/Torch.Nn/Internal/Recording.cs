using System.Collections.Concurrent;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>
/// The autograd graph of a module's last training forward, kept so that its default backward need not replay the forward.
/// The forward runs on leaves that share the storage of the input and the parameters but not their version counters, so a
/// change to either between forward and backward (a Hogwild update, a perturbed input) is not refused by libtorch (which would
/// abort the process from inside autograd): the backward reads the current values, as Lua's backward reads the current weight.
/// </summary>
internal sealed class Recording : IDisposable
{
    static readonly ConcurrentDictionary<Type, bool> AutogradTypes = new();

    internal readonly object Input;
    readonly TT output, inputLeaf;
    readonly TT?[] paramLeaves;

    Recording(object input, TT output, TT inputLeaf, TT?[] paramLeaves) =>
        (Input, this.output, this.inputLeaf, this.paramLeaves) = (input, output, inputLeaf, paramLeaves);

    /// <summary>Whether the module's backward is the default autograd one (it does not override UpdateGradInput).</summary>
    internal static bool UsesAutograd(Module m) => AutogradTypes.GetOrAdd(m.GetType(), t =>
        t.GetMethod(nameof(Module.UpdateGradInput))!.DeclaringType == typeof(Module));

    /// <summary>Runs the module's forward recording its graph; the module's Output buffer then views the result's values.</summary>
    internal static LuaValue Forward(Module m, Tensor x)
    {
        m.Recorded?.Dispose();
        m.Recorded = null;
        var ps = m.Parameters().Params;
        var leaves = new TT?[ps.Count];
        var originals = new TT?[ps.Count];
        var inputLeaf = Leaf(x.Raw);
        var savedOutput = m.Output;
        var placeholder = new Tensor(torch.Empty(x.ScalarType, x.IsCuda, 0));
        m.Output = placeholder;
        TT result;
        try
        {
            for (int i = 0; i < ps.Count; i++)
                if (ps[i] is not null && TensorType.IsFloating(ps[i].ScalarType))
                {
                    leaves[i] = Leaf(ps[i].Raw);
                    originals[i] = ps[i].Swap(leaves[i]!);
                }
            using (TS.enable_grad())
            {
                var outv = m.UpdateOutput(new Tensor(inputLeaf));
                if (outv.Object is not Tensor o) throw new InvalidOperationException($"{m}: the forward of a module with an autograd backward must return a Tensor, got {outv.Describe()}");
                result = o.Raw.alias();
            }
        }
        catch
        {
            inputLeaf.Dispose();
            foreach (var l in leaves) l?.Dispose();
            throw;
        }
        finally
        {
            for (int i = 0; i < ps.Count; i++)
                if (originals[i] is not null) ps[i].Swap(originals[i]!);
            m.Output = savedOutput;
            placeholder.Dispose();
        }
        var buffer = Buffers.Fit(ref m.Output, result.dtype);
        buffer.Reset(Unversioned(result)).Owns();
        if (result.requires_grad) m.Recorded = new Recording(x, result, inputLeaf, leaves);
        else
        {
            result.Dispose();
            inputLeaf.Dispose();
            foreach (var l in leaves) l?.Dispose();
        }
        return m.Output;
    }

    /// <summary>An autograd leaf over <paramref name="t"/>'s storage (see <see cref="Unversioned"/>).</summary>
    static TT Leaf(TT t)
    {
        var leaf = Unversioned(t);
        Release(leaf.requires_grad_(true), leaf);
        return leaf;
    }

    /// <summary>Frees the extra wrapper some TorchSharp in-place calls return instead of their receiver.</summary>
    internal static void Release(TT returned, TT receiver)
    {
        if (!ReferenceEquals(returned, receiver)) returned.Dispose();
    }

    /// <summary>A tensor with the same storage and geometry as <paramref name="t"/>, no graph, and its own version counter.</summary>
    static TT Unversioned(TT t)
    {
        using var d = t.detach();
        var r = TS.empty(0, t.dtype, t.device);
        Release(r.set_(d), r);
        return r;
    }

    /// <summary>The gradients from the recorded graph, or null when it does not apply (another input, a table, a refused graph).</summary>
    internal AutogradBackward.Pending? Backward(Module m, LuaValue input, LuaValue gradOutput)
    {
        if (!ReferenceEquals(input.Object, Input) || gradOutput.Object is not Tensor g) return null;
        if (g.NElement() != output.numel())
            throw new ArgumentException($"{m}: gradOutput of size {g.SizeString()} does not match the output of {output.numel()} elements");
        using var shaped = g.Raw.reshape(output.shape);
        using var gv = shaped.to_type(output.dtype);
        bool wantInput = !m.GradInput.IsNil; // Lua's idiom: m.gradInput = nil skips the input gradient (a first layer)
        var wrt = new List<TT>();
        if (wantInput) wrt.Add(inputLeaf);
        foreach (var l in paramLeaves) if (l is not null) wrt.Add(l);
        if (wrt.Count == 0) return new AutogradBackward.Pending(input.Object, gradOutput.Object, LuaValue.Nil, new TT?[paramLeaves.Length]);
        IList<TT> grads;
        try
        {
            grads = TS.autograd.grad(new[] { output }, wrt, new[] { gv }, retain_graph: false, allow_unused: true);
        }
        catch (Exception)
        {
            return null; // e.g. the weights or the input changed in place since the forward: replay instead
        }
        LuaValue gi = !wantInput ? LuaValue.Nil
            : new Tensor(grads[0] is null || grads[0].IsInvalid ? TS.zeros_like(inputLeaf) : grads[0].detach());
        var paramGrads = new TT?[paramLeaves.Length];
        for (int i = 0, k = wantInput ? 1 : 0; i < paramLeaves.Length; i++)
            if (paramLeaves[i] is not null)
            {
                var pg = grads[k++];
                paramGrads[i] = pg is null || pg.IsInvalid ? null : pg.detach();
            }
        foreach (var g0 in grads) g0?.Dispose(); // the detached copies above own the values now
        return new AutogradBackward.Pending(input.Object, gradOutput.Object, gi, paramGrads);
    }

    /// <summary>Frees the graph and the leaves.</summary>
    public void Dispose()
    {
        output.Dispose();
        inputLeaf.Dispose();
        foreach (var l in paramLeaves) l?.Dispose();
    }
}
