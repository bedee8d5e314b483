using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>
/// The backward of a module whose <see cref="Module.Gradient"/> is <see cref="Gradient.Autograd"/>: one forward run on autograd
/// leaves (<see cref="Autograd.Leaf"/>) over the input's and the parameters' storage, and, after <see cref="Backward"/>, the
/// gradients it gave until <see cref="Module.AccGradParameters"/> takes the parameters' share. A training forward records one, so
/// the backward need not run the forward again; a backward for another input (or after an evaluation forward) replays it.
/// </summary>
internal sealed class Recording : IDisposable
{
    readonly object? input;
    TT[]? outputs; // the graph's heads; null once the backward has run
    readonly TT?[] inputLeaves, paramLeaves; // one per tensor of the input / per parameter; null where not floating
    object? gradOutput;
    TT?[]? paramGrads;

    /// <summary>The input gradient of the last <see cref="Backward"/>, shaped like the input (nil when the module's GradInput is nil).</summary>
    internal LuaValue GradInput { get; private set; }

    Recording(object? input, TT[] outputs, TT?[] inputLeaves, TT?[] paramLeaves) =>
        (this.input, this.outputs, this.inputLeaves, this.paramLeaves) = (input, outputs, inputLeaves, paramLeaves);

    /// <summary>Runs <paramref name="m"/>'s forward with autograd recording. A training forward (<paramref name="replay"/> false) leaves
    /// the output in the module's Output buffer, without a graph; a replay for the backward leaves the module's Output as it was and
    /// tells stateful modules not to update their state again (<see cref="Autograd.Replaying"/>).</summary>
    internal static Recording Record(Module m, LuaValue input, bool replay)
    {
        var ps = m.Parameters().Params;
        var paramLeaves = new TT?[ps.Count];
        var originals = new TT?[ps.Count];
        var inputLeaves = new List<TT?>();
        var leafInput = Values.Map(input, t =>
        {
            if (!TensorType.IsFloating(t.ScalarType)) { inputLeaves.Add(null); return t; }
            var leaf = Autograd.Leaf(t.Raw);
            inputLeaves.Add(leaf);
            return new Tensor(leaf);
        });
        var savedOutput = m.Output;
        var placeholder = new Tensor(torch.Empty(savedOutput.Object is Tensor so ? so.ScalarType : torch.DefaultScalarType, false, 0));
        m.Output = placeholder;
        TT[] heads;
        LuaValue outv;
        try
        {
            for (int i = 0; i < ps.Count; i++)
                if (ps[i] is not null && TensorType.IsFloating(ps[i].ScalarType))
                {
                    paramLeaves[i] = Autograd.Leaf(ps[i].Raw);
                    originals[i] = ps[i].Swap(paramLeaves[i]!);
                }
            outv = Autograd.Recorded(replay, () => m.UpdateOutput(leafInput));
            heads = Values.Tensors(outv).Select(o => o.Raw.alias()).ToArray();
        }
        catch
        {
            foreach (var l in inputLeaves) l?.Dispose();
            foreach (var l in paramLeaves) l?.Dispose();
            throw;
        }
        finally
        {
            for (int i = 0; i < ps.Count; i++)
                if (originals[i] is not null) ps[i].Swap(originals[i]!);
            m.Output = savedOutput;
        }
        if (!replay) m.Output = outv.Object is Tensor ? Buffers.Fit(ref m.Output, heads[0].dtype).Reset(Autograd.Unversioned(heads[0])).Owns()
            : Values.Map(outv, t => new Tensor(Autograd.Unversioned(t.Raw)));
        if (!ReferenceEquals(outv.Object, placeholder)) Values.Dispose(outv, input, leafInput);
        placeholder.Dispose();
        return new Recording(input.Object, heads, inputLeaves.ToArray(), paramLeaves);
    }

    /// <summary>Whether this is the graph of a forward of <paramref name="x"/> not yet used by a backward.</summary>
    internal bool Records(LuaValue x) => outputs is not null && ReferenceEquals(x.Object, input);

    /// <summary>Whether <see cref="Backward"/> ran for this input and gradOutput and its parameter gradients are still here.</summary>
    internal bool Holds(LuaValue x, LuaValue g) => paramGrads is not null && ReferenceEquals(x.Object, input) && ReferenceEquals(g.Object, gradOutput);

    /// <summary>Computes the input gradient (<see cref="GradInput"/>; skipped when the module's GradInput is nil, Lua's idiom for a
    /// first layer) and the parameter gradients, then frees the graph and the leaves.</summary>
    internal void Backward(Module m, LuaValue x, LuaValue g)
    {
        bool wantInput = !m.GradInput.IsNil;
        var wrt = (wantInput ? inputLeaves : new TT?[inputLeaves.Length]).Concat(paramLeaves).ToArray();
        var grads = Autograd.Grad(m, outputs!, Values.Tensors(g), wrt);
        var outType = outputs!.Length > 0 ? outputs[0].dtype : torch.DefaultScalarType;
        FreeGraph();
        int k = 0;
        GradInput = !wantInput ? LuaValue.Nil : Values.Map(x, t =>
        {
            var gi = grads[k++];
            if (gi is not null) return new Tensor(gi);
            return new Tensor(TorchSharp.torch.zeros(t.Raw.shape, TensorType.IsFloating(t.ScalarType) ? t.ScalarType : outType, t.Raw.device));
        });
        paramGrads = grads[inputLeaves.Length..];
        gradOutput = g.Object;
    }

    /// <summary>Adds <paramref name="scale"/> times each parameter gradient to <paramref name="grads"/> and lets them go.</summary>
    internal void Accumulate(List<Tensor> grads, double scale)
    {
        for (int k = 0; k < grads.Count && k < paramGrads!.Length; k++)
        {
            var g = paramGrads[k];
            if (g is null || grads[k] is null) continue;
            using (g)
            using (var shaped = g.reshape(grads[k].Raw.shape))
                Tensor.AddScaled(grads[k].Raw, scale, shaped, inPlace: true);
            paramGrads[k] = null;
        }
    }

    void FreeGraph()
    {
        foreach (var o in outputs ?? Array.Empty<TT>()) o.Dispose();
        outputs = null;
        Free(inputLeaves);
        Free(paramLeaves);
    }

    static void Free(TT?[] tensors)
    {
        for (int i = 0; i < tensors.Length; i++)
        {
            tensors[i]?.Dispose();
            tensors[i] = null;
        }
    }

    /// <summary>Frees the graph, the leaves and the gradients not taken.</summary>
    public void Dispose()
    {
        FreeGraph();
        if (paramGrads is not null) Free(paramGrads);
        paramGrads = null;
    }
}
