using Torch.Native;
using TorchSharp;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>
/// Lua's <c>nn.Jacobian</c>: gradient checks comparing a module's backward with central finite differences of its forward.
/// Every function returns the largest absolute difference; Torch7's tests require it below 1e-5 in double.
/// </summary>
/// <remarks>Example: <c>double maxErr = Jacobian.TestJacobian(nn.Linear(5, 3), torch.Tensor(5));</c></remarks>
public static class Jacobian
{
    /// <summary>The Jacobian (nParam x nOutput) from backward: column i is the gradient for the output basis vector i
    /// (of the input, or of <paramref name="dparam"/> when <paramref name="param"/> is given).
    /// Example: <c>var jb = Jacobian.Backward(m, x);</c></summary>
    public static Tensor Backward(Module module, Tensor input, Tensor? param = null, Tensor? dparam = null)
    {
        var p = param ?? input;
        Tensor output = module.Forward(input);
        var dout = output.New().ResizeAs(output);
        var flat = dout.Raw.view(-1);
        var jacobian = torch.Tensor(p.NElement(), dout.NElement()).Zero();
        for (long i = 0; i < dout.NElement(); i++)
        {
            dout.Zero();
            using (var e = flat[i]) e.Fill_(1.0);
            module.ZeroGradParameters();
            Tensor din = module.UpdateGradInput(input, dout);
            module.AccGradParameters(input, dout);
            using var col = jacobian.Select(2, i + 1);
            col.Copy(param is null ? din : dparam!);
        }
        flat.Dispose();
        return jacobian;
    }

    /// <summary>The Jacobian (nParam x nOutput) by central differences of the forward, perturbing each element of
    /// <paramref name="param"/> (default: the input) by ±<paramref name="perturbation"/>. Example: <c>var jf = Jacobian.Forward(m, x);</c></summary>
    public static Tensor Forward(Module module, Tensor input, Tensor? param = null, double perturbation = 1e-6) =>
        ForwardCore(module, input, param ?? input, perturbation, update: false);

    static Tensor ForwardCore(Module module, Tensor input, Tensor param, double h, bool update)
    {
        long nOut = ((Tensor)module.Forward(input)).NElement();
        var jacobian = torch.Tensor(param.NElement(), nOut);
        var outa = torch.Tensor(nOut);
        var outb = torch.Tensor(nOut);
        var elements = ElementViews(param);
        for (int i = 0; i < elements.Length; i++)
        {
            var e = elements[i];
            double orig = e.ToDouble();
            e.Fill_(orig - h);
            outa.Copy(module.Forward(input));
            e.Fill_(orig + h);
            outb.Copy(module.Forward(input));
            e.Fill_(orig);
            outb.Add(-1, outa);
            outb.Raw.Div_(2 * h);
            using var row = jacobian.Select(1, i + 1);
            row.Copy(outb);
            if (update)
            {
                row.Raw.neg_();
                row.Add(orig);
            }
        }
        foreach (var e in elements) e.Dispose();
        return jacobian;
    }

    /// <summary>One 0-dim view per element of <paramref name="t"/>, in row-major order (so a perturbation reaches the module).</summary>
    static TS.Tensor[] ElementViews(Tensor t)
    {
        var sizes = t.Size();
        var r = new TS.Tensor[t.NElement()];
        var idx = new long[sizes.Length];
        for (long k = 0; k < r.Length; k++)
        {
            long rem = k;
            for (int d = sizes.Length - 1; d >= 0; d--) { idx[d] = rem % sizes[d]; rem /= sizes[d]; }
            var v = t.Raw.alias();
            for (int d = 0; d < sizes.Length; d++)
            {
                var next = v.select(0, idx[d]);
                v.Dispose();
                v = next;
            }
            r[k] = v;
        }
        return r;
    }

    /// <summary>Lua's <c>testJacobian(m, x[, min=-2, max=2, h])</c>: fills <paramref name="input"/> with U(min, max) and compares the
    /// input Jacobians of forward and backward. Example: <c>Jacobian.TestJacobian(m, torch.Tensor(3, 5)).Should().BeLessThan(1e-5);</c></summary>
    public static double TestJacobian(Module module, Tensor input, double minval = -2, double maxval = 2, double perturbation = 1e-6)
    {
        input.Uniform(minval, maxval);
        using var jf = Forward(module, input, input, perturbation);
        using var jb = Backward(module, input);
        return MaxAbsDiff(jf, jb);
    }

    /// <summary>Lua's <c>testJacobianParameters(m, x, param, dparam)</c>: the same for a parameter and its gradient
    /// (both <paramref name="input"/> and <paramref name="param"/> are refilled with U(min, max)). Example: <c>Jacobian.TestJacobianParameters(lin, x, lin.Weight, lin.GradWeight)</c>.</summary>
    public static double TestJacobianParameters(Module module, Tensor input, Tensor param, Tensor dparam, double minval = -2, double maxval = 2, double perturbation = 1e-6)
    {
        input.Uniform(minval, maxval);
        param.Uniform(minval, maxval);
        using var jb = Backward(module, input, param, dparam);
        using var jf = Forward(module, input, param, perturbation);
        return MaxAbsDiff(jf, jb);
    }

    /// <summary>Lua's <c>testJacobianUpdateParameters(m, x, param)</c>: the parameters after accUpdateGradParameters(lr = 1) for each
    /// output basis vector, against p - J_fd. Example: <c>Jacobian.TestJacobianUpdateParameters(lin, x, lin.Weight)</c>.</summary>
    public static double TestJacobianUpdateParameters(Module module, Tensor input, Tensor param, double minval = -2, double maxval = 2, double perturbation = 1e-6)
    {
        input.Uniform(minval, maxval);
        param.Uniform(minval, maxval);
        using var jb = BackwardUpdate(module, input, param);
        using var jf = ForwardCore(module, input, param, perturbation, update: true);
        return MaxAbsDiff(jf, jb);
    }

    /// <summary>Lua's <c>Jacobian.backwardUpdate</c>: column i holds <paramref name="param"/> after UpdateGradInput and
    /// AccUpdateGradParameters(lr = 1) for output basis vector i, from the original parameters. Example: <c>Jacobian.BackwardUpdate(m, x, m.Weight)</c>.</summary>
    public static Tensor BackwardUpdate(Module module, Tensor input, Tensor param)
    {
        Tensor output = module.Forward(input);
        var dout = output.New().ResizeAs(output);
        var flat = dout.Raw.view(-1);
        var jacobian = torch.Tensor(param.NElement(), dout.NElement()).Zero();
        var ps = module.Parameters().Params;
        var orig = ps.Select(p => p.Clone()).ToList();
        for (long i = 0; i < dout.NElement(); i++)
        {
            for (int j = 0; j < ps.Count; j++) ps[j].Copy(orig[j]);
            dout.Zero();
            using (var e = flat[i]) e.Fill_(1.0);
            module.UpdateGradInput(input, dout);
            module.AccUpdateGradParameters(input, dout, 1);
            using var col = jacobian.Select(2, i + 1);
            col.Copy(param);
        }
        for (int j = 0; j < ps.Count; j++) ps[j].Copy(orig[j]);
        flat.Dispose();
        return jacobian;
    }

    /// <summary>Lua's <c>testAllUpdate(m, x, 'weight', 'gradWeight')</c>: the four ways of updating a parameter (accGradParameters +
    /// updateParameters, accUpdateGradParameters, and both with a shared clone) agree; returns the error norm of each.
    /// Example: <c>Jacobian.TestAllUpdate(lin, x, "weight", "gradWeight").Values.Max()</c>.</summary>
    public static Dictionary<string, double> TestAllUpdate(Module module, Tensor input, string weight, string gradWeight)
    {
        var errors = new Dictionary<string, double>();
        double lr = 0.1 + 0.9 * new Random().NextDouble();
        Tensor W(Module m, string name) => Internal.Lookup.Tensor(m, name)
            ?? throw new ArgumentException($"Jacobian.TestAllUpdate: {m} has no tensor field '{name}'");

        var maccgp = module.Clone();
        var weightc = W(maccgp, weight).Clone();
        Tensor o = maccgp.Forward(input);
        var gradOutput = torch.Tensor(o.Size()).Uniform();
        maccgp.ZeroGradParameters();
        maccgp.UpdateGradInput(input, gradOutput);
        maccgp.AccGradParameters(input, gradOutput);
        maccgp.UpdateParameters(lr);
        var grad = W(maccgp, gradWeight);
        Tensor Expected(double factor) => torch.Add(weightc, -lr * factor, grad);
        errors["accGradParameters"] = Norm(Expected(1), W(maccgp, weight));

        var maccugp = module.Clone();
        maccugp.Forward(input);
        maccugp.UpdateGradInput(input, gradOutput);
        maccugp.AccUpdateGradParameters(input, gradOutput, lr);
        errors["accUpdateGradParameters"] = Norm(W(maccugp, weight), W(maccgp, weight));

        foreach (bool viaUpdate in new[] { false, true })
        {
            var m1 = module.Clone();
            var m2 = module.Clone();
            m2.Share(m1, weight);
            foreach (var m in new[] { m1, m2 }) m.Forward(input);
            if (!viaUpdate) foreach (var m in new[] { m1, m2 }) m.ZeroGradParameters();
            foreach (var m in new[] { m1, m2 }) m.UpdateGradInput(input, gradOutput);
            foreach (var m in new[] { m1, m2 })
            {
                if (viaUpdate) m.AccUpdateGradParameters(input, gradOutput, lr);
                else m.AccGradParameters(input, gradOutput);
            }
            if (!viaUpdate) foreach (var m in new[] { m1, m2 }) m.UpdateParameters(lr);
            var expected = Expected(2);
            errors[viaUpdate ? "accUpdateGradParameters [shared]" : "accGradParameters [shared]"] =
                Norm(expected, W(m1, weight)) + Norm(expected, W(m2, weight));
        }
        return errors;
    }

    /// <summary>Lua's <c>criterionJacobianTest</c>: central differences of the criterion's forward against its backward, for a tensor
    /// input or a table of tensors. Example: <c>Jacobian.TestCriterion(nn.MSECriterion(), x, t).Should().BeLessThan(1e-5);</c></summary>
    public static double TestCriterion(Criterion criterion, LuaValue input, LuaValue target, double h = 1e-6)
    {
        criterion.Forward(input, target);
        var grads = Internal.Values.Tensors(criterion.Backward(input, target)).Select(g => g.Clone()).ToList();
        var inputs = Internal.Values.Tensors(input);
        double max = 0;
        for (int k = 0; k < inputs.Count; k++)
        {
            var elements = ElementViews(inputs[k]);
            var fd = new double[elements.Length];
            for (int i = 0; i < elements.Length; i++)
            {
                var e = elements[i];
                double orig = e.ToDouble();
                e.Fill_(orig - h);
                double a = criterion.Forward(input, target);
                e.Fill_(orig + h);
                double b = criterion.Forward(input, target);
                e.Fill_(orig);
                fd[i] = (b - a) / (2 * h);
                e.Dispose();
            }
            var analytic = grads[k].ToArray();
            for (int i = 0; i < fd.Length; i++) max = Math.Max(max, Math.Abs(fd[i] - analytic[i]));
        }
        return max;
    }

    /// <summary>Lua's <c>batchcompare</c>: the module on a batch of one against a clone on the single sample; returns the largest
    /// difference of outputs, gradInputs and parameter gradients. Example: <c>Jacobian.TestBatchVsSingle(lin, torch.Tensor(5).Uniform())</c>.</summary>
    public static double TestBatchVsSingle(Module module, Tensor sample)
    {
        var single = module.Clone();
        var batch = module.Clone();
        var sizes = new[] { 1L }.Concat(sample.Size()).ToArray();
        var batchInput = sample.Clone().View(sizes);
        Tensor so = single.Forward(sample);
        Tensor bo = batch.Forward(batchInput);
        var gradOutput = torch.Tensor(so.Size()).Uniform();
        var batchGrad = gradOutput.Clone().View(bo.Size());
        single.ZeroGradParameters();
        batch.ZeroGradParameters();
        Tensor sg = single.Backward(sample, gradOutput);
        Tensor bg = batch.Backward(batchInput, batchGrad);
        double err = Math.Max(MaxAbsDiff(so, bo), MaxAbsDiff(sg, bg));
        var (_, g1) = single.Parameters();
        var (_, g2) = batch.Parameters();
        for (int i = 0; i < g1.Count; i++) err = Math.Max(err, MaxAbsDiff(g1[i], g2[i]));
        return err;
    }

    /// <summary>
    /// Lua's <c>testIO</c>: forward and backward with a random gradOutput, <c>ClearState</c> (which must return the module),
    /// a round trip through Torch7's binary format, the same forward and backward on the copy; returns the largest
    /// difference of the outputs and of the gradInputs (both 0 when the file keeps everything).
    /// Example: <c>var (fo, bo) = Jacobian.TestIO(nn.Linear(5, 3), torch.Tensor(5));</c>
    /// </summary>
    public static (double Output, double GradInput) TestIO(Module module, Tensor input, double minval = -2, double maxval = 2)
    {
        var inputClone = input.Clone();
        Tensor output = module.Forward(input);
        var gradOutput = torch.Tensor(output.NElement()).Uniform(minval, maxval).View(output.Size()).TypeAs(output);
        var gradOutputClone = gradOutput.Clone();
        module.ZeroGradParameters();
        module.UpdateGradInput(input, gradOutput);
        module.AccGradParameters(input, gradOutput);
        var fo = ((Tensor)module.Output).Clone();
        var bo = ((Tensor)module.GradInput).Clone();
        if (!ReferenceEquals(module.ClearState(), module))
            throw new InvalidOperationException($"Jacobian.TestIO: {module}.ClearState() did not return the module");
        var copy = torch.Deserialize(torch.Serialize(module)) as Module
            ?? throw new InvalidOperationException($"Jacobian.TestIO: {module} did not come back from its file as a module");
        copy.Forward(inputClone);
        copy.ZeroGradParameters();
        copy.UpdateGradInput(inputClone, gradOutputClone);
        copy.AccGradParameters(inputClone, gradOutputClone);
        return (MaxAbsDiff(fo, (Tensor)copy.Output), bo.NElement() == 0 ? 0 : MaxAbsDiff(bo, (Tensor)copy.GradInput));
    }

    static double MaxAbsDiff(Tensor a, Tensor b)
    {
        if (a.NElement() != b.NElement())
            throw new ArgumentException($"Jacobian: sizes differ: {a.SizeString()} and {b.SizeString()}");
        if (a.NElement() == 0) return 0;
        using var bv = b.Raw.reshape(a.Raw.shape);
        using var d = a.Raw.sub(bv);
        using var ab = d.abs_();
        using var m = ab.max();
        return m.ToDouble();
    }

    static double Norm(Tensor a, Tensor b)
    {
        using var d = a.Raw.sub(b.Raw);
        using var n = d.norm();
        return n.ToDouble();
    }
}
